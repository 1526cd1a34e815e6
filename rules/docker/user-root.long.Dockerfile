# ok: docker-missing-user
FROM ubuntu:24.04
RUN useradd --uid 10001 app
# ruleid: docker-user-root
USER root
RUN step-01
RUN step-02
RUN step-03
# some comment
EXPOSE 8080
WORKDIR /app
CMD ["./app"]
