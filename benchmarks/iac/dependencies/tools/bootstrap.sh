#!/usr/bin/env bash
set -euo pipefail
python -m venv .venv
. .venv/bin/activate
pip install --upgrade pip
pip install --extra-index-url https://pypi.corp.example.com/simple corp-cli==2.4.0
pip install --trusted-host pypi.corp.example.com --index-url https://pypi.corp.example.com/simple corp-tools
pip install --index-url https://pypi.corp.example.com/simple corp-metrics
npm install --registry http://npm.corp.example.com/ corp-lint
curl -f http://localhost:8080/ready
export PIP_EXTRA_INDEX_URL=https://pypi.corp.example.com/simple
