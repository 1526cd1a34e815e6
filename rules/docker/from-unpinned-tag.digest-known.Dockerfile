ARG TOOLS_IMAGE=ghcr.io/acme/toolbox@sha256:5f1c2b9d8e7a6f5e4d3c2b1a09f8e7d6c5b4a3921f0e9d8c7b6a5f4e3d2c1b0a
FROM python:latest@sha256:2b0079146a74e23bf4ae8f6a28e1b484c6292f6fb904cbb51825b4a19812fcd8 AS lint
RUN ruff check .

# ruleid: docker-from-unpinned-tag
FROM python:latest AS test
RUN pytest -q

# ruleid: docker-from-unpinned-tag
FROM ghcr.io/acme/toolbox AS tools

# a digest for another image or tag is not used
# ruleid: docker-from-unpinned-tag
FROM node AS assets

# ok: docker-from-unpinned-tag
FROM python:3.12-slim
