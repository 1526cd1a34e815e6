# expect: base-unpinned
FROM node:latest AS deps
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
# expect: unpinned-install
RUN npm install -g pm2

FROM node:20.15.1-alpine3.20
# expect: unpinned-install
RUN apk add --no-cache tini curl
RUN apk add --no-cache ca-certificates=20240705-r0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# a non-root user set later in the file
RUN addgroup -S app && adduser -S app -G app
USER app
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["pm2-runtime", "worker.js"]
