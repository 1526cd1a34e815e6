"""``--shard K/N``: a stable partition of the files; the shards together are the whole scan."""

from __future__ import annotations

import subprocess
import sys

from ztlint.engine.config import load_config
from ztlint.scan import runner
from ztlint.scan.shard import shard_of

from .gentree import build


def _key(f):
    return (f.path, f.start_byte, f.rule_id, f.fingerprint)


def test_shards_partition_the_files_and_together_find_everything(tmp_path, bundled):
    root = build(tmp_path / "proj", packages=6)
    config = load_config(root)
    whole = runner.scan([root], config, ruleset=bundled, base=root, isolate=False)
    parts = [runner.scan([root], config, ruleset=bundled, base=root, isolate=False, shard=(k, 3))
             for k in (1, 2, 3)]
    analysed = [set(p.analysed) for p in parts]
    assert all(analysed) and sum(map(len, analysed)) == len(set().union(*analysed))  # disjoint
    assert set().union(*analysed) == set(whole.analysed)
    # a module stays with its siblings: the flows across modules of one package are kept
    assert sorted(_key(f) for p in parts for f in p.findings) == sorted(map(_key, whole.findings))
    assert [p.shard for p in parts] == [(1, 3), (2, 3), (3, 3)]


def test_the_partition_is_the_same_in_every_process():
    paths = [f"pkg{i}/mod{j}.py" for i in range(40) for j in range(2)]
    here = [shard_of(p, 4) for p in paths]
    code = ("import sys, json; from ztlint.scan.shard import shard_of\n"
            "print(json.dumps([shard_of(p, 4) for p in json.loads(sys.argv[1])]))")
    import json
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code, json.dumps(paths)], capture_output=True,
                             text=True, env={"PYTHONHASHSEED": seed}, check=True).stdout
        assert json.loads(out) == here
    assert set(here) == {1, 2, 3, 4}
    assert here[0::2] == here[1::2]  # files of one folder share a shard


def test_a_bad_shard_is_a_usage_error(capsys):
    from ztlint import cli
    import pytest
    for bad in ("0/2", "3/2", "1", "a/b"):
        with pytest.raises(SystemExit) as exc:
            cli.main(["scan", ".", "--shard", bad])
        assert exc.value.code == 2
    assert "expected K/N" in capsys.readouterr().err
