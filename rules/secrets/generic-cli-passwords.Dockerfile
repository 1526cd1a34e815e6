FROM mysql:8.4
# ruleid: secret-cli-password-option
RUN mysql -h db -u root -pS3cr3t!2024 < /schema.sql
# ok: secret-cli-password-option
RUN --mount=type=secret,id=mysql_pwd MYSQL_PWD="$(cat /run/secrets/mysql_pwd)" mysql -h db -u root < /schema.sql
# ruleid: secret-cli-htpasswd-batch
RUN htpasswd -cbB /etc/nginx/.htpasswd admin Adm1n#2024
# ruleid: secret-cli-password-env-prefix
RUN PGPASSWORD=S3cr3t!2024 psql -h db -U app -f /schema.sql
# ok: secret-cli-password-env-prefix
ENV PGPASSWORD=S3cr3t!2024
# ruleid: secret-cli-user-password-pair
RUN curl -fsSL -u deploy:Qm7!vX2pLr -o /tmp/app.tgz https://nexus.acme.io/app.tgz
