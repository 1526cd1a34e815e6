FROM jenkins/inbound-agent:3261.v9c670a_4748a_9-1 AS tools
# ok: docker-user-root
USER root
RUN apt-get update && apt-get install -y --no-install-recommends make

# ok: docker-missing-user
FROM jenkins/inbound-agent:3261.v9c670a_4748a_9-1
COPY --from=tools /usr/bin/make /usr/bin/make
# ok: docker-user-root
USER jenkins
