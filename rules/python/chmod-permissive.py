import os
import stat
from pathlib import Path


def install(script_path, data_path, fd, mode):
    # ruleid: python-chmod-world-writable
    os.chmod(script_path, 0o777)
    # ruleid: python-chmod-world-writable
    os.chmod(data_path, 0o666)
    # ruleid: python-chmod-world-writable
    os.chmod(data_path, stat.S_IRUSR | stat.S_IWUSR | stat.S_IWOTH)
    # ruleid: python-chmod-world-writable
    Path(script_path).chmod(0o1777)
    # ruleid: python-chmod-world-writable
    os.fchmod(fd, 0o646)
    # ok: python-chmod-world-writable
    os.chmod(script_path, 0o755)
    # ok: python-chmod-world-writable
    os.chmod(data_path, 0o600)
    # ok: python-chmod-world-writable
    os.chmod(data_path, mode & 0o777)
    # ok: python-chmod-world-writable
    os.chmod(data_path, os.stat(data_path).st_mode & ~stat.S_IWOTH)
    # ok: python-chmod-world-writable
    os.chmod(data_path, stat.S_IRUSR | stat.S_IWUSR)
