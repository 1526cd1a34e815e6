#!/usr/bin/env bash
# The GitHub Action's scan step (action.yml): install ztlint, scan to SARIF, write a job summary.
# Reads INPUT_PATHS, INPUT_FAIL_ON, INPUT_DIFF_BASE and the runner's GITHUB_* variables; writes
# `sarif-file` and `exit-code` to $GITHUB_OUTPUT. Never fails itself on findings: the action's
# last step does, after the SARIF upload. ZTLINT_BIN: an installed ztlint to use (tests).
set -uo pipefail

workspace="${GITHUB_WORKSPACE:-$PWD}"
tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
sarif="$tmp/ztlint.sarif"
cd "$workspace" || exit 2

if [ -z "${ZTLINT_BIN:-}" ]; then
  python3 -m venv "$tmp/ztlint-venv" || exit 2
  "$tmp/ztlint-venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "${ZTLINT_SOURCE:?set ZTLINT_SOURCE to the folder of action.yml}" || exit 2
  ZTLINT_BIN="$tmp/ztlint-venv/bin/ztlint"
fi

args=(scan --format sarif -o "$sarif" --no-progress)
[ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
if [ -n "${INPUT_DIFF_BASE:-}" ]; then
  base="$INPUT_DIFF_BASE"
  # a pull request's base branch is usually only there as origin/BRANCH, if at all (shallow clone)
  if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
    if ! git rev-parse --verify --quiet "origin/$base^{commit}" >/dev/null; then
      git fetch --no-tags --quiet --depth=1 origin "+refs/heads/$base:refs/remotes/origin/$base" || true
    fi
    git rev-parse --verify --quiet "origin/$base^{commit}" >/dev/null && base="origin/$base"
  fi
  args+=(--diff "$base")
fi
read -r -a paths <<< "${INPUT_PATHS:-.}"
[ "${#paths[@]}" -gt 0 ] && args+=(-- "${paths[@]}")

"$ZTLINT_BIN" "${args[@]}"
code=$?
if [ -f "$sarif" ]; then
  echo "sarif-file=$sarif" >> "${GITHUB_OUTPUT:-/dev/null}"
  "$(dirname "$(command -v "$ZTLINT_BIN" || echo "$ZTLINT_BIN")")/python" \
    "$(dirname "$0")/action_summary.py" "$sarif" "$code" >> "${GITHUB_STEP_SUMMARY:-/dev/null}" || true
fi
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
