FROM alpine:3.20
# ruleid: docker-world-writable-permissions
RUN chmod -R 777 /app
# ruleid: docker-world-writable-permissions
RUN mkdir -p /data && chmod 0666 /data/db.sqlite
# ruleid: docker-world-writable-permissions
RUN chmod a+rwx /usr/local/bin/entrypoint.sh
# ruleid: docker-world-writable-permissions
RUN chmod u+x,o+w /srv/hook
# ruleid: docker-world-writable-permissions
COPY --chmod=777 entrypoint.sh /entrypoint.sh
# ok: docker-world-writable-permissions
COPY --chmod=755 healthcheck.sh /healthcheck.sh
# ok: docker-world-writable-permissions
RUN chmod 755 /app && chmod 0644 /app/config.yml && chmod +x /app/run
# ok: docker-world-writable-permissions
RUN mkdir -p /scratch && chmod 1777 /scratch
# ok: docker-world-writable-permissions
RUN chmod g+w /app/cache && chmod u=rwx,go=rx /app/bin
# ok: docker-world-writable-permissions
RUN echo "umask 777 is not a chmod" && ls -l /tmp/777
