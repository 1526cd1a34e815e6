FROM debian:12-slim@sha256:2b0079146a74e23bf4ae8f6a28e1b484c6292f6fb904cbb51825b4a19812fcd8
# ruleid: docker-unpinned-package-install
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# ruleid: docker-unpinned-package-install
RUN apt-get update \
 && apt-get install -y \
      jq=1.6-2.1 \
      unzip \
 && rm -rf /var/lib/apt/lists/*
# ok: docker-unpinned-package-install
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 git=1:2.39.2-1.1
# ok: docker-unpinned-package-install
RUN apt-get install -y $BUILD_PACKAGES && apt-get clean
# ruleid: docker-unpinned-package-install
RUN apk add --no-cache --virtual .build-deps gcc musl-dev
# ok: docker-unpinned-package-install
RUN apk add --no-cache tini=0.19.0-r3 ca-certificates=20240705-r0
# ruleid: docker-unpinned-package-install
RUN python -m pip install --no-cache-dir gunicorn uvicorn[standard]==0.30.1
# ok: docker-unpinned-package-install
RUN pip install --no-cache-dir --require-hashes -r requirements.txt -c constraints.txt
# ok: docker-unpinned-package-install
RUN pip install --no-cache-dir . && pip install /wheels/*.whl ./vendor/lib-1.0.tar.gz
# ok: docker-unpinned-package-install
RUN pip install "fastapi>=0.110,<1" poetry==1.8.3 -i https://pypi.internal.example/simple
# ruleid: docker-unpinned-package-install
RUN npm install -g pm2
# ok: docker-unpinned-package-install
RUN npm ci --omit=dev && npm install -g npm@10.8.1 @angular/cli@18.0.3
# ok: docker-unpinned-package-install
RUN npm install && npm run build
# ruleid: docker-unpinned-package-install
RUN yarn global add serve
# ok: docker-unpinned-package-install
RUN echo "apt-get install is done in the base image" > /etc/motd
# ok: docker-unpinned-package-install
RUN gem install bundler -v 2.5.11 && go install golang.org/x/tools/gopls@v0.16.1
# ruleid: docker-unpinned-package-install
RUN uv pip install --system httpx
