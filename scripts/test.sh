#!/usr/bin/env bash
# Set up (once) and run every test: rule fixtures, the Python suite (engine, CLI, language
# server over stdio, generated docs), the extension's unit tests, and the real VS Code
# end-to-end test (code-server + headless Chromium; installs what it needs on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup-venv.sh
echo "== rule fixtures" >&2
.venv/bin/ztlint rules test --quiet
echo "== pytest" >&2
set +e
.venv/bin/python -m pytest "$@"
code=$?
set -e
if [ "$code" -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi
[ "$code" -eq 0 ] || exit "$code"
echo "== extension: npm ci, unit tests, end-to-end test in a real VS Code" >&2
npm ci --no-audit --no-fund
npm test
npm run test:e2e
