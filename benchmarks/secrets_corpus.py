#!/usr/bin/env python3
"""Labelled corpus for the secrets benchmark (seeded, deterministic).

    python3 benchmarks/secrets_corpus.py [--seed 20240611] [--throughput] [--throughput-mb 24]

Writes ``benchmarks/work/secrets/corpus/`` (about 370 files of 20 types: Python, JS/TS, Go, Java,
C#, Ruby, PHP, shell, YAML (GitHub workflows, Kubernetes, Compose, app config), JSON, Terraform,
Dockerfiles, .env, .properties, .ini, Markdown, text, plus .npmrc/.pypirc/.netrc/credentials/
key files) and ``benchmarks/work/secrets/labels.json`` listing every planted value: file, line
(and span), category, positive/negative, subtype and, for negatives, the reason.

Positives are values in their providers' real formats (checksummed where the provider
checksums: GitHub, npm, PyPI macaroons, Entra ID client secrets; real RSA/EC/Ed25519 keys),
put where people really put them. Negatives are what a secret scanner should stay quiet about:
wrong-checksum tokens, placeholders, documentation samples, environment lookups, public-by-design
keys, public keys and certificates, UUIDs, git SHAs, hashes, base64 data, lorem ipsum, and
password-named things that are not passwords.

``--throughput`` also builds ``benchmarks/work/secrets/throughput/`` (text files copied from the
Python standard library and the benchmark venv's site-packages, >= --throughput-mb MB) for the
speed comparison. Standard library only.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import secrets_render as R  # noqa: E402
import secrets_tokens as T  # noqa: E402
from secrets_render import Ln, tag  # noqa: E402

BENCH_DIR = Path(__file__).resolve().parent
WORK = BENCH_DIR / "work" / "secrets"
CORPUS = WORK / "corpus"
THROUGHPUT = WORK / "throughput"
LABELS = WORK / "labels.json"
DEFAULT_SEED = 20240611


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
        k = T.RSAKey(self.rng, bits)
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
    return "Bearer " + T.jwt(rng)


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
            return ("rsa-pkcs1", T.pem("RSA PRIVATE KEY", keys.rsa().pkcs1_der()))
        if k < 0.52:
            return ("rsa-pkcs8", T.pem("PRIVATE KEY", keys.rsa().pkcs8_der()))
        if k < 0.67:
            return ("ec-sec1", T.pem("EC PRIVATE KEY", T.ECKey(keys.rng).sec1_der()))
        if k < 0.72:
            return ("ec-pkcs8", T.pem("PRIVATE KEY", T.ECKey(keys.rng).pkcs8_der()))
        if k < 0.92:
            return ("openssh-ed25519", T.openssh_private(T.Ed25519Key(keys.rng), keys.rng, comment))
        return ("openssh-rsa", T.openssh_private(keys.rsa(), keys.rng, comment))
    return gen


def pem_public(keys: Keys):
    def gen(rng, fmt, flavor):
        k = rng.random()
        if k < 0.45:
            return ("certificate", T.self_signed_cert(keys.any_rsa(rng), rng,
                                                      f"{rng.choice(R.NOUNS)}.{rng.choice(['acme.io', 'globex.dev'])}"))
        if k < 0.8:
            return ("public-key", T.pem("PUBLIC KEY", keys.any_rsa(rng).spki_der()))
        return ("public-key", T.pem("PUBLIC KEY", T.ECKey(keys.rng).spki_der()))
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
        key = T.Ed25519Key(keys.rng) if rng.random() < 0.7 else keys.any_rsa(rng)
        return T.openssh_public_line(key, f"{rng.choice(R.USERS)}@{rng.choice(['laptop', 'ci', 'bastion'])}")
    return gen


def jwt_gen(keys: Keys):
    def gen(rng, fmt, flavor):
        return T.jwt(rng, keys.any_rsa(rng) if rng.random() < 0.3 else None)
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
    add("jwt", N, "jwt-io-sample", 6, "kv", C(T.JWT_IO_SAMPLE), "jwt", W(CODE, DOCS), reason="doc-sample")
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


# ---------------------------------------------------------------------------------------------
# file plan
# ---------------------------------------------------------------------------------------------
PROJECTS = {
    "py": ["billing-api/billing", "ledger/ledger", "ml-pipeline/pipeline", "ops-tools/opstools", "notifier/notifier"],
    "js": ["admin-ui/src", "webhooks/src", "cli/lib"],
    "ts": ["web-frontend/src/api", "web-frontend/src/lib", "edge-functions/src", "mobile-bff/src"],
    "go": ["gateway/internal/auth", "gateway/internal/store", "gateway/cmd/gateway", "agent/pkg/upload"],
    "java": ["orders-service/src/main/java/com/acme/orders"],
    "cs": ["inventory/src/Inventory.Api"],
    "rb": ["storefront/config/initializers", "storefront/lib/storefront"],
    "php": ["cms/src", "cms/config"],
}
MODULES = ("settings config client clients tasks db notify integrations worker views sync utils billing storage "
           "auth search payments mailer exporter importer scheduler cache queue reports webhooks uploads admin "
           "metrics health audit feeds catalog pricing accounts sessions oauth gateway backup migrate seed "
           "slack stripe github email sms crm analytics").split()
FLAVORS = {"yml": [("workflow", 14), ("k8s", 14), ("compose", 7), ("config", 16)],
           "txt": [("notes", 6), ("log", 6)]}
FILE_COUNTS = {"py": 42, "js": 18, "ts": 20, "go": 18, "java": 18, "cs": 18, "rb": 14, "php": 14, "sh": 22,
               "json": 20, "tf": 12, "Dockerfile": 12, "env": 14, "properties": 10, "ini": 8, "md": 16}


def plan_files(rng) -> list[FileSpec]:
    files: list[FileSpec] = []
    used = set()

    def add(path, fmt, flavor="", special="", target=None):
        base, n = path, 2
        while path in used:  # keep file names tools recognise (Dockerfile, .env.staging ...): vary the folder
            first, _, rest = base.partition("/")
            path = f"{first}-{n}/{rest}"
            n += 1
        used.add(path)
        files.append(FileSpec(path, fmt, flavor, special=special,
                              target_bytes=target or int(rng.lognormvariate(8.6, 0.6))))

    def mod():
        return rng.choice(MODULES)

    for fmt in ("py", "js", "ts", "go", "rb", "php"):
        for _ in range(FILE_COUNTS[fmt]):
            add(f"{rng.choice(PROJECTS[fmt])}/{mod()}.{fmt}", fmt)
    for _ in range(FILE_COUNTS["java"]):
        add(f"{PROJECTS['java'][0]}/{mod().capitalize()}{rng.choice(['Config', 'Client', 'Service', 'Repository', 'Job'])}.java", "java")
    for _ in range(FILE_COUNTS["cs"]):
        add(f"{PROJECTS['cs'][0]}/{rng.choice(['Services', 'Clients', 'Infrastructure', 'Jobs'])}/{mod().capitalize()}{rng.choice(['Service', 'Client', 'Options', 'Startup'])}.cs", "cs")
    for _ in range(FILE_COUNTS["sh"]):
        add(f"{rng.choice(['scripts', 'ops-tools/bin', 'deploy/scripts', 'ci'])}/{rng.choice(['deploy', 'backup', 'restore', 'bootstrap', 'release', 'rotate', 'seed', 'smoke', 'migrate', 'provision'])}-{mod()}.sh", "sh")
    for flavor, n in FLAVORS["yml"]:
        for _ in range(n):
            if flavor == "workflow":
                add(f".github/workflows/{rng.choice(['ci', 'deploy', 'release', 'nightly', 'publish', 'e2e'])}-{mod()}.yml", "yml", flavor)
            elif flavor == "k8s":
                add(f"deploy/k8s/{rng.choice(['prod', 'staging', 'dev'])}/{mod()}.yaml", "yml", flavor)
            elif flavor == "compose":
                add(f"deploy/compose/docker-compose.{rng.choice(['dev', 'ci', 'prod', 'local'])}.yml", "yml", flavor)
            else:
                add(f"{rng.choice(['billing-api', 'storefront', 'orders-service/src/main/resources', 'ansible/group_vars', 'helm/values'])}/{mod()}.yml", "yml", flavor)
    for i in range(FILE_COUNTS["json"]):
        if i < 5:
            add(f"inventory/src/Inventory.Api/appsettings.{rng.choice(['Development', 'Production', 'Staging'])}.json", "json", "appsettings")
        else:
            add(f"{rng.choice(['web-frontend/config', 'billing-api/config', 'tools/postman', 'functions', '.vscode'])}/{mod()}.json", "json", "config")
    for _ in range(FILE_COUNTS["tf"]):
        add(f"infra/terraform/{rng.choice(['prod', 'staging', 'modules/app', 'global'])}/{mod()}.tf", "tf")
    for _ in range(FILE_COUNTS["Dockerfile"]):
        p = rng.choice(["billing-api", "gateway", "web-frontend", "storefront", "cms", "orders-service", "ml-pipeline"])
        add(f"{p}/Dockerfile" if rng.random() < 0.4 else f"{p}/docker/{mod()}.Dockerfile", "Dockerfile")
    for _ in range(FILE_COUNTS["env"]):
        p = rng.choice(["billing-api", "web-frontend", "storefront", "cms", "gateway", "ml-pipeline", "notifier"])
        add(f"{p}/.env{rng.choice(['', '.local', '.production', '.staging', '.development'])}", "env")
    for _ in range(FILE_COUNTS["properties"]):
        add(f"orders-service/src/main/resources/{rng.choice(['application', 'application-prod', 'application-dev', 'datasource', 'mail', 'kafka'])}.properties", "properties")
    for _ in range(FILE_COUNTS["ini"]):
        add(f"{rng.choice(['ops-tools', 'ml-pipeline', 'billing-api', 'legacy'])}/{rng.choice(['config', 'settings', 'app', 'db', 'alembic', 'tox'])}.ini", "ini")
    for _ in range(FILE_COUNTS["md"]):
        add(f"{rng.choice(['docs', 'docs/runbooks', 'billing-api', 'gateway', 'web-frontend'])}/{rng.choice(['README', 'SETUP', 'deploy', 'troubleshooting', 'onboarding', 'integrations', 'api'])}.md", "md")
    for flavor, n in FLAVORS["txt"]:
        for _ in range(n):
            if flavor == "log":
                add(f"logs/{mod()}-2024-0{rng.randint(1, 9)}-{rng.randint(10, 28)}.txt", "txt", flavor)
            else:
                add(f"notes/{rng.choice(['handover', 'incident', 'todo', 'migration', 'oncall', 'meeting'])}-{mod()}.txt", "txt", flavor)
    return files


ACCEPT = {
    "kv": lambda f: f.fmt != "yml" or True,
    "env": lambda f: not (f.fmt == "txt" and f.flavor == "log"),
    "pem": lambda f: f.fmt not in ("Dockerfile", "properties", "ini") and f.flavor not in ("workflow", "compose", "log"),
    "cmd": lambda f: f.fmt in ("sh", "Dockerfile", "yml", "md", "txt", "py", "js", "ts", "rb", "php", "go")
    and f.flavor not in ("config", "log"),
    "header": lambda f: f.fmt not in ("env", "properties", "ini", "tf") and f.flavor not in ("k8s", "compose", "log", "appsettings"),
    "firebase": lambda f: f.fmt in ("js", "ts") or (f.fmt == "json" and f.flavor == "config"),
    "digest": lambda f: f.fmt == "Dockerfile" or f.flavor in ("k8s", "compose"),
    "pinned": lambda f: f.flavor == "workflow",
    "k8s_data": lambda f: f.flavor == "k8s",
    "sha_cmd": lambda f: f.fmt in ("Dockerfile", "sh"),
    "md_image": lambda f: f.fmt == "md",
    "prose": lambda f: f.fmt in ("md", "txt", "py", "js") and f.flavor != "log",
    "aws_pair": lambda f: f.fmt != "ini" and f.flavor not in ("log",),
}
ACCEPT["header_neg"] = ACCEPT["header"]
ACCEPT["cmd_neg"] = ACCEPT["cmd"]
ACCEPT["kv_named"] = ACCEPT["kv"]


def assign_items(specs, files, rng, start_id=1) -> list[Item]:
    items: list[Item] = []
    by_fmt: dict[str, list[FileSpec]] = {}
    for f in files:
        if not f.special:
            by_fmt.setdefault(f.fmt, []).append(f)
    nid = start_id
    for sp in specs:
        for _ in range(sp["n"]):
            shape = sp["shape"]
            fmts = [(k, w) for k, w in sp["fmts"].items()
                    if k in by_fmt and any(ACCEPT[shape](f) for f in by_fmt[k])]
            fmt = rng.choices([k for k, _ in fmts], [w for _, w in fmts])[0]
            cands = [f for f in by_fmt[fmt] if ACCEPT[shape](f)]
            pick = min(rng.sample(cands, min(3, len(cands))), key=lambda f: len(f.items))
            it = Item(nid, sp["cat"], sp["kind"], sp["sub"], shape, sp["reason"], fmt=fmt, flavor=pick.flavor,
                      file=pick.path, extra=dict(sp["extra"]))
            nid += 1
            names = sp["extra"].get("names_fixed") or NAMES.get(sp["names"] or "", None)
            it.words = list(rng.choice(names)) if names else []
            _fill_value(it, sp, rng)
            pick.items.append(it)
            items.append(it)
    return items


def _fill_value(it: Item, sp, rng):
    gen = sp["gen"]
    if it.shape in ("env",):
        it.value = ""
        return
    if it.shape == "kv_named":
        words, it.value = rng.choice(NOT_SECRET_NAMES)
        it.words = list(words)
        it.reason = "not-a-secret-name"
        it.shape = "kv"
        return
    if it.shape == "header_neg":
        it.reason = "env-lookup"
        return
    if it.shape == "cmd_neg":
        it.reason, it.value = gen(rng, it.fmt, it.flavor)
        it.shape = "cmd"
        return
    if it.shape == "aws_pair":
        return
    v = gen(rng, it.fmt, it.flavor)
    if sp["names"] == "conn" and it.kind == "positive" and isinstance(v, str):
        scheme = v.split(":", 1)[0].lower()
        pools = {"redis": [["redis", "url"], ["cache", "url"], ["redis", "dsn"]],
                 "amqp": [["amqp", "url"], ["broker", "url"], ["rabbitmq", "url"]],
                 "mongodb+srv": [["mongo", "uri"], ["mongodb", "uri"], ["mongo", "url"]]}
        if scheme in pools:
            it.words = list(rng.choice(pools[scheme]))
    if isinstance(v, tuple):
        it.extra["pem_kind"], v = v
        it.subtype = f"{it.subtype}:{it.extra['pem_kind']}"
    it.value = v


# ---------------------------------------------------------------------------------------------
# rendering items into file bodies
# ---------------------------------------------------------------------------------------------
def _header_neg_expr(fmt, rng):
    var = rng.choice(["token", "accessToken", "apiToken"]) if fmt in ("js", "ts", "java", "go", "cs") else "token"
    return {
        "py": (f'f"Bearer {{{var}}}"', True), "js": (f"`Bearer ${{{var}}}`", True), "ts": (f"`Bearer ${{{var}}}`", True),
        "go": (f'"Bearer " + {var}', True), "java": (f'"Bearer " + {var}', True), "cs": (f'$"Bearer {{{var}}}"', True),
        "rb": (f'"Bearer #{{{var}}}"', True), "php": ("'Bearer ' . $token", True),
        "sh": (rng.choice(["Bearer $API_TOKEN", "Bearer ${API_TOKEN}", "Bearer $(gcloud auth print-access-token)"]), False),
        "yml": (rng.choice(["Bearer ${API_TOKEN}", "Bearer ${{ secrets.API_TOKEN }}"]), False),
        "md": (rng.choice(["Bearer <token>", "Bearer YOUR_ACCESS_TOKEN", "Bearer $TOKEN"]), False),
        "txt": ("Bearer <redacted>", False), "json": ("Bearer {{token}}", False),
        "Dockerfile": ("Bearer ${API_TOKEN}", False),
    }[fmt]


def render_item(it: Item, f: FileSpec, rng, keys) -> list:
    fmt, flavor = f.fmt, f.flavor
    if fmt == "yml":
        return render_yml(it, f, rng)
    if fmt == "tf":
        return render_tf(it, rng)
    if fmt == "ini":
        return render_ini(it, rng)
    sh = it.shape
    if sh == "kv":
        return R.kv(fmt, flavor, it.words, it.value, it.id, rng)
    if sh == "env":
        return R.env_ref(fmt, flavor, it.words, it.id, rng)
    if sh == "pem":
        return R.pem_block(fmt, flavor, it.words, it.value, it.id, rng)
    if sh == "cmd":
        return R.command_block(fmt, flavor, it.value, it.id, rng)
    if sh == "header":
        return R.header_block(fmt, flavor, it.extra["header"], it.value, it.id, rng)
    if sh == "header_neg":
        expr, raw = _header_neg_expr(fmt, rng)
        it.value = expr
        return R.header_block(fmt, flavor, "Authorization", expr, it.id, rng, raw=raw)
    if sh == "aws_pair":
        return render_aws_pair(it, f, rng)
    if sh == "firebase":
        proj = rng.choice(["acme-prod", "globex-web", "storefront-7c1e2"])
        sender = str(rng.randint(10**11, 10**12 - 1))
        lines = ["const firebaseConfig = {", f'  apiKey: "{it.value}",', f'  authDomain: "{proj}.firebaseapp.com",',
                 f'  projectId: "{proj}",', f'  storageBucket: "{proj}.appspot.com",', f'  messagingSenderId: "{sender}",',
                 f'  appId: "1:{sender}:web:{T.hex_key(rng, 22)}",', "};", "", "export const app = initializeApp(firebaseConfig);", ""]
        return tag(lines, it.id, 1)
    if sh == "sha_cmd":
        tool = rng.choice(["gosu", "tini", "kubectl", "helm", "terraform"])
        line = f'echo "{it.value}  /tmp/{tool}.tar.gz" | sha256sum -c -'
        return tag([f"RUN {line}" if fmt == "Dockerfile" else line, ""], it.id)
    if sh == "digest":
        img = rng.choice(["python:3.12-slim", "node:20-alpine", "golang:1.22", "nginx:1.27", "eclipse-temurin:21-jre"])
        return tag([f"FROM {img}@sha256:{it.value} AS {rng.choice(['build', 'deps', 'runtime', 'tools'])}{rng.randint(1, 99)}", ""], it.id)
    if sh == "md_image":
        return tag([f"![{rng.choice(['status', 'logo', 'diagram'])}]({it.value})", ""], it.id)
    if sh == "prose":
        if fmt == "md":
            return tag([it.value, ""], it.id)
        if fmt == "txt":
            return tag([it.value, ""], it.id)
        return R.kv(fmt, flavor, ["description"], it.value, it.id, rng)
    if sh == "k8s_data":
        raise AssertionError("k8s_data outside k8s")
    raise ValueError(sh)


def _aws_parts(it: Item):
    parts = [("id", it), ("secret", it.extra["twin"])]
    if it.extra.get("session"):
        parts.append(("session", it.extra["session"]))
    return parts


def render_aws_pair(it: Item, f: FileSpec, rng) -> list:
    """Two or three labelled lines: key id (item ``it``), secret access key, and for temporary
    (ASIA) keys the session token."""
    fmt = f.fmt
    parts = _aws_parts(it)

    def lines(fmtline):
        return [Ln(fmtline(kind, x.value, k == len(parts) - 1), x.id) for k, (kind, x) in enumerate(parts)]
    if fmt == "py":
        if rng.random() < 0.5:
            names = {"id": "aws_access_key_id", "secret": "aws_secret_access_key", "session": "aws_session_token"}
            return ["s3 = boto3.client(", '    "s3",', *lines(lambda k, v, last: f'    {names[k]}="{v}",'),
                    f'    region_name="{rng.choice(["us-east-1", "eu-west-1"])}",', ")", ""]
        names = {"id": "AWS_ACCESS_KEY_ID", "secret": "AWS_SECRET_ACCESS_KEY", "session": "AWS_SESSION_TOKEN"}
        return [*lines(lambda k, v, last: f'{names[k]} = "{v}"'), ""]
    if fmt in ("js", "ts"):
        names = {"id": "accessKeyId", "secret": "secretAccessKey", "session": "sessionToken"}
        return ["const s3 = new S3Client({", f'  region: "{rng.choice(["us-east-1", "eu-west-1"])}",', "  credentials: {",
                *lines(lambda k, v, last: f'    {names[k]}: "{v}",'), "  },", "});", ""]
    if fmt == "go":
        body = lines(lambda k, v, last: f'\t\t"{v}",')
        if len(parts) == 2:
            body.append('\t\t"",')
        return ["func s3Credentials() aws.CredentialsProvider {", "\treturn credentials.NewStaticCredentialsProvider(",
                *body, "\t)", "}", ""]
    if fmt == "java":
        cls = "AwsSessionCredentials" if len(parts) == 3 else "AwsBasicCredentials"
        return [f"    private static final {cls} CREDENTIALS = {cls}.create(",
                *lines(lambda k, v, last: f'        "{v}"' + (");" if last else ",")), ""]
    if fmt == "cs":
        cls = "SessionAWSCredentials" if len(parts) == 3 else "BasicAWSCredentials"
        return [f"        private static readonly {cls} Credentials = new {cls}(",
                *lines(lambda k, v, last: f'            "{v}"' + (");" if last else ",")), ""]
    if fmt == "rb":
        return ["  Aws.config.update(", "    region: \"us-east-1\",", "    credentials: Aws::Credentials.new(",
                *lines(lambda k, v, last: f'      "{v}"' + ("" if last else ",")), "    )", "  )", ""]
    if fmt == "php":
        names = {"id": "key", "secret": "secret", "session": "token"}
        return ["$s3 = new S3Client([", "    'region' => 'us-east-1',", "    'credentials' => [",
                *lines(lambda k, v, last: f"        '{names[k]}' => '{v}',"), "    ],", "]);", ""]
    if fmt == "properties":
        names = {"id": "aws.access-key-id", "secret": "aws.secret-access-key", "session": "aws.session-token"}
        return lines(lambda k, v, last: f"{names[k]}={v}")
    if fmt in ("sh", "env", "md", "txt", "Dockerfile"):
        names = {"id": "AWS_ACCESS_KEY_ID", "secret": "AWS_SECRET_ACCESS_KEY", "session": "AWS_SESSION_TOKEN"}
        pre = {"sh": "export ", "Dockerfile": "ENV ", "env": "", "md": "export ", "txt": ""}[fmt]
        body = lines(lambda k, v, last: f"{pre}{names[k]}={v}")
        if fmt == "md":
            return ["```bash", *body, "```", ""]
        return body + [""]
    raise ValueError(fmt)


_section_counter = [0]


def _uniq(name):
    _section_counter[0] += 1
    return f"{name}_{_section_counter[0]}" if _section_counter[0] % 3 else name + str(_section_counter[0])


def render_yml(it: Item, f: FileSpec, rng) -> list:
    flavor, sh = f.flavor, it.shape
    i = it.id
    if sh == "aws_pair":
        ynames = {"id": "AWS_ACCESS_KEY_ID", "secret": "AWS_SECRET_ACCESS_KEY", "session": "AWS_SESSION_TOKEN"}
        pair = [Ln(f"{ynames[k]}: {x.value}", x.id) for k, x in _aws_parts(it)]
        if flavor == "workflow":
            return ["- name: Upload artifacts", "  env:", *R.indent(pair, 4), "  run: aws s3 sync dist/ s3://acme-artifacts/"]
        if flavor == "compose":
            return [f"{rng.choice(R.NOUNS)}-uploader{i}:", "  image: amazon/aws-cli:2.15.0", "  environment:", *R.indent(pair, 4)]
        if flavor == "k8s":
            return ["---", "apiVersion: v1", "kind: Secret", "metadata:", f"  name: aws-credentials-{i}", "type: Opaque",
                    "stringData:", *R.indent(pair, 2)]
        cnames = {"id": "access_key_id", "secret": "secret_access_key", "session": "session_token"}
        return [f"aws_{i}:", *[Ln(f"  {cnames[k]}: {x.value}", x.id) for k, x in _aws_parts(it)], "  region: us-east-1"]
    if flavor == "workflow":
        if sh in ("kv", "env"):
            if sh == "kv":
                inner = tag([f"{R.upper(it.words)}: {R.yq(it.value, rng)}"], i)
            else:
                inner = R.env_ref("yml", "workflow", it.words, i, rng)
            return [f"- name: {rng.choice(['Configure', 'Deploy', 'Publish', 'Notify', 'Release'])} {rng.choice(R.NOUNS)}s",
                    "  env:", *R.indent(inner, 4), f"  run: ./scripts/{rng.choice(['deploy', 'publish', 'notify'])}.sh"]
        if sh == "cmd":
            return R.command_block("yml", "workflow", it.value, i, rng)
        if sh in ("header", "header_neg"):
            if sh == "header_neg":
                it.value = "Bearer ${{ secrets.API_TOKEN }}"
            cmd = f'curl -fsS -H "{it.extra.get("header", "Authorization")}: {it.value}" {rng.choice(R.APIS)}/deployments'
            return R.command_block("yml", "workflow", cmd, i, rng)
        if sh == "pinned":
            act = rng.choice(["actions/checkout", "actions/setup-node", "docker/login-action", "actions/cache",
                              "aws-actions/configure-aws-credentials"])
            return [Ln(f"- uses: {act}@{it.value} # v{rng.randint(2, 5)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}", i)]
        if sh == "pem":
            raise AssertionError
        if sh == "prose":
            raise AssertionError
    if flavor == "k8s":
        name = f"{rng.choice(R.NOUNS)}-{i}"
        if sh == "kv" and it.kind == "positive" or sh == "pem":
            inner = R.pem_block("yml", "", it.words, it.value, i, rng) if sh == "pem" else \
                tag([f"{R.kebab(it.words) if rng.random() < 0.5 else R.upper(it.words)}: {R.yq(it.value, rng)}"], i)
            if sh == "kv" and rng.random() < 0.4:
                return ["---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", f"  name: {name}", "spec:",
                        "  template:", "    spec:", "      containers:", f"        - name: {name}",
                        f"          image: acme/{name}:1.{rng.randint(0, 30)}", "          env:",
                        Ln(f"            - name: {R.upper(it.words)}", i, False),
                        Ln(f"              value: {R.dq(it.value)}", i)]
            return ["---", "apiVersion: v1", "kind: Secret", "metadata:", f"  name: {name}", "type: Opaque",
                    "stringData:", *R.indent(inner, 2)]
        if sh == "kv":
            return ["---", "apiVersion: v1", "kind: ConfigMap", "metadata:", f"  name: {name}-config", "data:",
                    *R.indent(tag([f"{R.upper(it.words)}: {R.dq(it.value)}"], i), 2)]
        if sh == "k8s_data":
            enc = base64.b64encode(it.value.encode()).decode()
            return ["---", "apiVersion: v1", "kind: Secret", "metadata:", f"  name: {name}", "type: Opaque", "data:",
                    Ln(f"  {R.kebab(it.words)}: {enc}", i)]
        if sh == "env":
            return ["---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", f"  name: {name}", "spec:",
                    "  template:", "    spec:", "      containers:", f"        - name: {name}",
                    f"          image: acme/{name}:1.{rng.randint(0, 30)}", "          env:",
                    *R.indent(R.env_ref("yml", "k8s-env", it.words, i, rng), 12)]
        if sh == "cmd":
            return ["---", "apiVersion: batch/v1", "kind: Job", "metadata:", f"  name: {name}-job", "spec:",
                    "  template:", "    spec:", "      restartPolicy: Never", "      containers:",
                    f"        - name: {name}", "          image: acme/toolbox:2.3",
                    *R.indent(R.command_block("yml", "k8s", it.value, i, rng), 10)]
        if sh == "digest":
            img = rng.choice(["nginx", "redis", "acme/api", "postgres", "grafana/grafana"])
            return ["---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", f"  name: {name}", "spec:",
                    "  template:", "    spec:", "      containers:", f"        - name: {name}",
                    Ln(f"          image: {img}@sha256:{it.value}", i)]
    if flavor == "compose":
        svc = f"{rng.choice(R.NOUNS)}-{i}"
        if sh == "kv":
            if rng.random() < 0.5:
                inner = tag([f"{R.upper(it.words)}: {R.yq(it.value, rng)}"], i)
            else:
                inner = tag([f"- {R.upper(it.words)}={it.value}" if R._PLAIN_SH.match(it.value) else
                             f"- \"{R.upper(it.words)}={it.value}\""], i)
            return [f"{svc}:", f"  image: acme/{svc}:latest", "  environment:", *R.indent(inner, 4)]
        if sh == "env":
            return [f"{svc}:", f"  image: acme/{svc}:latest", "  environment:",
                    *R.indent(tag([f"{R.upper(it.words)}: ${{{R.upper(it.words)}}}"], i), 4)]
        if sh == "cmd":
            return [f"{svc}:", "  image: acme/toolbox:2.3", *R.indent(R.command_block("yml", "compose", it.value, i, rng), 2)]
        if sh == "digest":
            img = rng.choice(["nginx", "redis", "postgres", "rabbitmq"])
            return [f"{svc}:", Ln(f"  image: {img}@sha256:{it.value}", i)]
    # config flavor (app config, Ansible group_vars, Helm values)
    sec = _uniq(rng.choice(["database", "cache", "smtp", "integrations", "storage", "queue", "auth", "payments",
                            "search", "notifications", "github", "registry"]))
    if sh == "kv":
        inner = R.kv("yml", "config", it.words, it.value, i, rng)
    elif sh == "env":
        inner = R.env_ref("yml", "config", it.words, i, rng)
    elif sh == "pem":
        inner = R.pem_block("yml", "config", it.words, it.value, i, rng)
    elif sh in ("header", "header_neg"):
        if sh == "header_neg":
            it.value = "Bearer ${API_TOKEN}"
        inner = R.header_block("yml", "config", it.extra.get("header", "Authorization"), it.value, i, rng)
    else:
        raise ValueError(sh)
    return [f"{sec}:", f"  endpoint: {rng.choice(R.APIS)}", *R.indent(inner, 2), f"  timeout: {rng.randint(2, 60)}"]


def render_tf(it: Item, rng) -> list:
    sh, i = it.shape, it.id
    if sh == "aws_pair":
        tnames = {"id": "access_key", "secret": "secret_key", "session": "token     "}
        return ['provider "aws" {', f'  region     = "{rng.choice(["us-east-1", "eu-west-1"])}"',
                *[Ln(f'  {tnames[k]} = "{x.value}"', x.id) for k, x in _aws_parts(it)], "}", ""]
    if sh == "kv":
        inner = R.kv("tf", "", it.words, it.value, i, rng)
    elif sh == "env":
        inner = R.env_ref("tf", "", it.words, i, rng)
    elif sh == "pem":
        inner = R.pem_block("tf", "", it.words, it.value, i, rng)
    else:
        raise ValueError(sh)
    k = rng.randrange(4)
    n = rng.choice(R.NOUNS)
    if it.category == "password" and k < 2:
        return [f'resource "aws_db_instance" "{n}" {{', '  engine         = "postgres"', '  instance_class = "db.t3.medium"',
                f'  username       = "{rng.choice(R.USERS)}"', *inner, "}", ""]
    if k == 0:
        return [f'module "{n}_{i}" {{', f'  source = "./modules/{n}"', *inner, "}", ""]
    if k == 1:
        return ["locals {", *inner, "}", ""]
    if k == 2 and sh == "kv":
        return [f'variable "{R.snake(it.words)}_{i}" {{', "  type    = string",
                tag([f'  default = {R.dq(it.value)}'], i)[0], "}", ""]
    return [f'resource "kubernetes_secret" "{n}_{i}" {{', "  metadata {", f'    name = "{n}"', "  }", "  data = {",
            *R.indent(inner, 2), "  }", "}", ""]


def render_ini(it: Item, rng) -> list:
    sh, i = it.shape, it.id
    sec = f"[{_uniq(rng.choice(['database', 'smtp', 'api', 'auth', 'storage', 'service', 'upstream']))}]"
    if sh == "kv":
        inner = R.kv("ini", "", it.words, it.value, i, rng)
    elif sh == "env":
        inner = R.env_ref("ini", "", it.words, i, rng)
    else:
        raise ValueError(sh)
    return [sec, f"host = {rng.choice(R.HOSTS)}", *inner, f"timeout = {rng.randint(2, 60)}", ""]


# ---------------------------------------------------------------------------------------------
# file headers and assembly
# ---------------------------------------------------------------------------------------------
def file_header(f: FileSpec, rng) -> list[str]:
    stem = Path(f.path).stem
    cls = re.sub(r"[^A-Za-z0-9]", "", stem) or "Config"
    if f.fmt == "py":
        return [f'"""{stem.replace("_", " ").capitalize()}: settings and clients for the {rng.choice(R.NOUNS)} service."""', "",
                "from __future__ import annotations", "", "import logging", "import os", "import subprocess", "import time",
                "from dataclasses import dataclass", "", "logger = logging.getLogger(__name__)", "", ""]
    if f.fmt in ("js", "ts"):
        return ['import { execSync } from "node:child_process";', 'import logger from "./logger";', ""]
    if f.fmt == "go":
        pkg = Path(f.path).parent.name.replace("-", "")
        return [f"package {pkg}", "", "import (", '\t"context"', '\t"encoding/json"', '\t"net/http"', '\t"os"', '\t"os/exec"', ")", ""]
    if f.fmt == "java":
        return ["package com.acme.orders;", "", "import java.net.URI;", "import java.net.http.HttpRequest;",
                "import java.util.*;", "", f"public class {cls} {{", ""]
    if f.fmt == "cs":
        return ["using System;", "using System.Net.Http;", "using System.Net.Http.Headers;", "using System.Threading;",
                "using System.Threading.Tasks;", "", "namespace Inventory.Api", "{", f"    public class {cls}", "    {"]
    if f.fmt == "rb":
        return ["# frozen_string_literal: true", "", f"module {cls.capitalize()}"]
    if f.fmt == "php":
        return ["<?php", "", "declare(strict_types=1);", ""]
    if f.fmt == "sh":
        return ["#!/usr/bin/env bash", "set -euo pipefail", "", 'log() { echo "[$(date +%H:%M:%S)] $*"; }', ""]
    if f.fmt == "Dockerfile":
        return [f"FROM {rng.choice(['python:3.12-slim', 'node:20-alpine', 'golang:1.22-bookworm', 'ruby:3.3', 'php:8.3-fpm', 'eclipse-temurin:21-jre'])}", ""]
    if f.fmt == "env":
        return [f"# {stem} environment for {rng.choice(['local development', 'staging', 'production', 'CI'])}", ""]
    if f.fmt == "properties":
        return ["# Spring Boot configuration", f"spring.application.name={rng.choice(R.NOUNS)}-service", ""]
    if f.fmt == "ini":
        return ["; service configuration", "[DEFAULT]", f"environment = {rng.choice(['prod', 'staging', 'dev'])}", ""]
    if f.fmt == "tf":
        return ['terraform {', '  required_version = ">= 1.5"', "}", ""]
    if f.fmt == "md":
        return [f"# {stem.replace('-', ' ').replace('_', ' ').title()}", ""]
    if f.fmt == "txt":
        return []
    if f.fmt == "yml":
        if f.flavor == "workflow":
            return [f"name: {stem}", "on:", "  push:", "    branches: [main]", "  workflow_dispatch:", "", "jobs:",
                    "  build:", "    runs-on: ubuntu-latest", "    steps:"]
        if f.flavor == "compose":
            return ["services:"]
        if f.flavor == "config":
            return [f"# {stem} settings", ""]
        return []
    raise ValueError(f.fmt)


def file_footer(f: FileSpec) -> list[str]:
    return {"java": ["}"], "cs": ["    }", "}"], "rb": ["end"]}.get(f.fmt, [])


BODY_INDENT = {("yml", "workflow"): 6, ("yml", "compose"): 2}


def build_text_file(f: FileSpec, rng, keys) -> list:
    lines = list(file_header(f, rng))
    ind = BODY_INDENT.get((f.fmt, f.flavor), 0)
    size = sum(len(x) + 1 for x in lines)
    filler_fmt = f.fmt
    flav = "ts" if f.fmt == "ts" else f.flavor
    if f.fmt == "yml" and f.flavor == "workflow":
        lines += R.indent(["- uses: actions/checkout@v4"], ind)
    for it in f.items:
        for _ in range(rng.randint(0, 2)):
            fl = R.filler(filler_fmt, rng, flav)
            lines += R.indent(fl, ind)
        block = render_item(it, f, rng, keys)
        lines += R.indent(block, ind)
        size = sum(len(x if isinstance(x, str) else x.text) + 1 for x in lines)
    while size < f.target_bytes:
        fl = R.filler(filler_fmt, rng, flav)
        if not fl:
            break
        lines += R.indent(fl, ind)
        size += sum(len(x) + 1 for x in fl)
    lines += file_footer(f)
    return lines


def build_json_file(f: FileSpec, rng) -> tuple[str, dict]:
    """JSON: build a dict with markers, dump it, then swap the markers for the values."""
    doc: dict = {}
    markers: dict[str, tuple[Item, str]] = {}

    def mark(it: Item, value: str, twin=None) -> str:
        m = f"@@M{len(markers)}@@"
        markers[m] = (it, value)
        return m

    if f.flavor == "appsettings":
        doc["Logging"] = {"LogLevel": {"Default": "Information", "Microsoft.AspNetCore": "Warning"}}
        doc["AllowedHosts"] = "*"
    else:
        doc["name"] = Path(f.path).stem
        doc["version"] = f"{rng.randint(0, 4)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"
    for it in f.items:
        n = rng.choice(R.NOUNS)
        sec = f"{n}{it.id}" if f.flavor != "appsettings" else f"{n.capitalize()}{it.id}"
        if it.shape == "kv":
            if it.category == "connection_string" and f.flavor == "appsettings":
                doc.setdefault("ConnectionStrings", {})[f"{n.capitalize()}Db{it.id}"] = mark(it, it.value)
                continue
            key = R.pascal(it.words) if f.flavor == "appsettings" else (R.camel(it.words) if rng.random() < 0.6 else R.snake(it.words))
            doc[sec] = {"endpoint": rng.choice(R.APIS), key: mark(it, it.value), "timeout": rng.randint(2, 60)}
        elif it.shape == "env":
            it.value = "${" + R.upper(it.words) + "}"
            doc[sec] = {R.camel(it.words): mark(it, it.value)}
        elif it.shape == "pem":
            esc_value = it.value + ("\n" if rng.random() < 0.5 else "")
            doc[sec] = {R.camel(it.words): mark(it, esc_value)}
        elif it.shape in ("header", "header_neg"):
            if it.shape == "header_neg":
                it.value = "Bearer {{token}}"
            doc[sec] = {"url": rng.choice(R.APIS), "method": "GET",
                        "headers": {it.extra.get("header", "Authorization"): mark(it, it.value), "Accept": "application/json"}}
        elif it.shape == "firebase":
            proj = rng.choice(["acme-prod", "globex-web"])
            sender = str(rng.randint(10**11, 10**12 - 1))
            doc["firebase"] = {"apiKey": mark(it, it.value), "authDomain": f"{proj}.firebaseapp.com", "projectId": proj,
                               "storageBucket": f"{proj}.appspot.com", "messagingSenderId": sender,
                               "appId": f"1:{sender}:web:{T.hex_key(rng, 22)}"}
        elif it.shape == "aws_pair":
            jnames = {"id": "accessKeyId", "secret": "secretAccessKey", "session": "sessionToken"}
            doc[sec] = {"region": "us-east-1", **{jnames[k]: mark(x, x.value) for k, x in _aws_parts(it)}}
        else:
            raise ValueError(it.shape)
    text = json.dumps(doc, indent=2)
    out_lines = []
    for ln in text.split("\n"):
        m = re.search(r"@@M\d+@@", ln)
        if m:
            it, value = markers[m.group(0)]
            out_lines.append(Ln(ln.replace(m.group(0), json.dumps(value)[1:-1]), it.id))
        else:
            out_lines.append(ln)
    return out_lines


# ---------------------------------------------------------------------------------------------
# special files: whole-file formats
# ---------------------------------------------------------------------------------------------
def special_files(rng, keys, next_id) -> tuple[list[tuple[str, list]], list[Item]]:
    out: list[tuple[str, list]] = []
    items: list[Item] = []

    def new(cat, kind, sub, value, path, reason=None):
        nonlocal next_id
        it = Item(next_id, cat, kind, sub, "special", reason, value=value, file=path, fmt="special")
        next_id += 1
        items.append(it)
        return it

    # GCP service account keys
    for k in range(15):
        proj = rng.choice(["acme-prod-3127", "globex-data", "ml-pipeline-4471", "storefront-ci"])
        sa = rng.choice(["deployer", "bigquery-loader", "ci-runner", "storage-sync", "terraform"])
        path = f"gcp/{proj}-{sa}-{T.hex_key(rng, 12)}.json" if k % 3 else f"ml-pipeline/credentials/{sa}.json"
        key = keys.rsa()
        pk = T.pem("PRIVATE KEY", key.pkcs8_der()) + "\n"
        pos = new("google", "positive", "gcp-service-account-key", pk, path)
        kid = new("google", "negative", "gcp-private-key-id", T.hex_key(rng, 40), path, reason="identifier")
        doc = {"type": "service_account", "project_id": proj, "private_key_id": "@@KID@@", "private_key": "@@PK@@",
               "client_email": f"{sa}@{proj}.iam.gserviceaccount.com", "client_id": str(rng.randint(10**20, 10**21 - 1)),
               "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token",
               "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
               "client_x509_cert_url": f"https://www.googleapis.com/robot/v1/metadata/x509/{sa}%40{proj}.iam.gserviceaccount.com",
               "universe_domain": "googleapis.com"}
        lines = []
        for ln in json.dumps(doc, indent=2).split("\n"):
            if "@@PK@@" in ln:
                lines.append(Ln(ln.replace("@@PK@@", json.dumps(pk)[1:-1]), pos.id))
            elif "@@KID@@" in ln:
                lines.append(Ln(ln.replace("@@KID@@", kid.value), kid.id))
            else:
                lines.append(ln)
        out.append((path, lines))
    # standalone key files
    for k in range(10):
        c = f"{rng.choice(R.USERS)}@{rng.choice(['ci', 'bastion', 'build-01'])}"
        kind = k % 4
        if kind == 0:
            path, sub, text = f"deploy/keys/id_ed25519_{rng.choice(R.NOUNS)}", "openssh-ed25519", T.openssh_private(T.Ed25519Key(keys.rng), keys.rng, c)
        elif kind == 1:
            path, sub, text = f"certs/{rng.choice(R.NOUNS)}-server.key", "rsa-pkcs1", T.pem("RSA PRIVATE KEY", keys.rsa().pkcs1_der())
        elif kind == 2:
            path, sub, text = f"certs/{rng.choice(R.NOUNS)}.pem", "ec-sec1", T.pem("EC PRIVATE KEY", T.ECKey(keys.rng).sec1_der())
        else:
            path, sub, text = f"deploy/keys/{rng.choice(R.NOUNS)}_rsa", "rsa-pkcs8", T.pem("PRIVATE KEY", keys.rsa().pkcs8_der())
        it = new("private_key", "positive", f"pem-private-key-file:{sub}", text, path)
        out.append((path, tag(text.split("\n"), it.id, 0)))
    for k in range(6):
        key = keys.any_rsa(rng)
        if k % 2:
            path = f"certs/{rng.choice(R.NOUNS)}-{k}.crt"
            text = T.self_signed_cert(key, rng, f"{rng.choice(R.NOUNS)}.acme.io")
            it = new("private_key", "negative", "certificate-file", text, path, reason="public-key")
            out.append((path, tag(text.split("\n"), it.id, 0)))
        else:
            path = f"deploy/keys/id_ed25519_{k}.pub"
            text = T.openssh_public_line(T.Ed25519Key(keys.rng), f"{rng.choice(R.USERS)}@laptop")
            it = new("private_key", "negative", "ssh-public-key-file", text, path, reason="public-key")
            out.append((path, [Ln(text, it.id)]))
    # .npmrc
    for _ in range(8):
        path = f"{rng.choice(['web-frontend', 'admin-ui', 'cli', 'edge-functions', 'webhooks', 'mobile-bff'])}/.npmrc"
        lines = ["registry=https://registry.npmjs.org/", "save-exact=true"]
        r = rng.random()
        if r < 0.45:
            it = new("npm", "positive", "npm-token-npmrc", T.npm_token(rng), path)
            lines.append(Ln(f"//registry.npmjs.org/:_authToken={it.value}", it.id))
        elif r < 0.7:
            it = new("npm", "negative", "npm-npmrc-env", "${NPM_TOKEN}", path, reason="env-lookup")
            lines.append(Ln("//registry.npmjs.org/:_authToken=${NPM_TOKEN}", it.id))
        else:
            it = new("github", "positive", "github-classic-pat-npmrc", T.github_classic(rng, "ghp"), path)
            lines += ["@acme:registry=https://npm.pkg.github.com", Ln(f"//npm.pkg.github.com/:_authToken={it.value}", it.id)]
        out.append((path, lines))
    # .pypirc
    for k in range(5):
        path = f"{rng.choice(['ops-tools', 'ledger', 'ml-pipeline', 'notifier', 'legacy'])}/.pypirc"
        lines = ["[distutils]", "index-servers =", "    pypi", "    testpypi", "", "[pypi]", "username = __token__"]
        if k < 4:
            it = new("pypi", "positive", "pypi-token-pypirc", T.pypi_token(rng), path)
        else:
            it = new("pypi", "negative", "pypi-pypirc-placeholder", "<your PyPI API token>", path, reason="placeholder")
        lines.append(Ln(f"password = {it.value}", it.id))
        lines += ["", "[testpypi]", "repository = https://test.pypi.org/legacy/", "username = __token__"]
        it2 = new("pypi", "positive", "pypi-token-pypirc", T.pypi_token(rng), path)
        lines.append(Ln(f"password = {it2.value}", it2.id))
        out.append((path, lines))
    # ~/.aws/credentials
    for _ in range(6):
        path = f"{rng.choice(['ops-tools', 'ci', 'legacy', 'ml-pipeline', 'infra', 'deploy'])}/.aws/credentials"
        lines = []
        for prof in rng.sample(["default", "prod", "staging", "ci", "backup"], 2):
            kid = new("aws", "positive", "aws-access-key-id-credentials-file", T.aws_key_id(rng), path)
            sec = new("aws", "positive", "aws-secret-key-credentials-file", T.aws_secret(rng), path)
            lines += [f"[{prof}]", Ln(f"aws_access_key_id = {kid.value}", kid.id), Ln(f"aws_secret_access_key = {sec.value}", sec.id),
                      "region = us-east-1", ""]
        out.append((path, lines))
    # .netrc and .git-credentials
    for _ in range(4):
        path = f"{rng.choice(['ops-tools', 'ci', 'legacy', 'deploy'])}/.netrc"
        gh = new("github", "positive", "github-classic-pat-netrc", T.github_classic(rng, "ghp"), path)
        pw = new("password", "positive", "netrc-password", T.password(rng), path)
        lines = ["machine github.com", f"  login {rng.choice(R.USERS)}", Ln(f"  password {gh.value}", gh.id), "",
                 "machine ftp.partner.example.net", f"  login {rng.choice(R.USERS)}", Ln(f"  password {pw.value}", pw.id)]
        out.append((path, lines))
    for _ in range(3):
        path = f"{rng.choice(['ci', 'legacy', 'deploy'])}/.git-credentials"
        gh = new("github", "positive", "github-token-git-credentials", T.github_classic(rng, rng.choice(["ghp", "gho"])), path)
        out.append((path, [Ln(f"https://{rng.choice(R.USERS)}:{gh.value}@github.com", gh.id)]))
    # docker config.json auths
    for _ in range(5):
        path = f"{rng.choice(['deploy', 'ci', 'gateway'])}/docker/config.json"
        it = new("auth_header", "positive", "docker-config-auth", T.b64(f"{rng.choice(R.USERS)}:{T.password(rng)}".encode()), path)
        doc = {"auths": {rng.choice(["registry.acme.io", "https://index.docker.io/v1/", "acme.azurecr.io"]): {"auth": "@@A@@"}},
               "credHelpers": {"gcr.io": "gcloud"}}
        lines = [Ln(ln.replace("@@A@@", it.value), it.id) if "@@A@@" in ln else ln for ln in json.dumps(doc, indent=2).split("\n")]
        out.append((path, lines))
    # composer auth.json (GitHub OAuth token for private packages)
    for k in range(3):
        path = f"cms/{'auth.json' if k == 0 else f'auth.{k}.json'}"
        it = new("github", "positive", "github-oauth-composer-auth", T.github_classic(rng, rng.choice(["gho", "ghp"])), path)
        doc = {"github-oauth": {"github.com": "@@A@@"}}
        lines = [Ln(ln.replace("@@A@@", it.value), it.id) if "@@A@@" in ln else ln for ln in json.dumps(doc, indent=2).split("\n")]
        out.append((path, lines))
    return out, items


CLEAN_STDLIB = ["argparse.py", "typing.py", "inspect.py", "subprocess.py", "tarfile.py", "smtplib.py", "imaplib.py"]


def copy_clean_files(dest: Path) -> list[str]:
    """A few large real-world files with no secrets (Python standard library modules)."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    out = []
    for name in CLEAN_STDLIB:
        src = stdlib / name
        if src.is_file():
            rel = f"libcopy/stdlib_{name}"
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest / rel)
            out.append(rel)
    return out


