#!/usr/bin/env bash
# Write a findings snapshot (JSON of every rule fixture, the demo and the engine's own source, plus
# the demo's SARIF) into DIR, to prove a refactor changes no output:
#   bash scripts/findings_snapshot.sh /tmp/before; ...change...; bash scripts/findings_snapshot.sh /tmp/after
#   diff -r /tmp/before /tmp/after
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: findings_snapshot.sh DIR}
mkdir -p "$out"
zt=${ZTLINT:-.venv/bin/ztlint}
empty=$(mktemp -d)/ztlint.toml
: > "$empty"
run() {  # exit 1 means "findings", which is what we want here
  local dest=$1; shift
  "$zt" scan "$@" --no-progress --no-color -j 1 -o "$out/$dest" || [ $? -eq 1 ]
}
run fixtures.json rules --config "$empty" --format json
run demo.json examples/demo-app --format json
run demo.sarif examples/demo-app --format sarif
run server.json server --format json
ls -l "$out"
