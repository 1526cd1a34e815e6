"""The file plan of the secrets corpus (a small monorepo's paths and types) and the assignment
of items to files.
"""

from __future__ import annotations

from .specs import NAMES, NOT_SECRET_NAMES, FileSpec, Item


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
