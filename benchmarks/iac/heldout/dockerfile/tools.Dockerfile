# expect: base-unpinned
FROM alpine
# expect: secret-env-arg
ARG GITHUB_TOKEN=ghp_R8x2Lq7Zt4Vb9Nm3Kc6Pw1Yh5Jd0Fs8Ga2Ue
# expect: unpinned-install
RUN pip3 install --break-system-packages awscli ansible-core==2.17.1
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
# expect: tls-off
ENV PIP_TRUSTED_HOST=pypi.internal.example
RUN gem install bundler -v 2.5.11
RUN adduser -D -u 1000 tools
USER tools
