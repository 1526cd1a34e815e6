FROM postgres:16
# ruleid: secret-url-credentials
RUN psql "postgresql://migrator:Mg7!xQ2pLr@db.prod.internal:5432/app" -f /schema.sql
# ok: secret-url-credentials
RUN --mount=type=secret,id=db_url psql "$(cat /run/secrets/db_url)" -f /schema.sql
# ruleid: secret-url-credentials
ENV DATABASE_URL=mysql://app:Zr8wq2Lm4Vx9@mysql.prod.internal:3306/app