# ---------------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------------
def ensure_git_boundary():
    """ztlint honours the .gitignore files from the nearest enclosing repository, and this
    repository ignores benchmarks/work/: an (empty) repository at work/secrets/ makes the corpus
    its own project, as a user's checkout would be."""
    WORK.mkdir(parents=True, exist_ok=True)
    if not (WORK / ".git").exists():
        if shutil.which("git"):
            subprocess.run(["git", "init", "-q", str(WORK)], check=True)
        else:
            (WORK / ".git").mkdir()


def generate(seed: int) -> dict:
    rng = random.Random(f"{seed}:plan")
    keys = Keys(seed)
    _section_counter[0] = 0
    files = plan_files(rng)
    specs = build_specs(keys)
    vrng = random.Random(f"{seed}:values")
    items = assign_items(specs, files, vrng)
    # AWS pairs: the key id item gets a twin (the secret) in the same block
    extra_items = []
    nid = max(i.id for i in items) + 1
    for it in items:
        if it.shape == "aws_pair":
            it.subtype, it.value, it.words = "aws-access-key-id", T.aws_key_id(vrng, "AKIA" if vrng.random() < 0.85 else "ASIA"), ["aws", "access", "key", "id"]
            twin = Item(nid, "aws", "positive", "aws-secret-access-key", "aws_pair_twin", None, value=T.aws_secret(vrng),
                        words=["aws", "secret", "access", "key"], file=it.file, fmt=it.fmt, flavor=it.flavor)
            nid += 1
            it.extra["twin"] = twin
            extra_items.append(twin)
            if it.value.startswith("ASIA"):  # temporary credentials come with their session token
                st = Item(nid, "aws", "positive", "aws-session-token", "aws_pair_twin", None, value=T.aws_session_token(vrng),
                          words=["aws", "session", "token"], file=it.file, fmt=it.fmt, flavor=it.flavor)
                nid += 1
                it.extra["session"] = st
                extra_items.append(st)
    items += extra_items
    srng = random.Random(f"{seed}:special")
    specials, sitems = special_files(srng, keys, nid)
    items += sitems

    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    CORPUS.mkdir(parents=True)
    by_id = {it.id: it for it in items}
    brng = random.Random(f"{seed}:build")
    written = []
    for f in files:
        if f.fmt == "json":
            lines = build_json_file(f, brng)
        else:
            lines = build_text_file(f, brng, keys)
        written.append((f.path, lines))
    written += specials
    total = 0
    used_paths: set[str] = set()
    for path, lines in written:
        base, k = path, 2
        while path in used_paths:
            first, _, rest = base.partition("/")  # keep the file name (.npmrc, credentials ...)
            path = f"{first}-{k}/{rest}"
            k += 1
        used_paths.add(path)
        spans: dict[int, list[int]] = {}
        text_lines = []
        for n, ln in enumerate(lines, start=1):
            if isinstance(ln, Ln):
                text_lines.append(ln.text)
                spans.setdefault(ln.item, []).append(n)
                if ln.primary:
                    it = by_id[ln.item]
                    assert it.line == 0, (path, it)
                    it.line = n
            else:
                text_lines.append(ln)
        for iid, ns in spans.items():
            it = by_id[iid]
            it.span = (min(ns), max(ns))
            it.file = path
        p = CORPUS / path
        p.parent.mkdir(parents=True, exist_ok=True)
        data = "\n".join(text_lines) + "\n"
        p.write_text(data, encoding="utf-8")
        total += len(data.encode())
    clean = copy_clean_files(CORPUS)
    missing = [it for it in items if it.line == 0]
    assert not missing, f"{len(missing)} items never rendered, e.g. {missing[0]}"
    # no two labels may share a line
    seen: dict[tuple[str, int], int] = {}
    for it in items:
        for ln in range(it.span[0], it.span[1] + 1):
            key = (it.file, ln)
            assert key not in seen, f"labels {seen[key]} and {it.id} overlap at {key}"
            seen[key] = it.id
    labels = []
    for it in sorted(items, key=lambda x: (x.file, x.line)):
        labels.append({
            "id": it.id, "file": it.file, "line": it.line, "span": list(it.span), "category": it.category,
            "kind": it.kind, "subtype": it.subtype, "reason": it.reason, "format": it.fmt, "flavor": it.flavor,
            "value": it.value,
        })
    n_files = len(written) + len(clean)
    clean_bytes = sum((CORPUS / c).stat().st_size for c in clean)
    meta = {
        "seed": seed, "generator": "benchmarks/secrets_corpus.py", "corpus": str(CORPUS),
        "files": n_files, "bytes": total + clean_bytes, "generated_files": len(written),
        "clean_files": clean, "clean_bytes": clean_bytes,
        "positives": sum(1 for x in labels if x["kind"] == "positive"),
        "negatives": sum(1 for x in labels if x["kind"] == "negative"),
        "labels": labels,
    }
    LABELS.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


