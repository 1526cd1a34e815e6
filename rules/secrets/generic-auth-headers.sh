#!/bin/sh
# ruleid: secret-http-basic-auth
curl -H "Authorization: Basic ZGVwbG95OlFtNyF2WDJwTHI=" https://nexus.acme.io/service/rest/v1/status
# ok: secret-http-basic-auth
curl -H "Authorization: Basic dXNlcjpwYXNzd29yZA==" https://nexus.acme.io/service/rest/v1/status
# ok: secret-http-basic-auth
curl -H "Authorization: Basic YWRtaW46Y2hhbmdlbWU=" https://nexus.acme.io/service/rest/v1/status
# ok: secret-http-basic-auth
curl -H "Authorization: Basic $(printf '%s:%s' "$USER" "$PASS" | base64)" https://nexus.acme.io/
# ok: secret-http-basic-auth
echo "Basic authentication is configured in settings.xml"
# ruleid: secret-http-bearer-token
curl -H "Authorization: Bearer 8f1c2e7b9d4a4f0c9e2b7d1a6c3f8e05" https://api.acme.io/v1/me
# ok: secret-http-bearer-token
curl -H "Authorization: Bearer ${API_TOKEN:?}" https://api.acme.io/v1/me
# ok: secret-http-bearer-token
curl -H "Authorization: Bearer YOUR_ACCESS_TOKEN_HERE" https://api.acme.io/v1/me
# ok: secret-http-bearer-token
curl -H "Authorization: Bearer <token>" https://api.acme.io/v1/me
# ruleid: secret-http-api-key-header
curl -H "X-Api-Key: 7d1e4b9c2a6f8e3d5b0c" https://api.acme.io/v1/reports
# ruleid: secret-http-api-key-header
curl --header 'PRIVATE-TOKEN: q8Zr2LmV7xNc4TyB1sKd' https://gitlab.acme.io/api/v4/projects
# ruleid: secret-http-api-key-header
curl -H "Authorization: Token 5e8d2c7a1f4b9e3d6c0a" https://api.acme.io/v1/reports
# ok: secret-http-api-key-header
curl -H "X-Api-Key: ${API_KEY:?}" https://api.acme.io/v1/reports
# ok: secret-http-api-key-header
curl -H "X-Api-Key: $API_KEY" https://api.acme.io/v1/reports
# ok: secret-http-api-key-header
curl -H "X-Api-Key: <your-api-key>" https://api.acme.io/v1/reports
# ok: secret-http-api-key-header
curl -H "Content-Type: application/json" https://api.acme.io/v1/reports
