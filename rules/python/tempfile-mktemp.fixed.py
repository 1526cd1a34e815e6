import os
import tempfile

# ruleid: python-tempfile-mktemp
path = tempfile.mkstemp(suffix=".csv")
# ruleid: python-tempfile-mktemp
scratch = tempfile.mkstemp()
# ok: python-tempfile-mktemp
fd, path = tempfile.mkstemp(suffix=".csv")
# ok: python-tempfile-mktemp
workdir = tempfile.mkdtemp()
# ok: python-tempfile-mktemp
with tempfile.NamedTemporaryFile("w", delete=False) as fh:
    fh.write("data")
