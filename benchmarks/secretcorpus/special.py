"""Special files of the secrets corpus: whole-file formats (.npmrc, .pypirc, .netrc,
.git-credentials, AWS credentials, key files, service-account JSON ...).
"""

from __future__ import annotations

import json

from . import keys as K
from . import render as R
from . import tokens as T
from .render import Ln, tag
from .specs import Item


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
        pk = K.pem("PRIVATE KEY", key.pkcs8_der()) + "\n"
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
            path, sub, text = f"deploy/keys/id_ed25519_{rng.choice(R.NOUNS)}", "openssh-ed25519", K.openssh_private(K.Ed25519Key(keys.rng), keys.rng, c)
        elif kind == 1:
            path, sub, text = f"certs/{rng.choice(R.NOUNS)}-server.key", "rsa-pkcs1", K.pem("RSA PRIVATE KEY", keys.rsa().pkcs1_der())
        elif kind == 2:
            path, sub, text = f"certs/{rng.choice(R.NOUNS)}.pem", "ec-sec1", K.pem("EC PRIVATE KEY", K.ECKey(keys.rng).sec1_der())
        else:
            path, sub, text = f"deploy/keys/{rng.choice(R.NOUNS)}_rsa", "rsa-pkcs8", K.pem("PRIVATE KEY", keys.rsa().pkcs8_der())
        it = new("private_key", "positive", f"pem-private-key-file:{sub}", text, path)
        out.append((path, tag(text.split("\n"), it.id, 0)))
    for k in range(6):
        key = keys.any_rsa(rng)
        if k % 2:
            path = f"certs/{rng.choice(R.NOUNS)}-{k}.crt"
            text = K.self_signed_cert(key, rng, f"{rng.choice(R.NOUNS)}.acme.io")
            it = new("private_key", "negative", "certificate-file", text, path, reason="public-key")
            out.append((path, tag(text.split("\n"), it.id, 0)))
        else:
            path = f"deploy/keys/id_ed25519_{k}.pub"
            text = K.openssh_public_line(K.Ed25519Key(keys.rng), f"{rng.choice(R.USERS)}@laptop")
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
