#!/bin/sh
# ruleid: deps-registry-tls-verification-disabled
pip install --trusted-host pypi.internal.example.com -r requirements.txt
# ruleid: deps-extra-index-url
pip install --extra-index-url https://pypi.internal.example.com/simple acme-utils
# ruleid: deps-insecure-index-url
npm install --registry http://npm.internal.example.com/ left-pad
# ok: deps-insecure-index-url, deps-extra-index-url
pip install --index-url https://pypi.internal.example.com/simple acme-utils
# ruleid: deps-extra-index-url
export PIP_EXTRA_INDEX_URL=https://pypi.internal.example.com/simple
# ok: deps-insecure-index-url
curl -fsSL http://example.com/index.html -o /tmp/index.html
# ok: deps-insecure-index-url
curl -f http://example.com/status -i
