import logging
import os
import sqlite3
import tempfile
from pathlib import Path

# ruleid: python-hardcoded-tmp-path
with open("/tmp/report.csv", "w") as fh:
    fh.write("id,total\n")
# ruleid: python-hardcoded-tmp-path
cache = sqlite3.connect("/var/tmp/cache.db")
# ruleid: python-hardcoded-tmp-path
handler = logging.FileHandler("/tmp/app.log")
# ruleid: python-hardcoded-tmp-path
lock = Path("/dev/shm/worker.lock")
# ruleid: python-hardcoded-tmp-path
out = os.path.join("/tmp", "export.json")
# ok: python-hardcoded-tmp-path
with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
    fh.write("id,total\n")
# ok: python-hardcoded-tmp-path
fd, path = tempfile.mkstemp(dir="/tmp")
# ok: python-hardcoded-tmp-path
out = os.path.join(tempfile.gettempdir(), "export.json")
# ok: python-hardcoded-tmp-path
with open("/tmpl/report.csv") as fh:
    fh.read()
# ok: python-hardcoded-tmp-path
print("/tmp/report.csv")
