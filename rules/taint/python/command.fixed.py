import html
import os
import re
import shlex
import subprocess
import sys
from http.server import BaseHTTPRequestHandler

from flask import Flask, abort, request

app = Flask(__name__)
HOSTS = {"alpha", "beta"}
MODE = "safe"


@app.route("/ping")
def ping():
    host = request.args.get("host", "")
    # ruleid: python-flow-command
    os.system("ping -c 1 " + host)
    cmd = f"nslookup {host}"
    # ruleid: python-flow-command
    subprocess.run(cmd, shell=True)
    # ruleid: python-flow-command
    subprocess.call(["ping", "-c", "1", host])
    # ok: python-flow-command
    subprocess.run(["ping", "-c", "1", host])
    # ok: python-flow-command
    os.system("ping -c 1 " + shlex.quote(host))
    # ruleid: python-flow-command
    os.system("ping -c 1 " + html.escape(host))
    return "ok"


@app.route("/guarded")
def guarded():
    host = request.form["host"]
    if host not in HOSTS:
        abort(400)
    # ok: python-flow-command
    os.system("ping " + host)
    name = request.form["name"]
    if not re.fullmatch(r"[a-z]+", name):
        return "bad", 400
    # ok: python-flow-command
    os.system("id " + name)
    return "ok"


@app.route("/dead")
def dead():
    arg = request.args["arg"]
    if MODE == "unsafe":
        # ok: python-flow-command
        os.system("run " + arg)
    opts = {"user": arg, "cmd": "uptime"}
    # ok: python-flow-command
    os.system(opts["cmd"])
    # ruleid: python-flow-command
    os.system(opts["user"])
    arg = "ls"
    # ok: python-flow-command
    os.system(arg)
    count = int(request.args["n"])
    # ok: python-flow-command
    os.system("seq %d" % count)
    return "ok"


def run_tool(name):
    # ruleid: python-flow-command
    return subprocess.check_output("tool --name " + name, shell=True)


def quoted_tool(name):
    # ok: python-flow-command
    return subprocess.check_output("tool --name " + shlex.quote(name), shell=True)


@app.route("/tool/<name>")
def tool(name):
    quoted_tool(name)
    return run_tool(name)


@app.route("/tool2")
def tool2():
    parts = []
    parts.append(request.args["x"])
    line = " ".join(parts)
    # ruleid: python-flow-command
    os.popen(line)
    # ok: python-flow-command
    os.popen("uptime")
    return "ok"


def main():
    # ruleid: python-flow-command
    os.system("grep " + sys.argv[1] + " log.txt")


def constant_only():
    # ok: python-flow-command
    subprocess.run("make clean", shell=True)


class Runner:
    def execute(self, value):
        # ruleid: python-flow-command
        subprocess.Popen("ls " + value, shell=True)


@app.route("/runner")
def runner():
    Runner().execute(request.args["dir"])
    r = Runner()
    r.execute(request.args["other"])
    return "ok"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        # ruleid: python-flow-command
        os.system("echo " + self.path)
        # ok: python-flow-command
        os.system("echo " + shlex.quote(self.path))


@app.route("/kill/<int:pid>")
def kill(pid):
    # ok: python-flow-command
    os.system("kill %s" % pid)


@app.route("/log")
def git_log():
    pattern = request.args["pattern"]
    # ruleid: python-flow-command
    subprocess.call(["sh", "-c", "git log -- %s" % pattern])
    # ok: python-flow-command
    subprocess.call(["git", "log", "--", pattern])
