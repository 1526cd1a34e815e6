"""What the secrets corpus plants: the items and files, name banks and file-type weights, the
value generators of every category (positives and negatives), and the specification table.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from . import keys as K
from . import render as R
from . import tokens as T


# ---------------------------------------------------------------------------------------------
# items and files
# ---------------------------------------------------------------------------------------------
@dataclass
class Item:
    id: int
    category: str
    kind: str  # positive | negative
    subtype: str
    shape: str
    reason: str | None = None
    value: str = ""
    words: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    file: str = ""
    fmt: str = ""
    flavor: str = ""
    line: int = 0
    span: tuple = (0, 0)


@dataclass
class FileSpec:
    path: str
    fmt: str
    flavor: str = ""
    items: list = field(default_factory=list)
    special: str = ""
    target_bytes: int = 6000


NAMES = {
    "github": [["github", "token"], ["gh", "token"], ["github", "pat"], ["git", "token"],
               ["github", "access", "token"], ["token"], ["gh", "api", "token"]],
    "gitlab": [["gitlab", "token"], ["gitlab", "private", "token"], ["gitlab", "pat"], ["gl", "token"],
               ["gitlab", "api", "token"], ["private", "token"]],
    "npm": [["npm", "token"], ["npm", "auth", "token"], ["node", "auth", "token"]],
    "pypi": [["pypi", "token"], ["twine", "password"], ["pypi", "api", "token"], ["pypi", "password"]],
    "aws_id": [["aws", "access", "key", "id"], ["access", "key", "id"], ["aws", "access", "key"],
               ["s3", "access", "key"]],
    "aws_secret": [["aws", "secret", "access", "key"], ["secret", "access", "key"], ["aws", "secret", "key"],
                   ["s3", "secret", "key"]],
    "azure_storage": [["azure", "storage", "connection", "string"], ["storage", "connection", "string"],
                      ["blob", "connection", "string"]],
    "azure_sb": [["service", "bus", "connection", "string"], ["servicebus", "connection"]],
    "cosmos": [["cosmos", "connection", "string"], ["cosmos", "db", "connection"]],
    "aad": [["azure", "client", "secret"], ["client", "secret"], ["aad", "client", "secret"]],
    "sas": [["blob", "sas", "url"], ["azure", "sas", "url"], ["export", "container", "url"]],
    "google_api": [["google", "api", "key"], ["maps", "api", "key"], ["gcp", "api", "key"],
                   ["youtube", "api", "key"], ["places", "api", "key"]],
    "google_oauth": [["google", "client", "secret"], ["oauth", "client", "secret"]],
    "openai": [["openai", "api", "key"], ["openai", "key"], ["llm", "api", "key"]],
    "anthropic": [["anthropic", "api", "key"], ["claude", "api", "key"]],
    "hf": [["hf", "token"], ["huggingface", "token"], ["hugging", "face", "hub", "token"]],
    "slack_token": [["slack", "bot", "token"], ["slack", "token"], ["slack", "app", "token"]],
    "slack_webhook": [["slack", "webhook", "url"], ["slack", "webhook"], ["alerts", "webhook", "url"]],
    "stripe": [["stripe", "secret", "key"], ["stripe", "api", "key"], ["stripe", "key"]],
    "stripe_pk": [["stripe", "publishable", "key"], ["stripe", "public", "key"], ["stripe", "pk"]],
    "twilio_token": [["twilio", "auth", "token"], ["twilio", "token"]],
    "twilio_secret": [["twilio", "api", "secret"]],
    "twilio_sid": [["twilio", "account", "sid"], ["twilio", "api", "key", "sid"]],
    "sendgrid": [["sendgrid", "api", "key"], ["sendgrid", "key"], ["email", "api", "key"]],
    "mailgun": [["mailgun", "api", "key"], ["mailgun", "key"]],
    "jwt": [["access", "token"], ["auth", "token"], ["jwt"], ["service", "token"], ["id", "token"],
            ["bearer", "token"]],
    "password": [["db", "password"], ["password"], ["database", "password"], ["admin", "password"],
                 ["smtp", "password"], ["redis", "password"], ["ldap", "bind", "password"],
                 ["mysql", "root", "password"], ["postgres", "password"], ["rabbitmq", "password"],
                 ["keystore", "password"], ["passwd"], ["pwd"], ["db", "pass"], ["mail", "pass"],
                 ["registry", "password"], ["sftp", "password"]],
    "generic": [["api", "key"], ["secret", "key"], ["client", "secret"], ["jwt", "secret"],
                ["webhook", "secret"], ["encryption", "key"], ["app", "secret"], ["signing", "key"],
                ["api", "token"], ["auth", "token"], ["partner", "api", "key"], ["session", "secret"]],
    "conn": [["database", "url"], ["db", "url"], ["redis", "url"], ["mongo", "uri"], ["amqp", "url"],
             ["sqlalchemy", "database", "uri"], ["connection", "string"], ["broker", "url"], ["dsn"]],
    "pem": [["private", "key"], ["tls", "key"], ["ssh", "private", "key"], ["deploy", "key"],
            ["signing", "key"], ["jwt", "private", "key"]],
    "pub": [["public", "key"], ["tls", "cert"], ["ca", "cert"], ["jwt", "public", "key"], ["certificate"]],
}

CODE = {"py": 4, "js": 2, "ts": 2, "go": 2, "java": 2, "cs": 2, "rb": 1.5, "php": 1.5}
CONF = {"yml": 4, "json": 2, "env": 3, "properties": 1.5, "ini": 1, "tf": 1.5, "Dockerfile": 1, "sh": 2}
DOCS = {"md": 1.5, "txt": 1.5}


def W(*dicts, **over):
    out = {}
    for d in dicts:
        out.update(d)
    out.update(over)
    return {k: v for k, v in out.items() if v}


ALL = W(CODE, CONF, DOCS)


# ---------------------------------------------------------------------------------------------
# value generators: (rng, fmt, flavor) -> value
# ---------------------------------------------------------------------------------------------
class Keys:
    """Real keys, generated lazily from their own seeded stream."""

    def __init__(self, seed):
        self.rng = random.Random(f"{seed}:keys")
        self.rsa_pool = []

    def rsa(self, bits=2048):
        k = K.RSAKey(self.rng, bits)
        self.rsa_pool.append(k)
        return k

    def any_rsa(self, rng):
        if len(self.rsa_pool) < 6:
            return self.rsa()
        return rng.choice(self.rsa_pool)


def _url_pw(rng):
    return T.password(rng, url_safe=True)


def conn_url(rng, fmt, flavor):
    user = rng.choice(R.USERS)
    pw = _url_pw(rng)
    host = rng.choice(R.HOSTS)
    db = rng.choice(R.DBS)
    kind = rng.randrange(7)
    if kind == 0:
        return f"postgres://{user}:{pw}@{host}:5432/{db}"
    if kind == 1:
        return f"postgresql://{user}:{pw}@{host}/{db}?sslmode=require"
    if kind == 2:
        return f"mysql://{user}:{pw}@{host}:3306/{db}"
    if kind == 3:
        return f"mongodb+srv://{user}:{pw}@cluster0.{T.rchars(rng, 'abcdefghijklmnopqrstuvwxyz0123456789', 5)}.mongodb.net/{db}?retryWrites=true&w=majority"
    if kind == 4:
        return f"redis://:{pw}@{rng.choice(['cache.internal', 'redis-master.prod.svc', '10.0.4.12'])}:6379/0"
    if kind == 5:
        return f"amqp://{user}:{pw}@{rng.choice(['rabbitmq.internal', 'mq.acme.io'])}:5672/%2F"
    return f"mssql+pyodbc://{user}:{pw}@{host}:1433/{db}?driver=ODBC+Driver+18+for+SQL+Server"


def jdbc_url(rng, fmt, flavor):
    user, pw, host, db = rng.choice(R.USERS), _url_pw(rng), rng.choice(R.HOSTS), rng.choice(R.DBS)
    k = rng.randrange(4)
    if k == 0:
        return f"jdbc:postgresql://{host}:5432/{db}?user={user}&password={pw}&ssl=true"
    if k == 1:
        return f"jdbc:mysql://{host}:3306/{db}?user={user}&password={pw}&useSSL=true"
    if k == 2:
        return f"jdbc:sqlserver://{host}:1433;databaseName={db};user={user};password={pw};encrypt=true"
    return f"jdbc:oracle:thin:{user}/{pw}@{host}:1521/{db.upper()}"


def adonet(rng, fmt, flavor):
    user, pw, db = rng.choice(R.USERS), T.password(rng, url_safe=True), rng.choice(R.DBS)
    k = rng.randrange(3)
    if k == 0:
        return (f"Server=tcp:{rng.choice(['acme-sql', 'globex-prod', 'inv-db'])}.database.windows.net,1433;"
                f"Initial Catalog={db};Persist Security Info=False;User ID={user};Password={pw};"
                "MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;")
    if k == 1:
        return f"Host={rng.choice(R.HOSTS)};Port=5432;Database={db};Username={user};Password={pw}"
    return f"Data Source={rng.choice(R.HOSTS)};Initial Catalog={db};User Id={user};Password={pw};"


def azure_storage_conn(rng, fmt, flavor):
    acct = rng.choice(["acmeprod", "globexdata", "invstore", "mediaassets", "backups"]) + str(rng.randint(1, 99))
    return (f"DefaultEndpointsProtocol=https;AccountName={acct};AccountKey={T.azure_storage_key(rng)};"
            "EndpointSuffix=core.windows.net")


def azure_sb_conn(rng, fmt, flavor):
    ns = rng.choice(["acme-events", "orders-bus", "globex-sb"]) + str(rng.randint(1, 9))
    return (f"Endpoint=sb://{ns}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
            f"SharedAccessKey={T.azure_sb_key(rng)}")


def cosmos_conn(rng, fmt, flavor):
    acct = rng.choice(["acme-cosmos", "catalog-db", "globex-docs"])
    return f"AccountEndpoint=https://{acct}.documents.azure.com:443/;AccountKey={T.azure_storage_key(rng)};"


def sas_url(rng, fmt, flavor):
    acct = rng.choice(["acmeexports", "globexbackup", "mediaassets"])
    return (f"https://{acct}.blob.core.windows.net/{rng.choice(['exports', 'backups', 'uploads'])}"
            f"?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T00:00:00Z"
            f"&st=2024-01-01T00:00:00Z&spr=https&sig={T.azure_sas_sig(rng)}")


def git_url_with_token(rng, fmt, flavor):
    tok = T.github_classic(rng, rng.choice(["ghp", "ghs"]))
    user = "x-access-token" if tok.startswith("ghs") else rng.choice(["ci-bot", "deploy", "jdoe"])
    repo = rng.choice(["acme/infra", "acme/billing-api", "globex/web", "acme/charts"])
    if rng.random() < 0.5:
        return f"git clone https://{user}:{tok}@github.com/{repo}.git"
    return f"git remote set-url origin https://{user}:{tok}@github.com/{repo}.git"


def basic_header(rng, fmt, flavor):
    user = rng.choice(R.USERS)
    return "Basic " + T.b64(f"{user}:{T.password(rng)}".encode())


def bearer_header(rng, fmt, flavor):
    k = rng.random()
    if k < 0.4:
        return "Bearer " + T.rchars(rng, T.ALNUM, rng.choice([32, 40, 48]))
    if k < 0.7:
        return "Bearer " + T.hex_key(rng, rng.choice([32, 40, 64]))
    return "Bearer " + K.jwt(rng)


def apikey_header(rng, fmt, flavor):
    return T.rchars(rng, T.ALNUM, rng.choice([24, 32, 40])) if rng.random() < 0.5 else T.hex_key(rng, 32)


def cli_password(rng, fmt, flavor):
    pw = T.password(rng)
    user = rng.choice(R.USERS)
    host = rng.choice(R.HOSTS)
    q = "'" + pw + "'" if rng.random() < 0.6 else pw if re.fullmatch(r"[A-Za-z0-9_.+=@%-]+", pw) else "'" + pw + "'"
    k = rng.randrange(11)
    if k == 0:
        return f"mysql -h {host} -u {user} -p{q} {rng.choice(R.DBS)} < migrations/{rng.randint(1, 40):03d}.sql"
    if k == 1:
        return f"docker login -u {user} -p {q} {rng.choice(['registry.acme.io', 'ghcr.io', 'docker.io', 'acme.azurecr.io'])}"
    if k == 2:
        return f"sshpass -p {q} ssh -o StrictHostKeyChecking=no {user}@{host} 'sudo systemctl restart app'"
    if k == 3:
        return f"PGPASSWORD={q} psql -h {host} -U {user} -d {rng.choice(R.DBS)} -f seed.sql"
    if k == 4:
        return f"redis-cli -h {rng.choice(['cache.internal', '10.0.4.12'])} -a {q} FLUSHDB"
    if k == 5:
        return f"mysqldump -u {user} --password={q} --single-transaction {rng.choice(R.DBS)} > backup.sql"
    if k == 6:
        return f"curl -fsS -u {user}:{q if q[0] != chr(39) else q[1:-1]} https://nexus.acme.io/service/rest/v1/status"
    if k == 7:
        return f"sqlcmd -S {host} -U sa -P {q} -Q \"BACKUP DATABASE app TO DISK='/backup/app.bak'\""
    if k == 8:
        return f"htpasswd -b -c /etc/nginx/.htpasswd {user} {q}"
    if k == 9:
        return f"mongosh \"mongodb://{host}:27017/{rng.choice(R.DBS)}\" -u {user} -p {q} --authenticationDatabase admin"
    return f"rabbitmqctl add_user {user} {q}"


def cli_negative(rng, fmt, flavor):
    user, host = rng.choice(R.USERS), rng.choice(R.HOSTS)
    reg = rng.choice(["registry.acme.io", "ghcr.io", "acme.azurecr.io"])
    opts = [
        ("password-stdin", f'echo "$REGISTRY_PASSWORD" | docker login -u {user} --password-stdin {reg}'),
        ("password-stdin", f"cat /run/secrets/registry | docker login {reg} -u {user} --password-stdin"),
        ("prompt", f"mysql -h {host} -u {user} -p {rng.choice(R.DBS)}"),
        ("env-lookup", f'mysql -h {host} -u {user} -p"$MYSQL_PASSWORD" {rng.choice(R.DBS)}'),
        ("env-lookup", f"sshpass -e ssh {user}@{host} uptime"),
        ("env-lookup", f'PGPASSWORD="$DB_PASSWORD" psql -h {host} -U {user} -c "select 1"'),
        ("env-lookup", 'redis-cli -h cache.internal -a "$REDIS_PASSWORD" ping'),
        ("env-lookup", 'curl -fsS -u "$NEXUS_USER:$NEXUS_PASSWORD" https://nexus.acme.io/service/rest/v1/status'),
        ("file-reference", f"sshpass -f /etc/deploy/sshpass ssh {user}@{host} uptime"),
        ("prompt", f"sqlcmd -S {host} -U sa -Q \"select @@version\""),
    ]
    if fmt == "yml" and flavor == "workflow":
        opts.append(("env-lookup", f"docker login -u {user} -p ${{{{ secrets.REGISTRY_PASSWORD }}}} {reg}"))
        opts.append(("env-lookup", "echo ${{ secrets.GITHUB_TOKEN }} | docker login ghcr.io -u $GITHUB_ACTOR --password-stdin"))
    return rng.choice(opts)


def pem_private(keys: Keys):
    def gen(rng, fmt, flavor):
        k = rng.random()
        comment = f"{rng.choice(R.USERS)}@{rng.choice(['ci', 'bastion', 'laptop', 'build-01'])}"
        if k < 0.32:
            return ("rsa-pkcs1", K.pem("RSA PRIVATE KEY", keys.rsa().pkcs1_der()))
        if k < 0.52:
            return ("rsa-pkcs8", K.pem("PRIVATE KEY", keys.rsa().pkcs8_der()))
        if k < 0.67:
            return ("ec-sec1", K.pem("EC PRIVATE KEY", K.ECKey(keys.rng).sec1_der()))
        if k < 0.72:
            return ("ec-pkcs8", K.pem("PRIVATE KEY", K.ECKey(keys.rng).pkcs8_der()))
        if k < 0.92:
            return ("openssh-ed25519", K.openssh_private(K.Ed25519Key(keys.rng), keys.rng, comment))
        return ("openssh-rsa", K.openssh_private(keys.rsa(), keys.rng, comment))
    return gen


def pem_public(keys: Keys):
    def gen(rng, fmt, flavor):
        k = rng.random()
        if k < 0.45:
            return ("certificate", K.self_signed_cert(keys.any_rsa(rng), rng,
                                                      f"{rng.choice(R.NOUNS)}.{rng.choice(['acme.io', 'globex.dev'])}"))
        if k < 0.8:
            return ("public-key", K.pem("PUBLIC KEY", keys.any_rsa(rng).spki_der()))
        return ("public-key", K.pem("PUBLIC KEY", K.ECKey(keys.rng).spki_der()))
    return gen


def pem_placeholder(rng, fmt, flavor):
    k = rng.randrange(4)
    if k == 0:
        return "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"
    if k == 1:
        return "-----BEGIN PRIVATE KEY-----\n<paste your private key here>\n-----END PRIVATE KEY-----"
    if k == 2:
        return "-----BEGIN OPENSSH PRIVATE KEY-----\nREDACTED\n-----END OPENSSH PRIVATE KEY-----"
    return ("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n-----END RSA PRIVATE KEY-----")


def ssh_pub_line(keys: Keys):
    def gen(rng, fmt, flavor):
        key = K.Ed25519Key(keys.rng) if rng.random() < 0.7 else keys.any_rsa(rng)
        return K.openssh_public_line(key, f"{rng.choice(R.USERS)}@{rng.choice(['laptop', 'ci', 'bastion'])}")
    return gen


def jwt_gen(keys: Keys):
    def gen(rng, fmt, flavor):
        return K.jwt(rng, keys.any_rsa(rng) if rng.random() < 0.3 else None)
    return gen


C = lambda v: (lambda rng, fmt, flavor: v() if callable(v) else v)  # noqa: E731


def choice_of(*vals):
    return lambda rng, fmt, flavor: rng.choice(vals)


def g(fn, *args):
    return lambda rng, fmt, flavor: fn(rng, *args)


# Placeholders, as they appear in READMEs, samples and templates.
PH_GENERIC = ["<your-api-key>", "YOUR_API_KEY", "your-api-key-here", "REPLACE_ME", "<API_KEY>", "TODO",
              "changeme", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "********", "<redacted>", "{{ api_key }}",
              "%API_KEY%", "${API_KEY}", "insert-key-here", "<token>", "dummy-token", "your_token_here"]
PH_PASSWORD = ["changeme", "<password>", "${DB_PASSWORD}", "{{ db_password }}", "%DB_PASSWORD%", "****",
               "********", "xxxxxxxx", "your-password-here", "your_password", "REPLACE_ME", "changeit",
               "<db-password>", "{{ .Values.db.password }}", "$(DB_PASSWORD)", "password", "",
               "${POSTGRES_PASSWORD:-}", "<%= ENV['DB_PASSWORD'] %>", "CHANGE_ME", "secret"]
PH_TOKEN = {
    "github": ["ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
               "<your-github-token>", "ghp_your_personal_access_token", "YOUR_GITHUB_TOKEN", "ghp_...",
               "${GITHUB_TOKEN}", "ghp_************************************", "github_pat_xxxxxxxx"],
    "npm": ["npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "${NPM_TOKEN}", "<npm-token>", "npm_..."],
    "aws": ["AKIAXXXXXXXXXXXXXXXX", "<aws-access-key-id>", "<aws-secret-access-key>", "${AWS_SECRET_ACCESS_KEY}",
            "YOUR_SECRET_KEY", "AKIA****************"],
    "openai": ["sk-...", "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "<OPENAI_API_KEY>", "sk-proj-..."],
    "anthropic": ["sk-ant-api03-...", "sk-ant-xxxxxxxx", "<ANTHROPIC_API_KEY>"],
    "huggingface": ["hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "hf_...", "<hf_token>"],
    "slack": ["xoxb-your-bot-token", "xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx",
              "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "<slack-webhook-url>"],
    "stripe": ["sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "sk_live_...", "<stripe-secret-key>", "sk_live_************************"],
    "sendgrid": ["SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "SG.your-api-key"],
    "gitlab": ["glpat-xxxxxxxxxxxxxxxxxxxx", "glpat-XXXXXXXXXXXXXXXXXXXX", "<gitlab-token>"],
    "google": ["AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "<YOUR_GOOGLE_MAPS_KEY>", "AIza..."],
    "twilio": ["your_auth_token", "<twilio-auth-token>", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
    "mailgun": ["key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "<mailgun-api-key>"],
    "azure": ["<storage-account-key>", "DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<key>;EndpointSuffix=core.windows.net",
              "<client-secret>", "Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>"],
    "pypi": ["pypi-xxxxxxxxxxxxxxxx", "<pypi-token>", "pypi-..."],
    "jwt": ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...", "<jwt>", "eyJ..."],
}
NAME_OF = {"github": "github", "npm": "npm", "aws": "aws_secret", "openai": "openai", "anthropic": "anthropic",
           "huggingface": "hf", "slack": "slack_token", "stripe": "stripe", "sendgrid": "sendgrid",
           "gitlab": "gitlab", "google": "google_api", "twilio": "twilio_token", "mailgun": "mailgun",
           "azure": "azure_storage", "pypi": "pypi", "jwt": "jwt"}

PH_CONN = ["postgres://user:password@localhost:5432/mydb", "postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}:5432/app",
           "mongodb+srv://<username>:<password>@cluster0.mongodb.net/test", "mysql://root:changeme@localhost:3306/app",
           "Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=<password>;",
           "jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}",
           "redis://:${REDIS_PASSWORD}@redis:6379/0", "amqp://guest:guest@localhost:5672/",
           "postgresql://{user}:{password}@{host}/{db}", "Host=localhost;Database=app;Username=app;Password=****"]
NO_CRED_CONN = ["postgres://localhost:5432/app", "redis://cache.internal:6379/0", "postgresql://app@db.internal/app",
                "jdbc:postgresql://db.internal:5432/orders", "mongodb://mongo-0.mongo:27017,mongo-1.mongo:27017/app?replicaSet=rs0",
                "Server=tcp:inv-db.database.windows.net,1433;Initial Catalog=inventory;Authentication=Active Directory Default;",
                "amqp://rabbitmq.internal:5672/%2F", "Host=db.internal;Database=app;Integrated Security=true"]

NOT_SECRET_NAMES = [  # (name words, value): password/token/key-named things that are not credentials
    (["password", "field"], "password"), (["password", "reset", "url"], "/accounts/password/reset/"),
    (["password", "label"], "Password"), (["password", "error"], "Invalid password, please try again."),
    (["token", "type"], "Bearer"), (["token", "url"], "https://oauth2.googleapis.com/token"),
    (["secret", "name"], "prod/db/password"), (["api", "key", "header"], "X-API-Key"),
    (["password", "hash", "algorithm"], "argon2id"), (["forgot", "password", "template"], "emails/forgot_password.html"),
    (["password", "regex"], "^(?=.*[A-Z])(?=.*[0-9]).{12,}$"), (["key", "file"], "/etc/ssl/private/server.key"),
    (["password", "input", "type"], "password"), (["token", "endpoint"], "/oauth/token"),
    (["secret", "arn"], "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"),
    (["credentials", "path"], "~/.config/gcloud/application_default_credentials.json"),
    (["password", "policy"], "min-length-12"), (["auth", "scheme"], "Basic"),
    (["keystore", "path"], "/opt/app/keystore.jks"), (["private", "key", "path"], "./keys/jwt-signing.pem"),
    (["password", "min", "length"], "12"), (["session", "cookie", "name"], "sessionid"),
    (["token", "header"], "Authorization"), (["secret", "ref"], "vault:secret/data/app#db_password"),
    (["password", "env", "var"], "DB_PASSWORD"), (["api", "key", "param"], "api_key"),
]


def _sample_words(rng):
    return rng.choice(NAMES["generic"])


def build_specs(keys: Keys):
    """(category, kind, subtype, count, shape, gen, names, fmts, reason)."""
    P, N = "positive", "negative"
    S = []

    def add(cat, kind, sub, n, shape, gen, names, fmts, reason=None, **extra):
        S.append(dict(cat=cat, kind=kind, sub=sub, n=n, shape=shape, gen=gen, names=names, fmts=fmts,
                      reason=reason, extra=extra))

    TOK = W(CODE, CONF, DOCS, yml=4, env=4)
    # ---- positives -----------------------------------------------------------------------
    add("github", P, "github-classic-pat", 40, "kv", g(T.github_classic, "ghp"), "github", TOK)
    add("github", P, "github-oauth", 15, "kv", g(T.github_classic, "gho"), "github", TOK)
    add("github", P, "github-app-user-to-server", 12, "kv", g(T.github_classic, "ghu"), "github", TOK)
    add("github", P, "github-app-installation", 15, "kv", g(T.github_classic, "ghs"), "github", TOK)
    add("github", P, "github-refresh", 8, "kv", g(T.github_classic, "ghr"), "github", TOK)
    add("github", P, "github-fine-grained-pat", 18, "kv", g(T.github_fine_grained), "github", TOK)
    add("github", P, "github-token-in-git-url", 10, "cmd", git_url_with_token, None,
        {"sh": 4, "yml": 3, "Dockerfile": 2, "md": 1, "txt": 1})
    add("gitlab", P, "gitlab-pat", 28, "kv", g(T.gitlab_pat), "gitlab", TOK)
    add("gitlab", P, "gitlab-other-token", 12, "kv", g(T.gitlab_other), "gitlab", TOK)
    add("npm", P, "npm-token", 28, "kv", g(T.npm_token), "npm", W(CONF, DOCS, py=1, js=2, ts=1, yml=4))
    add("pypi", P, "pypi-token", 18, "kv", g(T.pypi_token), "pypi", W(CONF, DOCS, py=2, yml=4))
    add("aws", P, "aws-key-pair", 40, "aws_pair", None, None, W(CODE, CONF, DOCS, yml=3, env=4, ini=0, tf=2))
    add("aws", P, "aws-secret-key", 6, "kv", g(T.aws_secret), "aws_secret", W(CONF, py=2, js=1))
    add("azure", P, "azure-storage-connection-string", 14, "kv", azure_storage_conn, "azure_storage",
        W(CODE, CONF, py=2, cs=4, yml=2, json=3))
    add("azure", P, "azure-ad-client-secret", 12, "kv", g(T.azure_ad_client_secret), "aad", TOK)
    add("azure", P, "azure-sas-url", 8, "kv", sas_url, "sas", W(CODE, CONF))
    add("azure", P, "azure-service-bus-connection-string", 8, "kv", azure_sb_conn, "azure_sb", W(CODE, CONF, cs=4))
    add("azure", P, "azure-cosmos-connection-string", 7, "kv", cosmos_conn, "cosmos", W(CODE, CONF, cs=4))
    add("google", P, "google-api-key", 28, "kv", g(T.google_api_key), "google_api", TOK)
    add("google", P, "google-oauth-client-secret", 7, "kv", g(T.google_oauth_secret), "google_oauth", TOK)
    add("openai", P, "openai-api-key", 30, "kv", g(T.openai_key), "openai", TOK)
    add("anthropic", P, "anthropic-api-key", 25, "kv", g(T.anthropic_key), "anthropic", TOK)
    add("huggingface", P, "huggingface-token", 25, "kv", g(T.hf_token), "hf", TOK)
    add("slack", P, "slack-token", 30, "kv", g(T.slack_token), "slack_token", TOK)
    add("slack", P, "slack-webhook", 25, "kv", g(T.slack_webhook), "slack_webhook", TOK)
    add("stripe", P, "stripe-secret-key", 22, "kv", g(T.stripe_key, "sk_live_"), "stripe", TOK)
    add("stripe", P, "stripe-restricted-key", 8, "kv", g(T.stripe_key, "rk_live_"), "stripe", TOK)
    add("twilio", P, "twilio-auth-token", 14, "kv", g(T.hex_key, 32), "twilio_token", TOK)
    add("twilio", P, "twilio-api-secret", 6, "kv", lambda r, f, fl: T.rchars(r, T.ALNUM, 32), "twilio_secret", TOK)
    add("sendgrid", P, "sendgrid-api-key", 20, "kv", g(T.sendgrid_key), "sendgrid", TOK)
    add("mailgun", P, "mailgun-api-key", 15, "kv", g(T.mailgun_key), "mailgun", TOK)
    add("private_key", P, "pem-private-key", 62, "pem", pem_private(keys), "pem",
        W(CODE, py=3, yml=5, env=2, tf=1, sh=2, md=1, txt=1))
    add("jwt", P, "jwt", 40, "kv", jwt_gen(keys), "jwt", W(CODE, CONF, DOCS, txt=3, properties=0, ini=0, tf=0))
    add("password", P, "password-literal", 130, "kv", lambda r, f, fl: T.password(r), "password", W(ALL, yml=6, py=5))
    add("password", P, "k8s-secret-data-base64", 10, "k8s_data", lambda r, f, fl: T.password(r), "password", {"yml": 1})
    add("generic_secret", P, "generic-api-key", 60, "kv",
        lambda r, f, fl: r.choice([T.hex_key(r, 32), T.hex_key(r, 40), T.rchars(r, T.ALNUM, 32),
                                   T.b64(r.randbytes(32)), T.hex_key(r, 64)]
                                  + ([T.django_secret_key(r)] if f in ("py", "env", "yml") else [])),
        "generic", W(CODE, CONF, py=5))
    add("connection_string", P, "url-with-password", 55, "kv", conn_url, "conn", W(CODE, CONF, py=4))
    add("connection_string", P, "jdbc-with-password", 15, "kv", jdbc_url, "conn",
        {"java": 4, "properties": 5, "yml": 3, "env": 1, "sh": 1})
    add("connection_string", P, "adonet-password", 15, "kv", adonet, "conn", {"cs": 5, "json": 4, "env": 1, "yml": 1, "ps": 0})
    add("auth_header", P, "authorization-bearer", 30, "header", bearer_header, None,
        W(CODE, sh=4, yml=2, json=1, md=1, txt=1, Dockerfile=1), header="Authorization")
    add("auth_header", P, "authorization-basic", 20, "header", basic_header, None,
        W(CODE, sh=4, yml=2, json=1, md=1, txt=1), header="Authorization")
    add("auth_header", P, "api-key-header", 10, "header", apikey_header, None, W(CODE, sh=4, yml=1, json=1),
        header="X-API-Key")
    add("cli_password", P, "cli-password", 60, "cmd", cli_password, None,
        {"sh": 8, "yml": 4, "Dockerfile": 2, "md": 2, "txt": 2, "py": 1, "js": 0.5, "rb": 0.5, "go": 0.5})

    # ---- negatives -----------------------------------------------------------------------
    def broken(prefix):
        def gen(r, f, fl):
            good = T.github_classic(r, prefix) if prefix != "npm" else T.npm_token(r)
            return T.break_checksum(r, good, len(prefix) + 1) if r.random() < 0.5 else T.random_tail(r, prefix + "_")
        return gen
    add("github", N, "github-wrong-checksum", 70, "kv",
        lambda r, f, fl: broken(r.choice(["ghp", "ghp", "gho", "ghu", "ghs", "ghr"]))(r, f, fl), "github", TOK,
        reason="wrong-checksum")
    add("npm", N, "npm-wrong-checksum", 25, "kv", broken("npm"), "npm", W(CONF, DOCS, js=2, ts=1, yml=4),
        reason="wrong-checksum")
    for cat, vals in PH_TOKEN.items():
        n = {"github": 25, "aws": 12, "slack": 10, "stripe": 8, "openai": 8}.get(cat, 5)
        add(cat, N, f"{cat}-placeholder", n, "kv", choice_of(*vals), NAME_OF[cat], W(CODE, CONF, DOCS, md=4, txt=2),
            reason="placeholder")
    add("generic_secret", N, "generic-placeholder", 40, "kv", choice_of(*PH_GENERIC), "generic", W(ALL, md=4),
        reason="placeholder")
    add("password", N, "password-placeholder", 80, "kv", choice_of(*PH_PASSWORD), "password", W(ALL, yml=6, md=3),
        reason="placeholder")
    add("aws", N, "aws-doc-sample-key-id", 12, "kv", C("AKIAIOSFODNN7EXAMPLE"), "aws_id", W(ALL, md=4), reason="doc-sample")
    add("aws", N, "aws-doc-sample-secret", 8, "kv", C("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "aws_secret",
        W(ALL, md=4), reason="doc-sample")
    add("stripe", N, "stripe-doc-test-key", 5, "kv", C("sk_test_4eC39HqLyjWDarjtT1zdp7dc"), "stripe", W(CODE, md=3),
        reason="doc-sample")
    add("jwt", N, "jwt-io-sample", 6, "kv", C(K.JWT_IO_SAMPLE), "jwt", W(CODE, DOCS), reason="doc-sample")
    add("azure", N, "azurite-emulator-key", 5, "kv",
        C("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"),
        "azure_storage", {"json": 2, "env": 2, "yml": 1, "cs": 1}, reason="doc-sample")
    add("stripe", N, "stripe-publishable-key", 25, "kv", g(T.stripe_key, "pk_live_"), "stripe_pk",
        W(CODE, CONF, js=4, ts=4, env=3), reason="public-by-design")
    add("google", N, "firebase-web-config", 25, "firebase", g(T.google_api_key), None,
        {"js": 4, "ts": 4, "json": 2}, reason="public-by-design")
    add("private_key", N, "public-key-or-certificate", 18, "pem", pem_public(keys), "pub",
        W(CODE, yml=4, md=2, txt=1, env=0), reason="public-key")
    add("private_key", N, "ssh-public-key", 8, "kv", ssh_pub_line(keys), None, {"yml": 2, "md": 1, "tf": 1, "sh": 1},
        reason="public-key", names_fixed=[["ssh", "public", "key"], ["authorized", "key"], ["public", "key"]])
    add("private_key", N, "pem-placeholder", 10, "pem", pem_placeholder, "pem", W(CODE, md=3, yml=2),
        reason="placeholder")
    for cat, names, n in (("password", "password", 50), ("github", "github", 20), ("aws", "aws_secret", 15),
                          ("generic_secret", "generic", 30), ("openai", "openai", 8), ("stripe", "stripe", 8),
                          ("slack", "slack_token", 8), ("connection_string", "conn", 12), ("npm", "npm", 5),
                          ("jwt", "jwt", 4)):
        add(cat, N, f"{cat}-env-lookup", n, "env", None, names, W(ALL, md=0.5, txt=0.5), reason="env-lookup")
    add("connection_string", N, "connection-string-placeholder", 20, "kv", choice_of(*PH_CONN), "conn",
        W(CODE, CONF, DOCS, md=3), reason="placeholder")
    add("connection_string", N, "connection-string-no-credentials", 15, "kv", choice_of(*NO_CRED_CONN), "conn",
        W(CODE, CONF), reason="no-credentials")
    add("auth_header", N, "auth-header-interpolated", 30, "header_neg", None, None,
        W(CODE, sh=4, md=2, yml=1), header="Authorization")
    add("cli_password", N, "cli-no-literal-password", 30, "cmd_neg", cli_negative, None,
        {"sh": 6, "yml": 4, "md": 2, "Dockerfile": 1, "txt": 1})
    add("password", N, "password-named-non-secret", 50, "kv_named", None, None, W(CODE, CONF, properties=1, ini=1))
    add("twilio", N, "twilio-sid", 10, "kv", lambda r, f, fl: T.twilio_sid(r, r.choice(["AC", "SK"])), "twilio_sid",
        TOK, reason="identifier")
    add("google", N, "google-oauth-client-id", 8, "kv",
        lambda r, f, fl: f"{r.randint(10**11, 10**12 - 1)}-{T.rchars(r, 'abcdefghijklmnopqrstuvwxyz0123456789', 32)}.apps.googleusercontent.com",
        None, W(CODE, CONF), reason="identifier", names_fixed=[["google", "client", "id"], ["oauth", "client", "id"]])
    add("aws", N, "aws-arn-or-account-id", 8, "kv",
        lambda r, f, fl: r.choice([f"arn:aws:iam::{r.randint(10**11, 10**12 - 1)}:role/{r.choice(['deploy', 'ci', 'lambda-exec'])}",
                                   str(r.randint(10**11, 10**12 - 1))]),
        None, W(CONF, py=1, tf=3), reason="identifier", names_fixed=[["role", "arn"], ["aws", "account", "id"]])
    add("other", N, "uuid", 60, "kv", g(T.uuid4), None, ALL, reason="uuid",
        names_fixed=[["request", "id"], ["tenant", "id"], ["client", "id"], ["correlation", "id"],
                     ["subscription", "id"], ["trace", "id"], ["idempotency", "key"], ["workspace", "id"],
                     ["azure", "tenant", "id"], ["azure", "client", "id"], ["installation", "id"]])
    add("other", N, "git-sha", 35, "kv", lambda r, f, fl: T.git_sha(r, r.choice([40, 40, 12, 7])), None, ALL,
        reason="git-sha", names_fixed=[["commit", "sha"], ["git", "sha"], ["revision"], ["base", "ref"],
                                      ["build", "commit"], ["source", "version"]])
    add("other", N, "pinned-action-sha", 15, "pinned", g(T.git_sha, 40), None, {"yml": 1}, reason="git-sha")
    add("other", N, "sha256-hex", 40, "kv", g(T.sha256_hex), None, W(ALL, Dockerfile=3),
        reason="hash", names_fixed=[["sha256"], ["checksum"], ["file", "hash"], ["expected", "digest"],
                                   ["source", "code", "hash"], ["artifact", "sha256"], ["content", "hash"]])
    add("other", N, "sha256-check-command", 8, "sha_cmd", g(T.sha256_hex), None, {"Dockerfile": 2, "sh": 1}, reason="hash")
    add("other", N, "md5-hex", 10, "kv", g(T.md5_hex), None, W(CODE, CONF), reason="hash",
        names_fixed=[["etag"], ["md5"], ["cache", "key"], ["fingerprint"]])
    add("other", N, "sri-integrity", 15, "kv", g(T.sri_hash), None, W(js=3, ts=2, json=3, py=1, yml=1),
        reason="hash", names_fixed=[["integrity"], ["sri", "hash"]])
    add("other", N, "image-digest", 12, "digest", g(T.sha256_hex), None, {"Dockerfile": 2, "yml": 3}, reason="hash")
    add("other", N, "base64-image", 20, "kv", g(T.png_data_uri), None, W(js=3, ts=3, py=2, json=2, md=0, go=1, rb=1, php=1),
        reason="base64-data", names_fixed=[["logo", "data", "uri"], ["placeholder", "image"], ["icon"], ["avatar", "fallback"]])
    add("other", N, "markdown-inline-image", 5, "md_image", g(T.png_data_uri), None, {"md": 1}, reason="base64-data")
    add("other", N, "base64-binary-blob", 10, "kv", g(T.font_data_b64), None, W(js=2, ts=2, py=2, go=1, cs=1, json=1),
        reason="base64-data", names_fixed=[["font", "data"], ["descriptor", "bytes"], ["wasm", "stub"]])
    add("other", N, "lorem-ipsum", 20, "prose", g(T.lorem, 14), None, {"md": 3, "txt": 2, "py": 1, "js": 1}, reason="lorem")
    add("other", N, "lorem-identifier", 10, "kv", g(T.lorem_token), None, W(CODE, yml=1, json=1), reason="lorem",
        names_fixed=[["cache", "namespace"], ["feature", "key"], ["queue", "name"], ["session", "key", "prefix"]])
    return S
