"""Issue 13 item 3: informational notes and hints are shown but do not fail by default."""

from __future__ import annotations

from ztlint import cli
from ztlint.engine.config import Config

from ..helpers import write
from ..hostile.clirun import ztlint

PK = "pk_live_" + "51HxQ2dKz8Wm3Vb7Rt9Yp4Lc"  # a Stripe publishable key: public by design


def test_an_info_note_does_not_fail_by_default(tmp_path):
    write(tmp_path / "checkout.js", f"const stripe = Stripe('{PK}');\n")
    run = ztlint("scan", "checkout.js", cwd=tmp_path)
    assert "info secret-stripe-publishable-key" in run.out  # still shown
    assert run.code == 0, run.out  # was 1: a public key blocked the pre-commit hook
    assert ztlint("scan", "--fail-on", "hint", "checkout.js", cwd=tmp_path).code == 1
    assert ztlint("scan", "--fail-on", "info", "checkout.js", cwd=tmp_path).code == 1
    write(tmp_path / "ztlint.toml", 'fail-on = "info"\n')
    assert ztlint("scan", "checkout.js", cwd=tmp_path).code == 1


def test_a_warning_still_fails_by_default(tmp_path):
    write(tmp_path / "app.py", "import os\nos.system(input())\n")
    assert ztlint("scan", "app.py", cwd=tmp_path).code == 1


def test_the_default_is_warning_and_help_says_so(capsys):
    assert Config().fail_on == "warning"
    try:
        cli.main(["scan", "--help"])
    except SystemExit:
        pass
    text = " ".join(capsys.readouterr().out.split())
    assert "default: warning" in text and "--fail-on info/hint" in text
