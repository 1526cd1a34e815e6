"""Rendering for the secrets corpus: how a planted value (or a non-secret look-alike) appears in
each file type, and the secret-free filler code around it.

A *block* is a list of lines; a line is a plain ``str`` or a :class:`Ln` tagged with the item it
carries (``primary`` marks the line that the label points at; other tagged lines only widen the
label's span, e.g. the ``- name: DB_PASSWORD`` line above ``value: ...`` or the body of a PEM
block). Every block is a self-contained member of its file's body (a top-level statement, a
class member, a YAML list entry, a Terraform block ...), so files are built by concatenation and
stay syntactically valid.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass


@dataclass
class Ln:
    text: str
    item: int
    primary: bool = True


def tag(lines: list[str], item: int, primary_index: int = 0, span: bool = True) -> list:
    """Tag a rendered snippet: line ``primary_index`` is the label line, the rest its span."""
    out = []
    for i, s in enumerate(lines):
        if i == primary_index:
            out.append(Ln(s, item, True))
        elif span:
            out.append(Ln(s, item, False))
        else:
            out.append(s)
    return out


# ---------------------------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------------------------
def snake(words):
    return "_".join(words)


def upper(words):
    return "_".join(words).upper()


def camel(words):
    return words[0] + "".join(w.capitalize() for w in words[1:])


def pascal(words):
    return "".join(w.capitalize() for w in words)


def dotted(words):
    return ".".join(words)


def kebab(words):
    return "-".join(words)


# ---------------------------------------------------------------------------------------------
# quoting
# ---------------------------------------------------------------------------------------------
def dq(v: str) -> str:
    return json.dumps(v)


def sq(v: str) -> str:
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"


_PLAIN_YAML = re.compile(r"^[A-Za-z0-9_/.+-][A-Za-z0-9_/.+=~-]*$")


def yq(v: str, rng: random.Random | None = None) -> str:
    """A YAML scalar: plain when that is safe and looks natural, else quoted."""
    if _PLAIN_YAML.match(v) and not re.fullmatch(r"(?i)(true|false|yes|no|on|off|null|~|[-+]?[0-9.eE_]+)", v):
        if rng is None or rng.random() < 0.6:
            return v
        return dq(v)
    if "'" not in v and rng is not None and rng.random() < 0.4:
        return "'" + v + "'"
    return dq(v)


_PLAIN_SH = re.compile(r"^[A-Za-z0-9_/.:,+=@%-]+$")


def shq(v: str, rng: random.Random | None = None) -> str:
    if "${" in v or v.startswith("$"):
        return '"' + v + '"'
    if _PLAIN_SH.match(v) and (rng is None or rng.random() < 0.5):
        return v
    if "'" not in v:
        return "'" + v + "'"
    return dq(v)


def envq(v: str, rng: random.Random) -> str:
    if _PLAIN_SH.match(v) and rng.random() < 0.7:
        return v
    return '"' + v + '"' if '"' not in v else "'" + v + "'"


def indent(lines: list, n: int) -> list:
    pad = " " * n
    out = []
    for ln in lines:
        if isinstance(ln, Ln):
            out.append(Ln(pad + ln.text if ln.text else ln.text, ln.item, ln.primary))
        else:
            out.append(pad + ln if ln else ln)
    return out


# ---------------------------------------------------------------------------------------------
# word banks for filler and context
# ---------------------------------------------------------------------------------------------
NOUNS = ("order invoice customer shipment report session widget ledger account payment refund "
         "coupon product catalog basket review profile address region warehouse tenant quota "
         "metric event batch job schedule message channel upload thumbnail document template "
         "subscription plan feature flag webhook receipt vendor supplier route carrier parcel").split()
VERBS = ("load parse build render sync fetch validate normalize compute resolve merge export ingest "
         "archive publish refresh reconcile format collect group filter rank index enrich dispatch "
         "schedule retry notify summarize").split()
ADJ = "active pending stale recent default primary cached remote local daily hourly".split()
HOSTS = ("db.internal", "postgres.prod.svc.cluster.local", "10.0.3.17", "mysql-primary.acme.io",
         "db-1.eu-west-1.rds.amazonaws.com", "pg.staging.acme.dev", "127.0.0.1", "orders-db",
         "acme-prod.cluster-c9xq2.us-east-1.rds.amazonaws.com", "warehouse.db.globex.net")
APIS = ("https://api.acme.io/v1", "https://billing.globex.dev/api/v2", "https://api.initech.net/rest",
        "https://hooks.acme.io/ingest", "https://search.umbrella.io/v3", "https://partners.hooli.com/api")
USERS = "app admin deploy svc_orders reporting etl ci-bot backup web readonly analytics root".split()
DBS = "app orders billing inventory analytics shop cms users events warehouse".split()


def ident(rng, parts=2):
    return "_".join(rng.choice(NOUNS if i else VERBS) for i in range(parts))





# ---------------------------------------------------------------------------------------------
# key = value, in every file type
# ---------------------------------------------------------------------------------------------
def kv(fmt: str, flavor: str, words: list[str], value: str, item: int, rng: random.Random,
       raw: bool = False) -> list:
    """``words`` = name (e.g. ["db", "password"]); ``value`` = the literal.

    ``raw`` marks a value that is an expression (an environment lookup) rather than a literal:
    the caller passes the already-formatted expression."""
    r = rng.random()
    lit = (lambda q: value) if raw else (lambda q: q(value))
    if fmt == "py":
        if r < 0.35:
            return tag([f"{upper(words)} = {lit(dq)}", ""], item)
        if r < 0.55:
            n = rng.choice(NOUNS)
            return tag([f"{n.upper()}_SETTINGS = {{", f'    "host": "{rng.choice(HOSTS)}",',
                        f'    "{snake(words)}": {lit(dq)},', f'    "timeout": {rng.randint(2, 60)},', "}", ""], item, 2)
        if r < 0.75:
            cls = rng.choice(["Client", "Session", "Connection", "Api"])
            n = rng.choice(NOUNS)
            return tag([f"def make_{n}_client():", f"    return {n.capitalize()}{cls}(",
                        f'        base_url="{rng.choice(APIS)}",', f"        {snake(words)}={lit(dq)},",
                        f"        retries={rng.randint(1, 5)},", "    )", "", ""], item, 3)
        if r < 0.9:
            n = rng.choice(NOUNS)
            return tag([f"class {n.capitalize()}Config:", f'    region = "{rng.choice(["us-east-1", "eu-west-1", "ap-south-1"])}"',
                        f"    {snake(words)} = {lit(dq)}", "", ""], item, 2)
        if raw:
            return tag([f"{snake(words)} = {value}", ""], item)
        return tag([f'{snake(words)} = os.getenv("{upper(words)}", {dq(value)})', ""], item)
    if fmt in ("js", "ts"):
        ann = ": string" if fmt == "ts" and rng.random() < 0.5 else ""
        if r < 0.35:
            name = camel(words) if rng.random() < 0.5 else upper(words)
            return tag([f"const {name}{ann} = {lit(dq if rng.random() < 0.5 else sq)};", ""], item)
        if r < 0.65:
            n = rng.choice(NOUNS)
            return tag([f"export const {n}Config = {{", f"  baseUrl: \"{rng.choice(APIS)}\",",
                        f"  {camel(words)}: {lit(sq)},", f"  timeoutMs: {rng.randint(500, 30000)},", "};", ""], item, 2)
        if r < 0.85:
            n = rng.choice(NOUNS)
            return tag([f"const {n}Client = new {n.capitalize()}Client({{", f"  {camel(words)}: {lit(dq)},",
                        f"  region: \"{rng.choice(['us-east-1', 'eu-central-1'])}\",", "});", ""], item, 1)
        if raw:
            return tag([f"const {camel(words)} = {value};", ""], item)
        return tag([f"const {camel(words)} = process.env.{upper(words)} || {dq(value)};", ""], item)
    if fmt == "go":
        if r < 0.4:
            return tag([f"const {camel(words)} = {lit(dq)}", ""], item) if not raw else \
                tag([f"var {camel(words)} = {value}", ""], item)
        if r < 0.75:
            n = rng.choice(NOUNS)
            return tag([f"func new{n.capitalize()}Config() *{n.capitalize()}Config {{",
                        f"\treturn &{n.capitalize()}Config{{", f"\t\tEndpoint: \"{rng.choice(APIS)}\",",
                        f"\t\t{pascal(words)}: {lit(dq)},", "\t}", "}", ""], item, 3)
        n = rng.choice(NOUNS)
        return tag([f"func connect{n.capitalize()}() error {{", f"\t{camel(words)} := {lit(dq)}",
                    f"\treturn dial{n.capitalize()}(\"{rng.choice(HOSTS)}\", {camel(words)})", "}", ""], item, 1)
    if fmt == "java":
        if r < 0.45:
            return tag([f"    private static final String {upper(words)} = {lit(dq)};", ""], item)
        if r < 0.75:
            n = rng.choice(NOUNS)
            return tag([f"    private Properties {n}Properties() {{", "        Properties props = new Properties();",
                        f"        props.setProperty(\"{n}.url\", \"{rng.choice(APIS)}\");",
                        f"        props.setProperty(\"{dotted(words)}\", {lit(dq)});",
                        "        return props;", "    }", ""], item, 3)
        n = rng.choice(NOUNS)
        return tag([f"    public void configure{n.capitalize()}() {{", f"        String {camel(words)} = {lit(dq)};",
                    f"        this.{n}Client = new {n.capitalize()}Client(endpoint, {camel(words)});", "    }", ""], item, 1)
    if fmt == "cs":
        if r < 0.4:
            return tag([f"        private const string {pascal(words)} = {lit(dq)};", ""], item) if not raw else \
                tag([f"        private static readonly string {pascal(words)} = {value};", ""], item)
        if r < 0.7:
            n = rng.choice(NOUNS)
            return tag([f"        public {n.capitalize()}Options Build{n.capitalize()}Options() => new {n.capitalize()}Options",
                        "        {", f"            Endpoint = \"{rng.choice(APIS)}\",", f"            {pascal(words)} = {lit(dq)},",
                        "        };", ""], item, 3)
        n = rng.choice(NOUNS)
        return tag([f"        public void Configure{n.capitalize()}()", "        {", f"            var {camel(words)} = {lit(dq)};",
                    f"            _{n}Client = new {n.capitalize()}Client(_endpoint, {camel(words)});", "        }", ""], item, 2)
    if fmt == "rb":
        if r < 0.4:
            return tag([f"  {upper(words)} = {lit(dq if rng.random() < 0.5 else sq)}", ""], item)
        if r < 0.75:
            n = rng.choice(NOUNS)
            return tag([f"  {n.upper()}_OPTIONS = {{", f"    url: \"{rng.choice(APIS)}\",", f"    {snake(words)}: {lit(dq)},",
                        f"    timeout: {rng.randint(2, 60)}", "  }.freeze", ""], item, 2)
        if raw:
            return tag([f"  def {snake(words)}", f"    {value}", "  end", ""], item, 1)
        return tag([f"  def {snake(words)}", f"    ENV.fetch(\"{upper(words)}\", {dq(value)})", "  end", ""], item, 1)
    if fmt == "php":
        if r < 0.4:
            return tag([f"${camel(words)} = {lit(sq)};", ""], item)
        if r < 0.8:
            n = rng.choice(NOUNS)
            return tag([f"${n}Config = [", f"    'url' => '{rng.choice(APIS)}',", f"    '{snake(words)}' => {lit(sq)},",
                        f"    'timeout' => {rng.randint(2, 60)},", "];", ""], item, 2)
        return tag([f"define('{upper(words)}', {lit(sq)});", ""], item)
    if fmt == "sh":
        if raw:
            return tag([f"export {upper(words)}={value}", ""], item)
        if r < 0.6:
            return tag([f"export {upper(words)}={shq(value, rng)}", ""], item)
        return tag([f"{upper(words)}={shq(value, rng)}", ""], item)
    if fmt in ("env",):
        return tag([f"{'export ' if rng.random() < 0.1 else ''}{upper(words)}={value if raw else envq(value, rng)}"], item)
    if fmt == "Dockerfile":
        kw = "ENV" if rng.random() < 0.75 else "ARG"
        v = value if raw else (value if _PLAIN_SH.match(value) else
                               "'" + value + "'" if "$" in value and "'" not in value else dq(value))
        return tag([f"{kw} {upper(words)}={v}", ""], item)
    if fmt == "properties":
        sep = "=" if rng.random() < 0.8 else " = "
        return tag([f"{dotted(words)}{sep}{value}"], item)
    if fmt == "ini":
        return tag([f"{snake(words)} = {value}"], item)
    if fmt == "tf":
        if raw:
            return tag([f"  {snake(words)} = {value}"], item)
        return tag([f"  {snake(words)} = {dq(value)}"], item)
    if fmt == "yml":
        v = value if raw else yq(value, rng)
        return tag([f"{snake(words) if rng.random() < 0.7 else camel(words)}: {v}"], item)
    if fmt == "md":
        if r < 0.6:
            return tag(["```bash", f"export {upper(words)}={shq(value, rng) if not raw else value}", "```", ""], item, 1)
        return tag([f"- `{upper(words)}`: `{value}`", ""], item)
    if fmt == "txt":
        if flavor == "log":
            ts = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
            return tag([f"{ts} DEBUG config loaded: {snake(words)}={value}"], item)
        return tag([f"{snake(words).replace('_', ' ')}: {value}", ""], item)
    raise ValueError(fmt)


# ---------------------------------------------------------------------------------------------
# environment / secret-store lookups (negatives)
# ---------------------------------------------------------------------------------------------
def env_ref(fmt: str, flavor: str, words: list[str], item: int, rng: random.Random) -> list:
    U, c = upper(words), camel(words)
    r = rng.random()
    if fmt == "py":
        expr = rng.choice([f'os.environ["{U}"]', f'os.getenv("{U}")', f'os.environ.get("{U}")',
                           f'settings.{U}', f'config.get("{words[0]}", "{snake(words[1:] or words)}")',
                           f'secrets_client.get_secret_value(SecretId="prod/{snake(words)}")["SecretString"]'])
        return kv("py", flavor, words, expr, item, rng, raw=True)
    if fmt in ("js", "ts"):
        expr = rng.choice([f"process.env.{U}", f'process.env["{U}"]', f"config.get(\"{dotted(words)}\")",
                           f"await getSecret(\"{kebab(words)}\")"])
        return kv(fmt, flavor, words, expr, item, rng, raw=True)
    if fmt == "go":
        expr = rng.choice([f'os.Getenv("{U}")', f'viper.GetString("{dotted(words)}")'])
        return kv("go", flavor, words, expr, item, rng, raw=True)
    if fmt == "java":
        if r < 0.4:
            return tag([f"    @Value(\"${{{dotted(words)}}}\")", f"    private String {c};", ""], item, 0)
        expr = rng.choice([f'System.getenv("{U}")', f'env.getProperty("{dotted(words)}")'])
        return tag([f"    private final String {c} = {expr};", ""], item)
    if fmt == "cs":
        expr = rng.choice([f'Environment.GetEnvironmentVariable("{U}")',
                           f'_configuration["{pascal(words[:1])}:{pascal(words[1:] or words)}"]',
                           f'builder.Configuration.GetValue<string>("{pascal(words)}")'])
        return kv("cs", flavor, words, expr, item, rng, raw=True)
    if fmt == "rb":
        expr = rng.choice([f'ENV["{U}"]', f'ENV.fetch("{U}")',
                           f"Rails.application.credentials.dig(:{words[0]}, :{snake(words[1:] or words)})"])
        return kv("rb", flavor, words, expr, item, rng, raw=True)
    if fmt == "php":
        expr = rng.choice([f"getenv('{U}')", f"$_ENV['{U}']", f"env('{U}')", f"$_SERVER['{U}'] ?? null"])
        return kv("php", flavor, words, expr, item, rng, raw=True)
    if fmt == "sh":
        expr = rng.choice([f'"${{{U}:?{U} is not set}}"', f'"$(cat /run/secrets/{snake(words)})"',
                           f'"$(vault kv get -field={snake(words)} secret/ci)"',
                           f'"$(aws secretsmanager get-secret-value --secret-id {kebab(words)} --query SecretString --output text)"'])
        return kv("sh", flavor, words, expr, item, rng, raw=True)
    if fmt == "env":
        return tag([f"{U}=${{{rng.choice(['VAULT_', 'CI_', 'PROD_', ''])}{U}}}"], item)
    if fmt == "Dockerfile":
        return tag([f"ARG {U}", f"RUN --mount=type=secret,id={kebab(words)} ./scripts/configure.sh", ""], item, 0)
    if fmt == "properties":
        return tag([f"{dotted(words)}=${{{U}}}"], item)
    if fmt == "ini":
        return tag([f"{snake(words)}_file = /run/secrets/{snake(words)}"], item)
    if fmt == "tf":
        return tag([f"  {snake(words)} = {rng.choice(['var.' + snake(words), 'data.aws_secretsmanager_secret_version.' + words[0] + '.secret_string', 'random_password.' + words[0] + '.result'])}"], item)
    if fmt == "yml":
        if flavor == "workflow":
            return tag([f"{U}: ${{{{ secrets.{U} }}}}"], item)
        if flavor == "k8s-env":
            return tag([f"- name: {U}", "  valueFrom:", "    secretKeyRef:", f"      name: {kebab(words[:1])}-secrets",
                        f"      key: {kebab(words)}"], item, 0)
        return tag([f"{snake(words)}: ${{{U}}}"], item)
    if fmt == "json":
        return [("__ENV__", item)]
    if fmt == "md":
        return tag(["```bash", f"export {U}=\"$(gh auth token)\"" if words[0] in ("github", "gh") else
                    f"export {U}=\"$(op read op://Private/{kebab(words)}/credential)\"", "```", ""], item, 1)
    if fmt == "txt":
        return tag([f"{snake(words).replace('_', ' ')}: stored in vault at secret/data/{kebab(words)}", ""], item)
    raise ValueError(fmt)


# ---------------------------------------------------------------------------------------------
# PEM blocks
# ---------------------------------------------------------------------------------------------
def pem_block(fmt: str, flavor: str, words: list[str], block: str, item: int, rng: random.Random) -> list:
    """A multi-line PEM block embedded in ``fmt``; the label is the BEGIN line, the span the
    whole statement."""
    lines = block.split("\n")
    esc = block.replace("\n", "\\n") + ("\\n" if rng.random() < 0.5 else "")
    if fmt == "py":
        if rng.random() < 0.7:
            out = [f'{upper(words)} = """{lines[0]}'] + lines[1:-1] + [lines[-1] + '"""', ""]
            return tag(out, item, 0)
        return tag([f'{upper(words)} = "{esc}"', ""], item)
    if fmt in ("js", "ts"):
        out = [f"const {camel(words)} = `{lines[0]}"] + lines[1:-1] + [lines[-1] + "`;", ""]
        return tag(out, item, 0)
    if fmt == "go":
        out = [f"const {camel(words)} = `{lines[0]}"] + lines[1:-1] + [lines[-1] + "`", ""]
        return tag(out, item, 0)
    if fmt == "java":
        out = [f"    private static final String {upper(words)} = \"\"\"", "        " + lines[0]] + \
              ["        " + s for s in lines[1:-1]] + ["        " + lines[-1], "        \"\"\";", ""]
        return tag(out, item, 1)
    if fmt == "cs":
        out = [f"        private const string {pascal(words)} = @\"{lines[0]}"] + lines[1:-1] + [lines[-1] + "\";", ""]
        return tag(out, item, 0)
    if fmt == "rb":
        out = [f"  {upper(words)} = <<~PEM", *("    " + s for s in lines), "  PEM", ""]
        return tag(out, item, 1)
    if fmt == "php":
        out = [f"${camel(words)} = <<<'PEM'", *lines, "PEM;", ""]
        return tag(out, item, 1)
    if fmt == "sh":
        out = [f"cat > ~/.ssh/{rng.choice(['id_rsa', 'deploy_key', 'id_ed25519'])} <<'EOF'", *lines, "EOF",
               "chmod 600 ~/.ssh/*", ""]
        return tag(out, item, 1)
    if fmt == "env":
        return tag([f"{upper(words)}=\"{esc}\""], item)
    if fmt == "json":
        return [("__PEM__", item)]
    if fmt == "tf":
        out = [f"  {snake(words)} = <<-EOT", *("    " + s for s in lines), "  EOT"]
        return tag(out, item, 1)
    if fmt == "yml":
        key = snake(words) if rng.random() < 0.5 else "tls.key"
        out = [f"{key}: |", *("  " + s for s in lines)]
        return tag(out, item, 1)
    if fmt == "md":
        out = ["```", *lines, "```", ""]
        return tag(out, item, 1)
    if fmt in ("txt", "key"):
        return tag(lines + [""], item, 0)
    raise ValueError(fmt)


# ---------------------------------------------------------------------------------------------
# shell command lines (CLI passwords, curl with headers, connection URLs on the command line)
# ---------------------------------------------------------------------------------------------
def needs_block(cmd: str) -> bool:
    """A YAML plain scalar cannot hold this command."""
    return ": " in cmd or " #" in cmd or cmd[:1] in "'\"{[*&!|>%@`" or cmd.endswith(":")


def command_block(fmt: str, flavor: str, cmd: str, item: int, rng: random.Random) -> list:
    if fmt == "sh":
        return tag([cmd, ""], item)
    if fmt == "Dockerfile":
        return tag([f"RUN {cmd}", ""], item)
    if fmt == "yml":
        block = needs_block(cmd)
        if flavor == "workflow":
            name = rng.choice(["Deploy", "Migrate", "Smoke test", "Publish", "Login", "Backup", "Seed data"])
            if block:
                return tag([f"- name: {name}", "  run: |", f"    {cmd}"], item, 2)
            return tag([f"- name: {name}", f"  run: {cmd}"], item, 1)
        # a container command in block-scalar form (k8s Job, compose service)
        return tag(["command:", "  - /bin/sh", "  - -c", "  - |", f"    {cmd}"], item, 4)
    if fmt == "md":
        return tag(["```bash", cmd, "```", ""], item, 1)
    if fmt == "txt":
        return tag([f"$ {cmd}", ""], item)
    if fmt == "py":
        return tag([f"subprocess.run({dq(cmd)}, shell=True, check=True)", ""], item)
    if fmt in ("js", "ts"):
        return tag([f"execSync({dq(cmd)}, {{ stdio: \"inherit\" }});", ""], item)
    if fmt == "rb":
        return tag([f"  system({dq(cmd)})", ""], item)
    if fmt == "php":
        return tag([f"shell_exec({dq(cmd).replace('$', chr(92) + '$')});", ""], item)
    if fmt == "go":
        return tag(["func runMaintenance() error {", f"\treturn exec.Command(\"sh\", \"-c\", {dq(cmd)}).Run()", "}", ""], item, 1)
    raise ValueError(fmt)


# ---------------------------------------------------------------------------------------------
# HTTP headers in code
# ---------------------------------------------------------------------------------------------
def header_block(fmt: str, flavor: str, header: str, value: str, item: int, rng: random.Random,
                 raw: bool = False) -> list:
    """``header``: "Authorization" / "X-API-Key"; ``value``: its value ("Bearer abc..."), or,
    with ``raw``, an expression in ``fmt`` (an interpolation: a negative)."""
    url = f"{rng.choice(APIS)}/{rng.choice(NOUNS)}s"
    if fmt == "sh":
        v = value if not raw else value
        return tag([f'curl -sS -H "{header}: {v}" {url}', ""], item)
    if fmt == "py":
        expr = value if raw else dq(value)
        if rng.random() < 0.5:
            return tag([f"def fetch_{rng.choice(NOUNS)}s(session):",
                        f'    headers = {{"{header}": {expr}, "Accept": "application/json"}}',
                        f'    return session.get("{url}", headers=headers, timeout=10)', "", ""], item, 1)
        return tag([f'session.headers["{header}"] = {expr}', ""], item)
    if fmt in ("js", "ts"):
        expr = value if raw else dq(value)
        return tag([f"export async function list{rng.choice(NOUNS).capitalize()}s() {{",
                    f"  const res = await fetch(\"{url}\", {{", "    headers: {",
                    f"      \"{header}\": {expr},", "      Accept: \"application/json\",", "    },", "  });",
                    "  return res.json();", "}", ""], item, 3)
    if fmt == "go":
        expr = value if raw else dq(value)
        return tag([f"func new{rng.choice(NOUNS).capitalize()}Request(ctx context.Context) (*http.Request, error) {{",
                    f"\treq, err := http.NewRequestWithContext(ctx, http.MethodGet, \"{url}\", nil)",
                    "\tif err != nil {", "\t\treturn nil, err", "\t}", f"\treq.Header.Set(\"{header}\", {expr})",
                    "\treturn req, nil", "}", ""], item, 5)
    if fmt == "java":
        expr = value if raw else dq(value)
        return tag([f"    private HttpRequest {rng.choice(NOUNS)}Request() {{", "        return HttpRequest.newBuilder()",
                    f"            .uri(URI.create(\"{url}\"))", f"            .header(\"{header}\", {expr})",
                    "            .GET()", "            .build();", "    }", ""], item, 3)
    if fmt == "cs":
        if header == "Authorization" and not raw and " " in value:
            scheme, _, cred = value.partition(" ")
            return tag([f"        public void Configure{rng.choice(NOUNS).capitalize()}Client(HttpClient client)", "        {",
                        f"            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue({dq(scheme)}, {dq(cred)});",
                        "        }", ""], item, 2)
        expr = value if raw else dq(value)
        return tag([f"        public void Configure{rng.choice(NOUNS).capitalize()}Client(HttpClient client)", "        {",
                    f"            client.DefaultRequestHeaders.Add(\"{header}\", {expr});", "        }", ""], item, 2)
    if fmt == "rb":
        expr = value if raw else dq(value)
        return tag([f"  def {rng.choice(NOUNS)}_request(uri)", "    req = Net::HTTP::Get.new(uri)",
                    f"    req[\"{header}\"] = {expr}", "    req", "  end", ""], item, 2)
    if fmt == "php":
        expr = value if raw else sq(f"{header}: {value}")
        if raw:
            expr = f"'{header}: ' . {value}"
        return tag(["curl_setopt($ch, CURLOPT_HTTPHEADER, [", f"    {expr},", "    'Accept: application/json',", "]);", ""], item, 1)
    if fmt == "yml":
        return tag(["headers:", f"  {header}: {yq(value, rng) if not raw else value}"], item, 1)
    if fmt == "md":
        return tag(["```http", f"GET /v1/{rng.choice(NOUNS)}s HTTP/1.1", "Host: api.acme.io", f"{header}: {value}",
                    "```", ""], item, 3)
    if fmt == "txt":
        return tag([f"> GET /v1/{rng.choice(NOUNS)}s HTTP/1.1", "> Host: api.acme.io", f"> {header}: {value}",
                    "> Accept: */*", ""], item, 2)
    if fmt == "Dockerfile":
        return tag([f'RUN curl -fsSL -H "{header}: {value}" {url} -o /tmp/bundle.tgz', ""], item)
    raise ValueError(fmt)
