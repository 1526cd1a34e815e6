#!/usr/bin/env bash
set -euo pipefail

# ruleid: secret-cli-password-option
mysql -h db.internal -u root -pS3cr3t!2024 app < schema.sql
# ruleid: secret-cli-password-option
mysqldump -u backup -p'Qm7!vX2pLr' --all-databases > all.sql
# ok: secret-cli-password-option
mysql -h db.internal -u root -p app < schema.sql
# ok: secret-cli-password-option
mysql -h db.internal -u root -p"$MYSQL_ROOT_PASSWORD" app < schema.sql
# ok: secret-cli-password-option
mysql -h db.internal -P 3306 -u root app
# ruleid: secret-cli-password-option
redis-cli -h cache.internal -a Zr8wq2Lm4Vx9 ping
# ruleid: secret-cli-password-option
sshpass -p 'T4nq8Wz1Kx!' ssh deploy@app01.internal uptime
# ok: secret-cli-password-option
sshpass -e ssh deploy@app01.internal uptime
# ruleid: secret-cli-password-option
docker login -u ci-bot -p Qm7!vX2pLr registry.acme.io
# ok: secret-cli-password-option
docker login -u ci-bot -p "$REGISTRY_PASSWORD" registry.acme.io
# ruleid: secret-cli-password-option
sqlcmd -S db.internal -U sa -P 'Sql!Adm1n2024' -i schema.sql
# ruleid: secret-cli-password-option
ldapsearch -x -D cn=admin,dc=acme,dc=io -w Ld4p!bind -b dc=acme,dc=io
# ok: secret-cli-password-option
ldapsearch -x -D cn=admin,dc=acme,dc=io -W -b dc=acme,dc=io
# ruleid: secret-cli-password-option
keytool -importcert -keystore truststore.jks -storepass Tru5t!store -file ca.pem
# ok: secret-cli-password-option
keytool -list -keystore cacerts -storepass changeit
# ruleid: secret-cli-password-option
openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:Exp0rt!pw
# ok: secret-cli-password-option
openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout env:P12_PASSWORD

# ruleid: secret-cli-password-long-option
mysql --host=db.internal --user=app --password=9vK#p2Rt-xq app
# ruleid: secret-cli-password-long-option
./deploy --api-token 8f1c2e7b9d4a4f0c9e2b --env prod
# ruleid: secret-cli-password-long-option
java -Dspring.datasource.password=Spr1ng!pw -jar app.jar
# ok: secret-cli-password-long-option
docker login -u ci-bot --password-stdin registry.acme.io < /run/secrets/registry
# ok: secret-cli-password-long-option
./deploy --api-token "$API_TOKEN" --password-file /run/secrets/pw --env prod
# ok: secret-cli-password-long-option
./deploy --password PASSWORD --token TOKEN
# ok: secret-cli-password-long-option
./deploy --password '<password>' --token '${TOKEN}'
# ok: secret-cli-password-long-option
./deploy --no-password --token-file token.txt
# ok: secret-cli-password-long-option
docker build --secret id=npm_token,env=NPM_TOKEN .
# ok: secret-cli-password-long-option
gcloud vmware identity-sources create --domain-password secretPassword123 --page-token=ala9glealanal908
# ok: secret-cli-password-long-option
netapp create --username=user1 --password="secure1" --client-secret clientSecret

# ruleid: secret-cli-user-password-pair
curl -fsSL -u deploy:Qm7!vX2pLr https://nexus.acme.io/repository/releases/app.tgz -O
# ok: secret-cli-user-password-pair
curl -fsSL -u deploy https://nexus.acme.io/repository/releases/app.tgz -O
# ok: secret-cli-user-password-pair
curl -fsSL -u "$NEXUS_USER:$NEXUS_PASSWORD" https://nexus.acme.io/repository/releases/app.tgz -O
# ok: secret-cli-user-password-pair
curl -u admin:admin https://nexus.acme.io/
# ruleid: secret-cli-user-password-pair
smbclient //files01/deploy -U deploy%Sm8!share -c 'ls'

# ruleid: secret-cli-htpasswd-batch
htpasswd -cbB /etc/nginx/.htpasswd admin Adm1n#2024
# ruleid: secret-cli-htpasswd-batch
htpasswd -nbB admin 'Adm1n#2024' > users
# ok: secret-cli-htpasswd-batch
htpasswd -ciB /etc/nginx/.htpasswd admin < /run/secrets/admin_pw
# ok: secret-cli-htpasswd-batch
htpasswd -cbB /etc/nginx/.htpasswd admin "$ADMIN_PASSWORD"

# ruleid: secret-cli-password-piped
echo "Qm7!vX2pLr" | docker login -u ci-bot --password-stdin registry.acme.io
# ruleid: secret-cli-password-piped
echo 'deploy:Dep1oy!pw' | chpasswd
# ok: secret-cli-password-piped
echo "$REGISTRY_PASSWORD" | docker login -u ci-bot --password-stdin registry.acme.io

# ruleid: secret-cli-password-env-prefix
PGPASSWORD='Pa55w0rd!x' psql -h db.internal -U app -f schema.sql
# ruleid: secret-cli-password-env-prefix
SSHPASS=T4nq8Wz1Kx! sshpass -e ssh deploy@app01.internal
# ok: secret-cli-password-env-prefix
PGPASSWORD="$DB_PASSWORD" psql -h db.internal -U app -f schema.sql
# ok: secret-cli-password-env-prefix
export DB_PASSWORD=Pa55w0rd!x
