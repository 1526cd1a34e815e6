FROM golang:1.22 AS build
RUN go build -o /out/server ./cmd/server

# ok: docker-missing-user
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
COPY --from=build /out/server /usr/local/bin/server
# ruleid: docker-user-root
USER root
CMD ["server"]
