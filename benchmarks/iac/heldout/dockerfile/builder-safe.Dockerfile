# Safe look-alikes only.
ARG GO_VERSION=1.22.5
FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/server ./cmd/server
RUN curl -fsSLo /tmp/install.sh https://example.com/v1/install.sh \
 && echo "9f2c1d3e4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0  /tmp/install.sh" | sha256sum -c - \
 && sh /tmp/install.sh

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/server /server
USER 65532:65532
ENV SERVICE_TOKEN_FILE=/run/secrets/token
ENTRYPOINT ["/server"]
