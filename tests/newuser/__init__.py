"""Issue 13: what a new user meets first (named paths, generated files, fail-on, docs, README, test script)."""
