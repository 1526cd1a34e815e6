"""Flow rules: taint tracking from sources to sinks (see docs/design.md, "Flow rules").

ir.py (the model) <- adapters: python.py + python_expr.py, javascript.py + javascript_expr.py +
javascript_bind.py, sharing lowering.py (depth limit) -> analysis.py (per file: functions,
summaries, the editor's cache) with handlers.py (entry states: route handlers, request
parameters) -> interp.py + calls.py + names.py (per function: statements, calls, stores and
named values) over state.py / taint.py, with fold.py (constants, guards); spec.py holds the
models and rules as loaded from YAML; project.py other modules' summaries; fixes.py the fixes;
run.py makes findings.
"""
