FROM debian:12-slim
# ruleid: docker-curl-pipe-shell
RUN curl -fsSL https://deb.example.com/setup_20.x | bash - && apt-get install -y nodejs
# ruleid: docker-curl-pipe-shell
RUN apt-get update && apt-get install -y curl \
    && curl -sSL https://install.example.com \
    | sh -s -- -y
# ruleid: docker-curl-pipe-shell
RUN sh -c "$(wget -qO- https://example.com/install.sh)"
# ruleid: docker-curl-pipe-shell
RUN ["/bin/sh", "-c", "curl -fsSL https://example.com/i.sh | sh"]
# ruleid: docker-curl-pipe-shell
RUN <<EOF
set -eu
curl -fsSL https://example.com/i.sh | bash
EOF
# ok: docker-curl-pipe-shell
RUN curl -fsSLo /tmp/install.sh https://example.com/v1/install.sh \
 && echo "3f5c0e8a  /tmp/install.sh" | sha256sum -c - \
 && sh /tmp/install.sh
# ok: docker-curl-pipe-shell
RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg
# ok: docker-curl-pipe-shell
RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
# ok: docker-curl-pipe-shell
RUN wget -qO- https://example.com/SHA256SUMS | shasum -a 256 -c
# ruleid: docker-curl-pipe-shell
RUN curl -sSL https://install.python-poetry.org | python3 - \
 && poetry --version
# ruleid: docker-curl-pipe-shell
RUN curl -fsSL https://example.com/get.py | python
# ok: docker-curl-pipe-shell
RUN curl -fsSL https://api.example.com/v1/version | python3 -m json.tool
# ok: docker-curl-pipe-shell
RUN curl -fsSL https://api.example.com/v1/version | python3 -c "import json,sys; print(json.load(sys.stdin)['v'])"
