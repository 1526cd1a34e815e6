# ok: docker-missing-user
FROM alpine:3.20
RUN adduser -D app
# ruleid: docker-user-root
user 0:0
ENTRYPOINT ["/bin/sh"]
