"""``ztlint sarif merge``: one SARIF log from the logs of several shards (``--shard K/N``).

Runs of the same tool become one run: its rules once each (the first description of a rule
wins), every result kept with its ``ruleIndex`` pointing into the merged rules, every
invocation kept (so skipped files and notes stay visible, and one failed shard makes the
merged run's execution unsuccessful too). A shard's ``automationDetails.id``
(``ztlint/shard-K-of-N/``) becomes the category they share (``ztlint/``).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

_SHARD_ID = re.compile(r"shard-\d+-of-\d+/?$")


class MergeError(Exception):
    pass


def load(path: Path) -> dict:
    try:
        log = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MergeError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if not isinstance(log, dict) or log.get("version") != "2.1.0" or not isinstance(log.get("runs"), list):
        raise MergeError(f"{path}: not a SARIF 2.1.0 log")
    return log


def merge(logs: list[dict]) -> dict:
    merged: dict[str, dict] = {}  # tool name -> run
    rule_index: dict[str, dict[str, int]] = {}
    for log in logs:
        for run in log["runs"]:
            driver = run.get("tool", {}).get("driver", {})
            name = driver.get("name", "")
            if name not in merged:
                first = copy.deepcopy(run)
                first["tool"]["driver"]["rules"] = []
                first["results"], first["invocations"] = [], []
                first.pop("automationDetails", None)
                merged[name], rule_index[name] = first, {}
            target, index = merged[name], rule_index[name]
            rules = driver.get("rules", [])
            for rule in rules:
                if rule.get("id") not in index:
                    index[rule.get("id")] = len(target["tool"]["driver"]["rules"])
                    target["tool"]["driver"]["rules"].append(rule)
            for res in run.get("results", []):
                res = dict(res)
                rid = res.get("ruleId")
                if rid is None and isinstance(res.get("ruleIndex"), int) and res["ruleIndex"] < len(rules):
                    rid = res["ruleId"] = rules[res["ruleIndex"]].get("id")
                if rid in index:
                    res["ruleIndex"] = index[rid]
                else:
                    res.pop("ruleIndex", None)
                target["results"].append(res)
            target["invocations"].extend(run.get("invocations", []))
            auto = run.get("automationDetails", {}).get("id")
            if auto and "automationDetails" not in target:
                target["automationDetails"] = {"id": _SHARD_ID.sub("", auto) or auto}
    schema = next((log["$schema"] for log in logs if "$schema" in log),
                  "https://json.schemastore.org/sarif-2.1.0.json")
    return {"$schema": schema, "version": "2.1.0", "runs": list(merged.values())}
