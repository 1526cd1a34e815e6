"""Rule files: schema validation and errors that name file, line and field."""

from __future__ import annotations

import json

import jsonschema

from ztlint.engine import rules

from ..helpers import EVAL_RULE, write


def _errors(tmp_path, text):
    write(tmp_path / "bad.yaml", text)
    rs = rules.load_rules([tmp_path])
    return rs, [str(e) for e in rs.compile_all()]


def test_valid_custom_rules_load(custom_rules):
    rs = rules.load_rules([custom_rules])
    assert rs.compile_all() == []
    assert {"test-eval", "test-token"} <= set(rs.rules)


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    _, errs = _errors(tmp_path, "id: x\ntitle: [unclosed\nseverity: error\n")
    assert len(errs) == 1
    assert errs[0].startswith(f"{tmp_path / 'bad.yaml'}:")
    assert ": yaml:" in errs[0]


def test_duplicate_keys_name_the_field_and_both_lines(tmp_path):
    # YAML keeps the last of two equal keys: the first severity (or query) would vanish silently
    text = EVAL_RULE.replace("severity: warning", "severity: warning\nseverity: error")
    _, errs = _errors(tmp_path, text)
    line = text.lstrip("\n").splitlines().index("severity: error") + 1
    assert errs == [f"{tmp_path / 'bad.yaml'}:{line}: yaml: duplicate key `severity` "
                    f"(first on line {line - 1})"]


def test_missing_field_names_the_field(tmp_path):
    _, errs = _errors(tmp_path, EVAL_RULE.replace('message: "risky call {fn}"\n', ""))
    assert len(errs) == 1 and ": message:" in errs[0] and "required" in errs[0]


def test_wrong_enum_names_line_and_field(tmp_path):
    text = EVAL_RULE.replace("severity: warning", "severity: fatal")
    _, errs = _errors(tmp_path, text)
    line = text.lstrip("\n").splitlines().index("severity: fatal") + 1
    assert errs == [f"{tmp_path / 'bad.yaml'}:{line}: severity: 'fatal' is not one of "
                    "['error', 'warning', 'info', 'hint']"]


def test_invalid_query_reports_the_query_line(tmp_path):
    text = EVAL_RULE.replace("(call function: (identifier) @fn) @call",
                             "(call function: (identifer) @fn) @call")
    _, errs = _errors(tmp_path, text)
    line = text.lstrip("\n").splitlines().index("    (call function: (identifer) @fn) @call") + 1
    assert len(errs) == 1
    assert errs[0].startswith(f"{tmp_path / 'bad.yaml'}:{line}: match.query: invalid tree-sitter query")


def test_unknown_language(tmp_path):
    _, errs = _errors(tmp_path, EVAL_RULE.replace("[python]", "[python, cobol]"))
    assert len(errs) == 1 and "languages: unknown language 'cobol'" in errs[0]


def test_unknown_capture_in_message_and_condition(tmp_path):
    _, errs = _errors(tmp_path, EVAL_RULE.replace('"risky call {fn}"', '"risky call {nope}"'))
    assert "placeholder {nope}" in errs[0]
    _, errs = _errors(tmp_path, EVAL_RULE.replace("- capture: fn", "- capture: zz"))
    assert "match.where.0.capture: capture @zz is not in the query" in errs[0]


def test_bad_rule_does_not_stop_other_rules(tmp_path, custom_rules):
    write(custom_rules / "broken.yaml", "id: [\n")
    write(custom_rules / "badquery.yaml", EVAL_RULE.replace("test-eval", "test-bad-query")
          .replace("(call function:", "(call nonsense:"))
    rs = rules.load_rules([custom_rules])
    from ztlint.engine.analyze import analyze
    from ztlint.engine.config import Config
    found = analyze(b"risky(x)\n", "a.py", rs, Config()).findings
    assert [f.rule_id for f in found] == ["test-eval"]  # the good rule still runs
    errs = sorted(str(e) for e in rs.errors)
    assert len(errs) == 2
    assert "badquery.yaml:10: match.query: invalid tree-sitter query" in errs[0]
    assert "broken.yaml" in errs[1]


def test_duplicate_ids_are_errors(tmp_path, custom_rules):
    write(custom_rules / "again.yaml", EVAL_RULE)
    rs = rules.load_rules([custom_rules])
    assert any("duplicate rule id 'test-eval'" in str(e) for e in rs.errors)


def test_bad_regex_in_text_rule(tmp_path):
    _, errs = _errors(tmp_path, """
        id: test-re
        title: bad regex
        severity: error
        confidence: high
        cwe: [CWE-798]
        owasp: []
        languages: [generic]
        match: {regex: "(unclosed"}
        message: "found"
        docs: "A rule with a broken regex."
        """)
    assert "match.regex: invalid regex" in errs[0]


def test_bad_condition_query_names_its_line(tmp_path):
    text = EVAL_RULE.replace("    - capture: fn\n      equals: risky",
                             "    - capture: fn\n      equals: risky\n    - not-inside: '(no_such_node) @x'")
    _, errs = _errors(tmp_path, text)
    line = text.lstrip("\n").splitlines().index("    - not-inside: '(no_such_node) @x'") + 1
    assert errs == [f"{tmp_path / 'bad.yaml'}:{line}: match.where.not-inside: invalid tree-sitter "
                    "query for python: Invalid node type at row 0, column 1: no_such_node"]


def test_every_bundled_rule_validates_against_the_published_schema(bundled):
    schema = rules.rule_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in rules.rule_files(rules.bundled_rules_dir()):
        from ztlint.engine import yamlsource
        jsonschema.validate(yamlsource.load(path.read_text()).data, schema)
    assert json.dumps(schema)


def test_family_file_errors_point_into_the_list(tmp_path):
    text = "rules:\n  - " + EVAL_RULE.strip().replace("\n", "\n    ").replace("confidence: high", "confidence: sure")
    _, errs = _errors(tmp_path, text)
    assert len(errs) == 1 and "rules.0.confidence" in errs[0]


def test_query_text_pattern_roots():
    from ztlint.engine import querytext as q
    assert q.pattern_roots('((identifier) @x (#match? @x "(not_a_node)"))') == {"identifier"}
    assert q.pattern_roots("[(a) ((b) @x)] @y\n(call (_) @z)") == {"a", "b", "call"}
    assert q.pattern_roots("(_) @x") is None
    assert q.pattern_roots("; (comment_node)\n(x)") == {"x"}
    assert q.mentioned_types('(module (import_statement) @i (#eq? @i "(fake)"))', "module") == \
        {"module", "import_statement"}
    assert q.mentioned_types("(source_file . (_) @first)", "source_file") is None
