import shlex
import subprocess
import subprocess as sp
from subprocess import Popen


def convert(src, dst, args, opts):
    # ruleid: python-subprocess-shell-formatted
    subprocess.run(f"convert {src} {dst}", shell=True, check=True)
    # ruleid: python-subprocess-shell-formatted
    subprocess.check_output("du -sh %s" % dst, shell=True)
    # ruleid: python-subprocess-shell-formatted
    sp.call("gzip -9 " + src, shell=True)
    # ruleid: python-subprocess-shell-formatted
    Popen("rsync {} {}".format(src, dst), shell=True, stdout=subprocess.PIPE)
    # ruleid: python-subprocess-shell-formatted
    subprocess.check_call(" ".join(["ffmpeg", "-i", src, dst]), shell=True)
    # ruleid: python-subprocess-shell-formatted
    subprocess.run(
        "grep -r "
        f"{opts.pattern} /var/log",
        shell=True,
    )
    # ok: python-subprocess-shell-formatted
    subprocess.run(["convert", src, dst], check=True)
    # ok: python-subprocess-shell-formatted
    subprocess.run(f"convert {src} {dst}", shell=False)
    # ok: python-subprocess-shell-formatted, python-subprocess-shell-variable
    subprocess.run(f"ls -l /srv", shell=True)
    # ok: python-subprocess-shell-formatted
    subprocess.run("ls -l " + "/srv", shell=True)
    # ok: python-subprocess-shell-formatted, python-subprocess-shell-variable
    subprocess.run("ls -l | wc -l", shell=True)
    # ok: python-subprocess-shell-formatted
    subprocess.run(f"convert {shlex.quote(src)} {shlex.quote(dst)}", shell=True)
    # ok: python-subprocess-shell-formatted
    log.run(f"step {src}", verbose=True)


def run_user_command(cmd, job):
    # ruleid: python-subprocess-shell-variable
    subprocess.run(cmd, shell=True)
    # ruleid: python-subprocess-shell-variable
    proc = sp.Popen(job.command, shell=True, stdout=sp.PIPE)
    # ruleid: python-subprocess-shell-variable
    subprocess.check_output(job.args[0], shell=True)
    # ruleid: python-subprocess-shell-variable
    subprocess.call(build_command(job), shell=True)
    # ok: python-subprocess-shell-variable
    subprocess.run(cmd)
    # ok: python-subprocess-shell-variable
    subprocess.run(shlex.join(["tar", "czf", job.out, job.src]), shell=True)
    # ok: python-subprocess-shell-variable
    subprocess.run(CLEANUP_COMMAND, shell=True)
    # ok: python-subprocess-shell-variable
    subprocess.run(settings.BACKUP_CMD, shell=True)
    # ok: python-subprocess-shell-variable
    subprocess.run(shlex.split(cmd))
    return proc
