FROM nginx:1.27.0@sha256:98f8ec75657d21b924fe4f69b6b9bff2f6550ea48838af479d8894a852000e40 AS base
# expect: base-unpinned
FROM python:latest AS docs
# expect: unpinned-install
RUN pip install mkdocs mkdocs-material
COPY docs/ /docs
RUN mkdocs build -f /docs/mkdocs.yml -d /site

FROM base
COPY --from=docs /site /usr/share/nginx/html
RUN chown -R nginx:nginx /usr/share/nginx/html
USER nginx
