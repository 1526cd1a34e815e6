import os

from flask import request, send_file, send_from_directory
from werkzeug.utils import secure_filename

REPORTS = "/srv/reports"


@app.route("/report")
def report():
    # ruleid: python-path-traversal-request-data
    with open(request.args["name"]) as fh:
        body = fh.read()
    # ruleid: python-path-traversal-request-data
    return send_file(REPORTS + "/" + request.args.get("file"))


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["doc"]
    # ruleid: python-path-traversal-request-data
    f.save(os.path.join(REPORTS, request.files["doc"].filename))
    # ok: python-path-traversal-request-data
    f.save(os.path.join(REPORTS, secure_filename(request.files["doc"].filename)))
    # ok: python-path-traversal-request-data
    resp = send_from_directory(REPORTS, request.args["name"])
    # ok: python-path-traversal-request-data
    with open(os.path.join(REPORTS, "index.json")) as fh:
        index = fh.read()
    # ruleid: python-path-traversal-request-data
    resp = send_file(os.path.join(REPORTS, request.view_args["name"]))
    # ok: python-path-traversal-request-data
    app.logger.info("upload %s", request.files["doc"].filename)
    return resp, index


class DownloadView(View):
    def get(self, request):
        # ruleid: python-path-traversal-request-data
        return FileResponse(open(self.request.GET["path"], "rb"))
