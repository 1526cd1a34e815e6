FROM node:20-bookworm-slim
# ruleid: docker-secret-in-env-arg
ENV DB_PASSWORD=s3cr3t-Passw0rd
# ruleid: docker-secret-in-env-arg
ARG NPM_TOKEN=4f8a0c1e9b7d3a2f6e5c
# ruleid: docker-secret-in-env-arg
ENV STRIPE_API_KEY "9f8e7d6c5b4a39281706f5e4"
# ruleid: docker-secret-in-env-arg
ENV APP_ENV=production SECRET_KEY_BASE=7c1e0f3d9a2b4c6e8f0a1b3c5d7e9f1a
# ok: docker-secret-in-env-arg
ARG NPM_TOKEN
# ok: docker-secret-in-env-arg
ENV NODE_AUTH_TOKEN=${NPM_TOKEN}
# ok: docker-secret-in-env-arg
ENV DB_PASSWORD_FILE=/run/secrets/db_password
# ok: docker-secret-in-env-arg
ENV POSTGRES_PASSWORD=/run/secrets/pg
# ok: docker-secret-in-env-arg
ENV GPG_KEY=4ED778F539E3634C779C87C6D7062848A1AB005C
# ok: docker-secret-in-env-arg
ENV TOKEN_URL=https://auth.example.com/oauth/token
# ok: docker-secret-in-env-arg
ARG API_KEY=""
# ok: docker-secret-in-env-arg
ENV ADMIN_PASSWORD=<set-at-runtime>
