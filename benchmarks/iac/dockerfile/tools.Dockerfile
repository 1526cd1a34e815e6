FROM ubuntu:22.04
# expect: unpinned-install
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ca-certificates git \
 && rm -rf /var/lib/apt/lists/*
# expect: curl-pipe-sh
RUN curl -fsSL https://get.docker.com | sh
# expect: add-url
ADD https://github.com/acme/tool/releases/download/v1.2.3/tool-linux-amd64.tar.gz /tmp/
# expect: tls-off
RUN wget --no-check-certificate -O /usr/local/bin/jq https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-linux-amd64
# expect: tls-off
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/kit-1.0.tgz /tmp/
RUN curl -fsSLo /tmp/helm.tgz https://get.helm.sh/helm-v3.15.2-linux-amd64.tar.gz \
 && echo "2694b91c3e501cff57caf650e639604a274645f61af2ea4d601677b746b44fe2  /tmp/helm.tgz" | sha256sum -c -
# expect: unpinned-install
RUN npm install -g yarn
# expect: root-user
USER root
ENTRYPOINT ["/usr/local/bin/tool"]
