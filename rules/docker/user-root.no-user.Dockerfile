# syntax=docker/dockerfile:1
ARG PY=3.12
FROM python:${PY}-slim AS deps
# ok: docker-user-root
USER root
RUN pip install --no-cache-dir -r /tmp/requirements.txt

# ruleid: docker-missing-user
FROM --platform=linux/amd64 python:3.12-slim
COPY --from=deps /usr/local/lib/python3.12 /usr/local/lib/python3.12
RUN echo "mentions of user and FROM inside a command do not count" \
    && useradd app
CMD ["python", "-m", "app"]
# trailing comment
