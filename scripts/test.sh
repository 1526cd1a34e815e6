#!/usr/bin/env bash
# Set up (once) and run every test: rule fixtures, the Python suite (engine, CLI, language
# server over stdio, generated docs), the extension's unit tests, and the real VS Code
# end-to-end test (code-server + headless Chromium; installs what it needs on first run).
#
# Slow setup is redone only when its inputs change: `npm ci` when package-lock.json (or
# package.json, or node) changed, the VSIX when what goes into it changed (a stamp with a hash
# of the inputs beside each result, in gitignored folders). A clean checkout has no stamps and
# does everything. ZTLINT_TEST_FRESH=1 redoes both anyway.
set -euo pipefail
cd "$(dirname "$0")/.."

cat >&2 <<'EOF'
== scripts/test.sh installs, on first run only (about 600 MB, all under this folder or ~/.cache):
   .venv/             ztlint and its test dependencies (pip, from pyproject.toml)
   node_modules/      the extension's dev dependencies (npm ci, from package-lock.json)
   Debian packages    chromium ripgrep libkrb5-dev, if missing (apt-get install as root; nothing
                      else is upgraded; without root it stops and prints the sudo command)
   ~/.cache/ztlint-e2e  code-server for the end-to-end test
EOF

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

# A hash of the named files' paths and contents (tracked and new files; ignored ones left out).
# Prints nothing outside a git work tree: then nothing is skipped.
inputs_hash() {
  git rev-parse --is-inside-work-tree >/dev/null 2>&1 || return 0
  { node --version
    git ls-files -z -co --exclude-standard -- "$@" | sort -z | while IFS= read -r -d '' f; do
      [ -f "$f" ] && printf '%s\n' "$f" && sha256sum < "$f"
    done
  } | sha256sum | cut -d' ' -f1
}

# stamp_ok STAMP HASH: the stamp holds HASH (and a fresh run was not asked for)
stamp_ok() {
  [ -z "${ZTLINT_TEST_FRESH:-}" ] && [ -n "$2" ] && [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]
}

echo "== extension: npm ci, unit tests, end-to-end test in a real VS Code" >&2
npm_stamp=node_modules/.ztlint-npm-ci  # npm ci empties node_modules: the stamp goes with it
npm_hash=$(inputs_hash package.json package-lock.json)
if stamp_ok "$npm_stamp" "$npm_hash"; then
  echo "== npm ci: skipped (package.json and package-lock.json unchanged since the last one)" >&2
else
  npm ci --no-audit --no-fund
  [ -z "$npm_hash" ] || echo "$npm_hash" > "$npm_stamp"
fi
npm test

# What the VSIX is built from: the manifest, the client, the wheel's sources (server, rules,
# pyproject.toml, README) and the packaging scripts. The e2e test itself is not in it.
version=$(node -p 'const p = require("./package.json"); p.name + "-" + p.version')
vsix=$PWD/client/dist/$version.vsix
vsix_stamp=client/dist/.ztlint-package
vsix_hash=$(inputs_hash package.json package-lock.json pyproject.toml README.md .vscodeignore \
  server rules client ':!client/test')
if [ -f "$vsix" ] && stamp_ok "$vsix_stamp" "$vsix_hash"; then
  echo "== package: skipped ($vsix is up to date with its inputs)" >&2
else
  rm -f "$vsix_stamp"
  npm run package
  [ -z "$vsix_hash" ] || echo "$vsix_hash" > "$vsix_stamp"
fi
ZTLINT_E2E_VSIX=$vsix npm run test:e2e
