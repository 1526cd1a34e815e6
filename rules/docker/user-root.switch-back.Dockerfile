# ok: docker-missing-user
FROM node:20-bookworm-slim
# ok: docker-user-root
USER root
RUN npm install -g pnpm@9
# ok: docker-user-root
USER node
CMD ["node", "server.js"]
