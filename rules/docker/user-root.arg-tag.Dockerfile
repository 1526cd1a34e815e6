ARG BASH=5.2
# ruleid: docker-missing-user
FROM bash:$BASH
RUN apk add --no-cache make
