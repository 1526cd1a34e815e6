#!/usr/bin/env bash
set -euo pipefail

# ruleid: secret-generic-password-bash
DB_PASSWORD='S3cr3t!2024x'
# ruleid: secret-generic-password-bash
export SMTP_PASSWORD="Sm7p!pass"
# ruleid: secret-generic-secret-bash
API_TOKEN=9f2c1e7b4d8a4f0c9e2b7d1a
# ok: secret-generic-password-bash
DB_PASSWORD="${DB_PASSWORD:-}"
# ok: secret-generic-password-bash
DB_PASSWORD=$(cat /run/secrets/db_password)
# ok: secret-generic-password-bash
DB_PASSWORD_FILE=/run/secrets/db_password
# ok: secret-generic-password-bash
PWD=/srv/app
# ok: secret-generic-password-bash
DB_PASSWORD="prefix-$SUFFIX"
# ok: secret-generic-secret-bash
TOKEN_URL=https://idp.example.net/token
# ok: secret-generic-secret-bash
API_TOKEN=

deploy() {
  # ruleid: secret-generic-secret-bash
  local api_key="e1d2c3b4a5f6e7d8c9b0a1f2"
  # ok: secret-generic-password-bash
  PGPASSWORD='Pa55w0rd!x' psql -h db -U app -c 'select 1'
  curl -H "X-Api-Key: $api_key" "$URL"
}
