import os
import zipfile

from flask import Flask, abort, request, send_file
from flask_appbuilder import BaseView, expose
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/download")
def download():
    name = request.args["file"]
    # ruleid: python-flow-path
    return send_file(os.path.join(UPLOADS, name))


@app.route("/read")
def read():
    name = request.args["file"]
    # ok: python-flow-path
    with open(os.path.join(UPLOADS, secure_filename(name))) as fh:
        data = fh.read()
    # ok: python-flow-path
    with open(os.path.join(UPLOADS, os.path.basename(name))) as fh:
        data += fh.read()
    # ruleid: python-flow-path
    with open(os.path.join(UPLOADS, name.strip())) as fh:
        data += fh.read()
    return data


@app.route("/checked")
def checked():
    full = os.path.realpath(os.path.join(UPLOADS, request.args["file"]))
    if not full.startswith(UPLOADS + os.sep):
        abort(403)
    # ok: python-flow-path
    return open(full).read()


@app.route("/delete/<path:name>")
def delete(name):
    # ruleid: python-flow-path
    os.remove(os.path.join(UPLOADS, name))
    # ok: python-flow-path
    os.remove(os.path.join(UPLOADS, "cache.tmp"))
    return "ok"


class FilesView(BaseView):
    @expose("/read/<path:name>")
    def read(self, name):
        # ruleid: python-flow-path
        return open(os.path.join(UPLOADS, name)).read()


@app.route("/avatar/<user>")
def avatar(user):
    # ok: python-flow-path
    return send_file(os.path.join(UPLOADS, user + ".png"))  # one URL segment: no "/" in it


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["bundle"]
    # ok: python-flow-path
    with zipfile.ZipFile(f) as z:
        names = z.namelist()
    # ruleid: python-flow-path
    with open(os.path.join(UPLOADS, f.filename), "wb") as out:
        out.write(f.read())
    return str(names)


@app.route("/export")
def export():
    # the project's own validator returns the checked value (it raises otherwise)
    target = validate_path_is_safe(request.args["path"])
    # ok: python-flow-path
    open(os.path.join(UPLOADS, target), "w").close()
    raw = check_path_format(request.args["path"])
    # ruleid: python-flow-path
    open(os.path.join(UPLOADS, raw), "w").close()
    return "ok"


def check_path_format(value):
    return value.strip()


def validate_path_is_safe(value):
    if ".." in value or value.startswith("/"):
        raise ValueError("unsafe path")
    return value
