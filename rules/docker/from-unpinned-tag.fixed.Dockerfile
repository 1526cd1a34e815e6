ARG BASE=debian:12-slim
# ruleid: docker-from-unpinned-tag
FROM golang:latest AS build
RUN go build -o /out/app .

# ruleid: docker-from-unpinned-tag
FROM node AS assets
RUN npm ci && npm run build

# ruleid: docker-from-unpinned-tag
FROM ghcr.io/acme/toolbox AS tools

# ok: docker-from-unpinned-tag
FROM build AS test
RUN go test ./...

# ok: docker-from-unpinned-tag
FROM ${BASE} AS runtime-base

# ok: docker-from-unpinned-tag
FROM nginx:1.27.0@sha256:98f8ec75657d21b924fe4f69b6b9bff2f6550ea48838af479d8894a852000e40 AS web

# ok: docker-from-unpinned-tag
FROM scratch
COPY --from=build /out/app /app

# ok: docker-from-unpinned-tag
FROM python:3.12-slim

# ok: docker-from-unpinned-tag
FROM registry.example.com/base/latest-tools:2.1
