ARG BASE_IMAGE=registry.example.com/base/runtime:2.0
# ok: docker-missing-user
FROM ${BASE_IMAGE}
COPY app /app
