# expect: base-unpinned
FROM ghcr.io/acme/base
ARG GITHUB_TOKEN
ENV APP_HOME=/srv/worker
# expect: curl-pipe-sh
RUN curl -sSL https://install.python-poetry.org | python3 - \
 && poetry --version
USER 10001
COPY --chown=10001:10001 . /srv/worker
CMD ["python", "-m", "worker"]
