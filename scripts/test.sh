#!/usr/bin/env bash
# Set up a virtualenv (once) and run every test: rule fixtures, Python tests, client tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup-venv.sh
echo "== rule fixtures" >&2
.venv/bin/ztlint rules test --quiet
echo "== pytest" >&2
.venv/bin/python -m pytest "$@"
