"""Issue 10 item 5: rule files are hostile input (a repository's `rule-dirs` reaches the editor).
Alias bombs, deep nesting and huge files are refused with an error naming file and line."""

from __future__ import annotations

import yaml

from ztlint.engine import rules, yamlsource

from ..helpers import EVAL_RULE, write


def _alias_bomb(levels: int, width: int = 10) -> str:
    """A few hundred bytes that expand to width**levels nodes."""
    lines = ["a0: &a0 [" + ", ".join(["x"] * width) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def _load_errors(tmp_path, text: str) -> list[rules.RuleError]:
    path = write(tmp_path / "bomb.yaml", text)
    found, errors = rules.load_rule_file(path)
    assert found == []
    return errors


def test_alias_bomb_is_refused_with_file_line_and_reason(tmp_path):
    bomb = _alias_bomb(6)  # 10**6 nodes once expanded
    assert len(bomb) < 600
    errors = _load_errors(tmp_path, EVAL_RULE + bomb.replace("a0:", "x-a0:", 1))
    assert len(errors) == 1
    err = errors[0]
    assert "alias expansion exceeds" in err.message
    assert err.path.endswith("bomb.yaml") and err.field == "yaml"
    # the first alias use whose expansion crosses the budget: level 3 (11,110 nodes)
    bomb_start = len(EVAL_RULE.lstrip("\n").splitlines()) + 1  # the line of `a0:`
    assert err.line == bomb_start + 3


def test_merge_key_bomb_is_refused(tmp_path):
    text = "a0: &a0 {k0: 1, k1: 2}\n" + "".join(
        f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}]}}\n" for i in range(1, 40))
    errors = _load_errors(tmp_path, text)
    assert "alias expansion exceeds" in errors[0].message


def test_recursive_alias_is_refused(tmp_path):
    errors = _load_errors(tmp_path, "a: &a [*a]\n")
    assert "nesting deeper than" in errors[0].message


def test_small_alias_use_still_loads():
    doc = yamlsource.load("a: &a [1, 2]\nb: *a\nc:\n  - *a\n")
    assert doc.data == {"a": [1, 2], "b": [1, 2], "c": [[1, 2]]}
    # an alias node carries its anchor's position: the line given is the nearest key's
    assert doc.line_of(("c", 0, 1)) == 3


def test_deep_nesting_is_refused_with_a_line(tmp_path):
    errors = _load_errors(tmp_path, "id: x\nmessage: " + "[" * 150 + "]" * 150 + "\n")
    assert "nesting deeper than 100 levels" in errors[0].message
    assert errors[0].line == 2


def test_deep_nesting_with_the_pure_python_loader(monkeypatch):
    # Without libyaml the composer recurses once per level: a RecursionError, not a clean error.
    monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    try:
        yamlsource.load("x: " + "[" * 5000 + "]" * 5000 + "\n")
    except yamlsource.YamlSyntaxError as exc:
        assert "nesting" in exc.message
    else:
        raise AssertionError("5,000 nested levels loaded")


def test_complex_keys_are_refused(tmp_path):
    errors = _load_errors(tmp_path, "? [a]\n: b\n")
    assert errors[0].message == "a key must be a plain value"


def test_huge_rule_file_is_refused(tmp_path):
    text = EVAL_RULE + ("# padding padding padding padding padding padding padding\n" * 40_000)
    errors = _load_errors(tmp_path, text)
    assert "file too large" in errors[0].message


def test_huge_text_is_refused_by_the_loader_too():
    try:
        yamlsource.load("x: 1\n" + "#" * (yamlsource.MAX_BYTES + 1))
    except yamlsource.YamlSyntaxError as exc:
        assert exc.message.startswith("file too large") and exc.line == 1
    else:
        raise AssertionError("a text over the limit loaded")
