"""Flow rules: taint tracking from sources to sinks (see docs/design.md, "Flow rules").

ir.py (the model) <- python.py (an adapter) -> analysis.py (per file: functions, summaries)
-> interp.py + calls.py (per function) over state.py / taint.py, with fold.py (constants,
guards); spec.py holds the models and rules as loaded from YAML; run.py makes findings.
"""
