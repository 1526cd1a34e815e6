import os
import subprocess

from flask import request


@app.route("/lookup")
def lookup():
    # ruleid: python-command-request-data
    out = subprocess.check_output(f"nslookup {request.args['host']}", shell=True)
    # ruleid: python-command-request-data
    subprocess.run(["git", "clone", request.form["repo"], "/srv/checkout"])
    # ruleid: python-command-request-data
    os.system("convert " + request.values.get("file") + " out.png")
    # ok: python-command-request-data
    subprocess.run(["nslookup", "--", validated_host(request)], check=True)
    # ok: python-command-request-data
    subprocess.run(["uptime"], env={"LANG": request_locale})
    # ok: python-command-request-data
    app.logger.info("lookup %s", request.args.get("host"))
    return out


class ExportView(View):
    def get(self, request):
        # ruleid: python-command-request-data
        os.execvp("pg_dump", ["pg_dump", "-t", self.request.GET["table"]])
        # ok: python-command-request-data
        subprocess.run(["pg_dump", "-t", TABLES[0]])
