FROM debian:12-slim
# ruleid: docker-add-remote-url
ADD https://example.com/tool-1.2.3.tar.gz /tmp/
# ruleid: docker-add-remote-url
ADD --chown=10001:10001 "https://example.com/config.json" /etc/app/config.json
# ok: docker-add-remote-url
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.3.tar.gz /tmp/
# ok: docker-add-remote-url, docker-add-instead-of-copy
ADD vendor/tool-1.2.3.tar.gz /opt/
# ruleid: docker-add-instead-of-copy
ADD ./config /etc/app/
# ruleid: docker-add-instead-of-copy
add --chown=app:app src/ /app/src/
# ruleid: docker-add-instead-of-copy
ADD ["requirements.txt", "/app/"]
# ok: docker-add-instead-of-copy
ADD ${ARTIFACT_URL} /opt/artifact
# ruleid: docker-add-remote-url
# ok: docker-add-instead-of-copy
ADD --keep-git-dir=true https://github.com/acme/app.git#v1.0.0 /src
# ok: docker-add-remote-url, docker-add-instead-of-copy
ADD https://github.com/acme/app.git#0123456789abcdef0123456789abcdef01234567 /src
# ok: docker-add-remote-url, docker-add-instead-of-copy
COPY https-proxy.conf /etc/