# ---------------------------------------------------------------------------------------------
# throughput corpus
# ---------------------------------------------------------------------------------------------
TEXT_EXTS = {".py", ".txt", ".json", ".cfg", ".toml", ".md", ".rst", ".ini", ".yaml", ".yml", ".sh", ".js",
             ".html", ".css", ".xml", ".pyi"}
SKIP_NAMES = {"site-packages", "vendor", "venv", ".venv", "node_modules", "third_party", "__pycache__", ".git",
              ".tox", "bower_components"}


def build_throughput(target_mb: float) -> dict:
    """Copy text files (< 1 MB each) from the standard library and the benchmark venv's
    site-packages, sorted by path, until ``target_mb``; rename folders that a scanner skips by
    name (site-packages, vendor ...) so both tools read the same files."""
    if THROUGHPUT.exists():
        shutil.rmtree(THROUGHPUT)
    THROUGHPUT.mkdir(parents=True)
    roots = [("stdlib", Path(sysconfig.get_paths()["stdlib"]))]
    venv_sp = sorted((BENCH_DIR / "work" / "venv" / "lib").glob("python3*/site-packages"))
    if venv_sp:
        roots.append(("pkgs", venv_sp[0]))
    total = n = 0
    for k, (label, root) in enumerate(roots):
        # 60% standard library, the rest third-party packages (or all stdlib without the venv)
        budget = int(target_mb * 1_000_000 * (0.6 if k == 0 and len(roots) > 1 else 1.0))
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in ("__pycache__", ".git"))
            rel_dir = Path(dirpath).relative_to(root)
            safe = Path(*[("x_" + p if p in SKIP_NAMES or p.startswith(".") else p) for p in rel_dir.parts]) if rel_dir.parts else Path()
            for fn in sorted(filenames):
                src = Path(dirpath) / fn
                if src.suffix not in TEXT_EXTS or src.is_symlink() or fn.startswith("."):
                    continue
                size = src.stat().st_size
                if size == 0 or size >= 1_000_000:
                    continue
                try:
                    src.read_bytes().decode("utf-8")
                except UnicodeDecodeError:
                    continue
                dst = THROUGHPUT / label / safe / fn
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dst)
                total += size
                n += 1
                if total >= budget:
                    break
            if total >= budget:
                break
    info = {"dir": str(THROUGHPUT), "files": n, "bytes": total, "roots": [str(r) for _, r in roots]}
    (WORK / "throughput.json").write_text(json.dumps(info, indent=1) + "\n")
    return info


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--throughput", action="store_true", help="also build the throughput corpus")
    ap.add_argument("--throughput-mb", type=float, default=24.0)
    args = ap.parse_args(argv)
    ensure_git_boundary()
    meta = generate(args.seed)
    cats: dict[str, list[int]] = {}
    for lab in meta["labels"]:
        c = cats.setdefault(lab["category"], [0, 0])
        c[0 if lab["kind"] == "positive" else 1] += 1
    print(f"corpus: {meta['files']} files, {meta['bytes'] / 1e6:.2f} MB in {CORPUS}")
    print(f"labels: {meta['positives']} positives, {meta['negatives']} negatives -> {LABELS}")
    for c, (p, n) in sorted(cats.items()):
        print(f"  {c:18s} {p:5d} positive {n:5d} negative")
    if args.throughput:
        info = build_throughput(args.throughput_mb)
        print(f"throughput corpus: {info['files']} files, {info['bytes'] / 1e6:.1f} MB in {THROUGHPUT}")


if __name__ == "__main__":
    main()
