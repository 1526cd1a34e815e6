"""Run the ztlint CLI in a child process (a crash or a hang must not take the test run down),
optionally with a grammar that crashes on marked files (forced from outside the product)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

# Kills the process (as a segfaulting grammar would) when parsing a file containing
# CRASH-PARSE, or when analysing one containing CRASH-ALWAYS (text rules included).
_CRASHING = '''
import os, signal, sys
from ztlint.engine import analyze as a
real_parse, real_collect = a.parse, a.collect
def parse(source, *args, **kw):
    if b"CRASH-PARSE" in source:
        os.kill(os.getpid(), signal.SIGSEGV)
    return real_parse(source, *args, **kw)
def collect(source, *args, **kw):
    if b"CRASH-ALWAYS" in source:
        os.kill(os.getpid(), signal.SIGSEGV)
    return real_collect(source, *args, **kw)
a.parse, a.collect = parse, collect
'''
_RUN = '''
from ztlint import cli
sys.argv = ["ztlint"] + sys.argv[1:]
cli.entry()
'''


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


def ztlint(*args: str, cwd=None, crashing: bool = False, timeout: float = 120) -> Run:
    script = "import sys\n" + (_CRASHING if crashing else "") + _RUN
    p = subprocess.run([sys.executable, "-c", script, *args], cwd=cwd, capture_output=True,
                       timeout=timeout)
    return Run(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))
