FROM golang:1.22 AS build
RUN go build -o /server .

# A named final stage cannot be told apart from the others: not reported.
# ok: docker-missing-user
FROM debian:12-slim AS runtime
COPY --from=build /server /server
CMD ["/server"]
