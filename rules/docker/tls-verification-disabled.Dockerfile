FROM python:3.12-slim
# ruleid: docker-tls-verification-disabled
RUN curl -kfsSL https://example.com/tool.tgz -o /tmp/tool.tgz
# ruleid: docker-tls-verification-disabled
RUN curl --retry 3 \
    --insecure https://example.com/x -o /tmp/x
# ruleid: docker-tls-verification-disabled
RUN wget --no-check-certificate -O /tmp/y https://example.com/y
# ruleid: docker-tls-verification-disabled
RUN git config --global http.sslVerify false && git clone https://git.example.com/app.git
# ruleid: docker-tls-verification-disabled
RUN pip install --trusted-host pypi.org --trusted-host files.pythonhosted.org -r requirements.txt
# ruleid: docker-tls-verification-disabled
RUN npm config set strict-ssl false && npm ci
# ruleid: docker-tls-verification-disabled
RUN apt-get -o Acquire::https::Verify-Peer=false update
# ok: docker-tls-verification-disabled
RUN curl -fsSL -K /etc/curlrc https://example.com/z -o /tmp/z
# ok: docker-tls-verification-disabled
RUN curl -fsSL https://example.com/kit.tgz -o /tmp/kit.tgz && tar -xkf /tmp/kit.tgz
# ok: docker-tls-verification-disabled
RUN wget -q https://example.com/no-check-certificate.txt
# ok: docker-tls-verification-disabled
RUN pip install --no-cache-dir -r requirements.txt
# ruleid: docker-env-tls-verification-disabled
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
# ruleid: docker-env-tls-verification-disabled
ENV GIT_SSL_NO_VERIFY true
# ruleid: docker-env-tls-verification-disabled
ARG PYTHONHTTPSVERIFY=0
# ok: docker-env-tls-verification-disabled
ENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1
# ok: docker-env-tls-verification-disabled
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/corp-ca.pem
# ruleid: docker-env-tls-verification-disabled
ENV PIP_TRUSTED_HOST=pypi.internal.example.com
# ok: docker-env-tls-verification-disabled
ENV PIP_TRUSTED_HOST=""
# ok: docker-env-tls-verification-disabled
ENV PIP_INDEX_URL=https://pypi.internal.example.com/simple
