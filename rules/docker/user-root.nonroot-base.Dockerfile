FROM golang:1.22 AS build
RUN CGO_ENABLED=0 go build -o /server ./cmd/server

# ok: docker-missing-user
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /server /server
# a comment that says USER root does not count
ENTRYPOINT ["/server"]
