from __future__ import annotations

import pytest

from ztlint.engine import config as cfgmod

from ..helpers import write


def test_no_config_gives_defaults(tmp_path):
    cfg = cfgmod.load_config(tmp_path)
    assert cfg.source is None and cfg.max_file_size == cfgmod.DEFAULT_MAX_FILE_SIZE
    assert cfg.enabled("anything")


def test_ztlint_toml_is_found_from_a_subfolder(tmp_path):
    write(tmp_path / "ztlint.toml", """
        exclude = ["gen/"]
        max-file-size = 5000
        rule-dirs = ["my-rules"]
        fail-on = "warning"
        [rules]
        disable = ["python-assert-*"]
        [severity]
        "python-yaml-*" = "info"
        """)
    (tmp_path / "src" / "deep").mkdir(parents=True)
    cfg = cfgmod.load_config(tmp_path / "src" / "deep")
    assert cfg.source == tmp_path / "ztlint.toml"
    assert cfg.exclude == ("gen/",) and cfg.max_file_size == 5000 and cfg.fail_on == "warning"
    assert cfg.rule_dirs == ((tmp_path / "my-rules").resolve(),)
    assert not cfg.enabled("python-assert-used") and cfg.enabled("python-eval")
    assert cfg.severity_of("python-yaml-unsafe-load", "error") == "info"
    assert cfg.severity_of("python-eval", "error") == "error"


def test_pyproject_tool_table(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n[tool.ztlint]\ninclude = ["src/**"]\n')
    assert cfgmod.load_config(tmp_path).include == ("src/**",)


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert cfgmod.load_config(tmp_path).source is None


def test_wrong_type_names_file_and_field(tmp_path):
    write(tmp_path / "ztlint.toml", 'max-file-size = "big"\n')
    with pytest.raises(cfgmod.ConfigError) as exc:
        cfgmod.load_config(tmp_path)
    assert exc.value.field == "max-file-size"
    assert str(tmp_path / "ztlint.toml") in str(exc.value) and "'big' is not of type 'integer'" in str(exc.value)


def test_unknown_key_and_bad_toml(tmp_path):
    write(tmp_path / "ztlint.toml", 'exclud = ["x"]\n')
    with pytest.raises(cfgmod.ConfigError, match="exclud"):
        cfgmod.load_config(tmp_path)
    write(tmp_path / "ztlint.toml", 'exclude = [\n')
    with pytest.raises(cfgmod.ConfigError, match="toml"):
        cfgmod.load_config(tmp_path)


def test_editor_settings_merge_over_the_file(tmp_path):
    write(tmp_path / "ztlint.toml", '[rules]\ndisable = ["a-*"]\n[severity]\n"b-rule" = "info"\n')
    cfg = cfgmod.load_config(tmp_path).merged({"rules": {"disable": ["c-rule"]},
                                                "severity": {"b-rule": "error"}})
    assert not cfg.enabled("a-x") and not cfg.enabled("c-rule") and cfg.enabled("d")
    assert cfg.severity_of("b-rule", "hint") == "error"
    with pytest.raises(cfgmod.ConfigError, match="editor settings"):
        cfg.merged({"max-file-size": -1})


def test_config_file_names_are_one_constant():
    """The language server watches and reloads on engine/config.py's names; the extension activates
    on the dedicated ones (not on every pyproject.toml)."""
    import json

    from ..helpers import REPO
    assert cfgmod.CONFIG_FILES == ("ztlint.toml", ".ztlint.toml", "pyproject.toml")
    server = (REPO / "server" / "ztlint" / "lsp" / "server.py").read_text(encoding="utf-8")
    assert "CONFIG_FILES" in server and ".toml" not in server
    events = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["activationEvents"]
    names = [e.split(":", 1)[1] for e in events if e.startswith("workspaceContains:")]
    assert names and set(names) <= set(cfgmod.CONFIG_FILES) - {"pyproject.toml"}
