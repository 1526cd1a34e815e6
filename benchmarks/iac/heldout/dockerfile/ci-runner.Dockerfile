FROM ubuntu:24.04
ARG DEBIAN_FRONTEND=noninteractive
# expect: unpinned-install
RUN apt-get update \
 && apt-get install -y \
      git \
      jq \
      unzip \
 && rm -rf /var/lib/apt/lists/*
# expect: curl-pipe-sh
RUN curl -fsSL https://get.docker.com | sh
# expect: tls-off
RUN curl -kL -o /tmp/helm.tgz https://get.helm.sh/helm-v3.15.2-linux-amd64.tar.gz \
 && tar -xzf /tmp/helm.tgz -C /usr/local/bin --strip-components=1 linux-amd64/helm
# expect: add-url
ADD https://github.com/mikefarah/yq/releases/download/v4.44.2/yq_linux_amd64 /usr/local/bin/yq
ADD --checksum=sha256:24a4eb4fa7bd1fa7a8e4ea2ea1d7e4b1a29e1b8e5e6c2d0c1d3c9b3d2f1e0a9b https://github.com/cli/cli/releases/download/v2.52.0/gh_2.52.0_linux_amd64.tar.gz /tmp/gh.tgz
# expect: root-user
USER root
CMD ["bash"]
