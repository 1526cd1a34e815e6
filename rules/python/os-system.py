import asyncio
import os
import shlex
import subprocess
from subprocess import getoutput


def ping(host, count, path):
    # ruleid: python-os-system-formatted
    os.system(f"ping -c {count} {host}")
    # ruleid: python-os-system-formatted
    fh = os.popen("ls -la %s" % path)
    # ruleid: python-os-system-formatted
    status, out = subprocess.getstatusoutput("wc -l " + path)
    # ruleid: python-os-system-formatted
    out = getoutput("file {}".format(path))
    # ok: python-os-system-formatted
    os.system("ping -c 1 127.0.0.1")
    # ok: python-os-system-formatted
    os.system(f"sync")
    # ok: python-os-system-formatted
    os.system("clear" if os.name == "posix" else "cls")
    # ok: python-os-system-formatted
    os.path.join(f"/srv/{host}", path)
    # ok: python-os-system-formatted
    os.system(f"ping -c 1 {shlex.quote(host)}")
    return fh, status, out


async def run_hook(hook, cmd):
    # ruleid: python-os-system-formatted
    await asyncio.create_subprocess_shell(f"{hook.script} --event push")
    # ruleid: python-os-system-variable
    proc = await asyncio.create_subprocess_shell(cmd, stdout=asyncio.subprocess.PIPE)
    # ok: python-os-system-variable
    proc2 = await asyncio.create_subprocess_exec("git", "pull", cwd=hook.repo)
    return proc, proc2


def legacy(cmd, job):
    # ruleid: python-os-system-variable
    os.system(cmd)
    # ruleid: python-os-system-variable
    os.popen(job.command).read()
    # ruleid: python-os-system-variable
    subprocess.getoutput(make_command(job))
    # ok: python-os-system-variable
    os.system(CLEAR_SCREEN)
    # ok: python-os-system-variable
    os.system(shlex.join(["tar", "czf", job.out, job.src]))
    # ok: python-os-system-variable
    os.getenv(cmd)
