"""The exit codes of every `ztlint` command (CI reads 1 as "findings").

0: no findings at or above --fail-on (or the command did what it was asked);
1: findings (or failing rule fixtures for `ztlint rules test`);
2: usage, configuration or internal error, or nothing could be analysed;
130: interrupted (Ctrl-C).
"""

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
