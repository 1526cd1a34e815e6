"""Shared helpers for the benchmarks: the tools venv, the Django corpus, measuring a child
process, machine notes, tables.

Standard library only: the benchmark scripts run under any Python 3.10+ (`python3`).
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
WORK_DIR = BENCH_DIR / "work"            # git-ignored: downloads, venv, corpus, results
VENV_DIR = WORK_DIR / "venv"
REQUIREMENTS = BENCH_DIR / "requirements.txt"
DOWNLOADS = WORK_DIR / "downloads"
# The corpus lives one level below its own (empty) git repository, `work/corpus/.git`:
# benchmarks/work/ is ignored by this repo's .gitignore, and ztlint's discovery climbs from the
# scanned folder's *parent* to the nearest .git and applies the .gitignore files on the way, so
# without that boundary it would skip every Django file. Real users scan their own checkout.
CORPUS_REPO = WORK_DIR / "corpus"
DEFAULT_ZTLINT = REPO_DIR / ".venv" / "bin" / "ztlint"
DJANGO_VERSION = "5.1.4"


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# -- the tools venv -------------------------------------------------------------------------
def venv_bin(name: str) -> Path:
    return VENV_DIR / "bin" / name


def ensure_venv() -> Path:
    """Create benchmarks/work/venv with the pinned tools if missing or out of date."""
    stamp = VENV_DIR / ".bench-requirements.sha256"
    want = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if venv_bin("python").exists() and stamp.exists() and stamp.read_text().strip() == want:
        return VENV_DIR
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    if not venv_bin("python").exists():
        log(f"creating {VENV_DIR}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV_DIR)], check=True)
    log(f"installing {REQUIREMENTS.name} into {VENV_DIR}")
    subprocess.run([str(venv_bin("python")), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "-r", str(REQUIREMENTS)], check=True)
    stamp.write_text(want + "\n")
    return VENV_DIR


def git_boundary(folder: Path) -> None:
    """Make ``folder`` an (empty) git repository: ztlint applies the .gitignore files of the
    enclosing repository, and this one ignores benchmarks/work/, so a corpus under it needs its
    own repository root, as a user's checkout would have."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / ".git").exists():
        if shutil.which("git"):
            subprocess.run(["git", "init", "-q", str(folder)], check=True)
        else:
            (folder / ".git").mkdir()


# -- the Django corpus ----------------------------------------------------------------------
def ensure_django(version: str = DJANGO_VERSION) -> Path:
    """Download Django's sdist from PyPI (once) and unpack it under work/corpus/."""
    target = CORPUS_REPO / f"Django-{version}"
    if (target / "django" / "__init__.py").exists():
        return target
    ensure_venv()
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    sdist = DOWNLOADS / f"django-{version}.tar.gz"
    found = [p for p in DOWNLOADS.iterdir() if p.name.lower() == sdist.name]
    if not found:
        log(f"downloading the Django {version} sdist from PyPI")
        subprocess.run([str(venv_bin("python")), "-m", "pip", "download", "-q", "--disable-pip-version-check",
                        "--no-deps", "--no-binary", ":all:", f"django=={version}", "-d", str(DOWNLOADS)],
                       check=True)
        found = [p for p in DOWNLOADS.iterdir() if p.name.lower() == sdist.name]
    if not found:
        raise SystemExit(f"no Django {version} sdist in {DOWNLOADS}")
    git_boundary(CORPUS_REPO)
    log(f"unpacking {found[0].name}")
    tmp = CORPUS_REPO / f".unpack-{os.getpid()}"
    with tarfile.open(found[0]) as tf:
        if hasattr(tarfile, "data_filter"):
            tf.extractall(tmp, filter="data")
        else:  # pragma: no cover - Python < 3.10.12
            # ztlint: ignore[python-tarfile-extract-unfiltered] no filter before 3.10.12; a pinned PyPI sdist
            tf.extractall(tmp)
    (inner,) = list(tmp.iterdir())
    inner.rename(target)
    tmp.rmdir()
    return target


# -- measuring one child process ------------------------------------------------------------
PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_rss(pid: int) -> int:
    """Summed RSS (bytes) of pid and its descendants (shared pages are counted per process)."""
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * PAGE
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_measured(cmd: list[str], cwd: Path, stdout_path: Path | None, stderr_path: Path) -> dict:
    """Run ``cmd`` in ``cwd`` (stdin closed, stdout to ``stdout_path`` or discarded, stderr to
    ``stderr_path``). Wall time; CPU time (user+sys of the process and all its reaped children)
    and ``ru_maxrss`` (the largest single process) from ``os.wait4``; and the peak of the summed
    RSS of the whole process tree, sampled every 0.1 s."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    err = open(stderr_path, "wb")
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        peak = [0]
        done = threading.Event()

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdout_path:
            out.close()
        err.close()
    return {"wall_s": wall, "user_s": ru.ru_utime, "sys_s": ru.ru_stime,
            "cpu_s": ru.ru_utime + ru.ru_stime, "max_rss_mb": ru.ru_maxrss / 1024,
            "tree_rss_peak_mb": peak[0] / 2**20, "returncode": proc.returncode}


def tree_stats(root: Path, pred=lambda p: True) -> tuple[int, int]:
    """(files, bytes) of regular files under root (not following .git)."""
    n = size = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".git"]
        for f in filenames:
            p = Path(dirpath, f)
            if p.is_file() and not p.is_symlink() and pred(p):
                n += 1
                size += p.stat().st_size
    return n, size


# -- machine notes --------------------------------------------------------------------------
def machine_info() -> dict:
    info = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu_model": None,
        "mem_total_gib": None,
        "loadavg_start": list(os.getloadavg()),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["mem_total_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return info


def machine_note(info: dict) -> str:
    la = info.get("loadavg_start") or []
    lae = info.get("loadavg_end") or []
    return (f"Machine: {info['cpus']} cores ({info.get('cpu_model') or 'unknown CPU'}), "
            f"{info.get('mem_total_gib')} GiB RAM, {info['platform']}, Python {info['python']}. "
            f"Shared machine: other processes may be running (load average at start "
            f"{', '.join(f'{x:.2f}' for x in la)}"
            + (f"; at end {', '.join(f'{x:.2f}' for x in lae)}" if lae else "")
            + "), so wall times are noisy; CPU times are less affected.")


# -- numbers and tables ---------------------------------------------------------------------
def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def percentile(xs, p: float):
    """Nearest-rank percentile (p in 0..100)."""
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return None
    k = max(0, min(len(xs) - 1, int(-(-p * len(xs) // 100)) - 1))
    return xs[k]


def md_table(headers: list[str], rows: list[list]) -> str:
    def cell(v):
        if v is None:
            return "n/a"
        return str(v)
    out = ["| " + " | ".join(headers) + " |",
           "| " + " | ".join("---" if i == 0 else "---:" for i in range(len(headers))) + " |"]
    out += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(out)


def fmt(v, spec: str = ".2f", suffix: str = "") -> str | None:
    return None if v is None else f"{v:{spec}}{suffix}"


# -- what was measured ----------------------------------------------------------------------
def ztlint_state(ztlint: Path) -> dict:
    """The ztlint being measured: version, git commit and uncommitted changes of its source,
    number of rules loaded and rule errors (the working tree may be in flux)."""
    out: dict = {"executable": str(ztlint)}
    py = Path(ztlint).parent / "python"
    code = ("import json, ztlint\n"
            "from ztlint.engine import rules\n"
            "from ztlint.engine.config import Config\n"
            "from ztlint.scan import runner\n"
            "rs = runner.load_ruleset(Config())\n"
            "print(json.dumps({'version': ztlint.__version__, 'package': ztlint.__file__,\n"
            "  'rules_dir': str(rules.bundled_rules_dir()), 'rules': len(rs),\n"
            "  'text_rules': len(rs.text_rules), 'rule_errors': [str(e) for e in rs.errors]}))\n")
    try:
        r = subprocess.run([str(py), "-c", code], capture_output=True, text=True, timeout=120)
        out.update(json.loads(r.stdout))
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        out["error"] = str(exc)
    src = Path(out.get("package", REPO_DIR / "server" / "ztlint" / "x")).resolve().parent
    try:
        top = subprocess.run(["git", "-C", str(src), "rev-parse", "--show-toplevel"], capture_output=True,
                             text=True, check=True).stdout.strip()
        out["git_head"] = subprocess.run(["git", "-C", top, "rev-parse", "--short", "HEAD"],
                                         capture_output=True, text=True).stdout.strip()
        status = subprocess.run(["git", "-C", top, "status", "--porcelain", "--", "server", "rules"],
                                capture_output=True, text=True).stdout.splitlines()
        out["uncommitted"] = [s.strip() for s in status]
    except (OSError, subprocess.CalledProcessError):
        pass
    return out


def ztlint_state_at_end(ztlint: Path, start: dict) -> dict:
    """ztlint's state after a run, with the state at the start as ``changed_during_run_from``
    when the commit, the uncommitted files or the number of rules changed meanwhile."""
    end = ztlint_state(ztlint)
    keys = ("git_head", "uncommitted", "rules")
    if {k: end.get(k) for k in keys} != {k: start.get(k) for k in keys}:
        end["changed_during_run_from"] = start
    return end


def ztlint_note(state: dict) -> str:
    if not state:
        return ""
    unc = state.get("uncommitted") or []
    return (f"ztlint {state.get('version', '?')} at commit {state.get('git_head', '?')}"
            + (f" plus uncommitted changes ({', '.join(unc[:8])}{' …' if len(unc) > 8 else ''})" if unc else "")
            + f"; {state.get('rules', '?')} rules loaded ({state.get('text_rules', '?')} text/secret rules)"
            + (f"; {len(state['rule_errors'])} rule error(s) in the working tree" if state.get("rule_errors") else "")
            + "."
            + (f" **The ztlint source changed while the benchmark ran** (it started at commit "
               f"{state['changed_during_run_from'].get('git_head', '?')} with "
               f"{state['changed_during_run_from'].get('rules', '?')} rules): early runs measured the old code."
               if state.get("changed_during_run_from") else ""))
