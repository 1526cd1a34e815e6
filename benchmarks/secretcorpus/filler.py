"""Filler for the secrets corpus: secret-free code, config and prose in each file type, around
the planted values.
"""

from __future__ import annotations

import random

from .render import ADJ, APIS, DBS, NOUNS, VERBS


# ---------------------------------------------------------------------------------------------
# filler: secret-free code in each language
# ---------------------------------------------------------------------------------------------
def filler(fmt: str, rng: random.Random, flavor: str = "") -> list[str]:
    f = _FILLERS.get(fmt)
    return f(rng, flavor) if f else []


def _py_filler(rng, flavor):
    v, n, n2 = rng.choice(VERBS), rng.choice(NOUNS), rng.choice(NOUNS)
    t = rng.randrange(5)
    if t == 0:
        return [f"def {v}_{n}s(items, limit={rng.randint(10, 500)}):",
                f'    """{v.capitalize()} the {n}s, at most ``limit`` of them."""',
                "    result = []",
                "    for item in items:",
                f"        if item.{rng.choice(ADJ)} is None:",
                "            continue",
                f"        result.append(_{v}_one(item))",
                "        if len(result) >= limit:",
                "            break",
                f'    logger.debug("{v} %d {n}s", len(result))',
                "    return result", "", ""]
    if t == 1:
        return [f"class {n.capitalize()}{n2.capitalize()}Service:",
                f'    """Reads and writes {n} {n2}s."""', "",
                "    def __init__(self, repository, clock=None):",
                "        self.repository = repository",
                "        self.clock = clock or time.monotonic",
                "        self._cache = {}", "",
                f"    def get(self, {n}_id):",
                f"        if {n}_id in self._cache:",
                f"            return self._cache[{n}_id]",
                f"        value = self.repository.find({n}_id)",
                f"        self._cache[{n}_id] = value",
                "        return value", "",
                f"    def {v}(self, {n}s):",
                f"        return [self.get(x) for x in {n}s if x]", "", ""]
    if t == 2:
        return [f"{n.upper()}_{rng.choice(['LIMIT', 'TIMEOUT', 'RETRIES', 'BATCH_SIZE'])} = {rng.randint(2, 900)}",
                f'{n.upper()}_ENDPOINT = "{rng.choice(APIS)}/{n}s"',
                f'DEFAULT_{n2.upper()}_STATUS = "{rng.choice(ADJ)}"', "", ""]
    if t == 3:
        return ["@dataclass(frozen=True)", f"class {n.capitalize()}:",
                "    id: int", f"    {n2}_id: int", f"    status: str = \"{rng.choice(ADJ)}\"",
                "    created_at: float = 0.0", "",
                f"    def is_{rng.choice(ADJ)}(self) -> bool:",
                f"        return self.status == \"{rng.choice(ADJ)}\"", "", ""]
    return [f"async def {v}_{n}(client, {n}_id: int) -> dict:",
            f"    response = await client.get(f\"/{n}s/{{{n}_id}}\", timeout={rng.randint(2, 30)})",
            "    response.raise_for_status()",
            "    payload = response.json()",
            f"    payload[\"{n2}\"] = payload.get(\"{n2}\") or []",
            "    return payload", "", ""]


def _js_filler(rng, flavor):
    v, n, n2 = rng.choice(VERBS), rng.choice(NOUNS), rng.choice(NOUNS)
    ts = flavor == "ts"
    t = rng.randrange(4)
    if t == 0:
        sig = f"({n}s{': ' + n.capitalize() + '[]' if ts else ''}, limit{': number' if ts else ''} = {rng.randint(5, 99)})"
        return [f"export function {v}{n.capitalize()}s{sig} {{",
                f"  const out{': ' + n.capitalize() + '[]' if ts else ''} = [];",
                f"  for (const item of {n}s) {{",
                f"    if (!item.{rng.choice(ADJ)}) continue;",
                "    out.push(item);",
                "    if (out.length >= limit) break;",
                "  }",
                f"  logger.debug(`{v} ${{out.length}} {n}s`);",
                "  return out;", "}", ""]
    if t == 1:
        return [f"export async function {v}{n.capitalize()}(id{': string' if ts else ''}) {{",
                f"  const res = await fetch(`{rng.choice(APIS)}/{n}s/${{id}}`);",
                "  if (!res.ok) {",
                f"    throw new Error(`could not {v} {n} ${{id}}: ${{res.status}}`);",
                "  }",
                "  return res.json();", "}", ""]
    if t == 2:
        lines = [f"export class {n.capitalize()}{n2.capitalize()}Store {{"]
        if ts:
            lines.append("  private items = new Map<string, unknown>();")
        else:
            lines.append("  items = new Map();")
        lines += [f"  get(id{': string' if ts else ''}) {{", "    return this.items.get(id);", "  }",
                  f"  set(id{': string' if ts else ''}, value{': unknown' if ts else ''}) {{",
                  "    this.items.set(id, value);", "    return this;", "  }", "}", ""]
        return lines
    return [f"const {n.upper()}_{rng.choice(['LIMIT', 'TIMEOUT_MS', 'PAGE_SIZE'])} = {rng.randint(5, 5000)};",
            f"const {n}Labels = [\"{rng.choice(ADJ)}\", \"{rng.choice(ADJ)}\", \"{rng.choice(ADJ)}\"];", ""]


def _go_filler(rng, flavor):
    v, n, n2 = rng.choice(VERBS), rng.choice(NOUNS), rng.choice(NOUNS)
    t = rng.randrange(3)
    if t == 0:
        return [f"// {v.capitalize()}{n.capitalize()}s returns the {n}s that are {rng.choice(ADJ)}.",
                f"func {v.capitalize()}{n.capitalize()}s(items []{n.capitalize()}, limit int) []{n.capitalize()} {{",
                f"\tout := make([]{n.capitalize()}, 0, len(items))",
                "\tfor _, it := range items {",
                "\t\tif it.ID == 0 {", "\t\t\tcontinue", "\t\t}",
                "\t\tout = append(out, it)",
                "\t\tif len(out) >= limit {", "\t\t\tbreak", "\t\t}", "\t}",
                "\treturn out", "}", ""]
    if t == 1:
        return [f"type {n.capitalize()} struct {{",
                "\tID        int64  `json:\"id\"`",
                f"\t{n2.capitalize()}ID int64  `json:\"{n2}_id\"`",
                "\tStatus    string `json:\"status\"`", "}", ""]
    return [f"func (s *Server) handle{n.capitalize()}(w http.ResponseWriter, r *http.Request) {{",
            "\tid := r.URL.Query().Get(\"id\")",
            "\tif id == \"\" {",
            "\t\thttp.Error(w, \"missing id\", http.StatusBadRequest)",
            "\t\treturn", "\t}",
            f"\titem, err := s.store.Get{n.capitalize()}(r.Context(), id)",
            "\tif err != nil {",
            "\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)",
            "\t\treturn", "\t}",
            "\t_ = json.NewEncoder(w).Encode(item)", "}", ""]


def _java_filler(rng, flavor):
    v, n, n2 = rng.choice(VERBS), rng.choice(NOUNS), rng.choice(NOUNS)
    t = rng.randrange(3)
    N = n.capitalize()
    if t == 0:
        return [f"    public List<{N}> {v}{N}s(List<{N}> items, int limit) {{",
                f"        List<{N}> out = new ArrayList<>();",
                f"        for ({N} item : items) {{",
                "            if (item == null || item.getId() == null) {", "                continue;", "            }",
                "            out.add(item);",
                "            if (out.size() >= limit) {", "                break;", "            }", "        }",
                f"        log.debug(\"{v} {{}} {n}s\", out.size());",
                "        return out;", "    }", ""]
    if t == 1:
        return [f"    private static final int {n.upper()}_{rng.choice(['LIMIT', 'TIMEOUT_SECONDS', 'PAGE_SIZE'])} = {rng.randint(5, 900)};",
                f"    private static final String {n2.upper()}_PATH = \"/api/{n2}s\";", ""]
    return [f"    public Optional<{N}> find{N}(long id) {{",
            f"        return repository.findById(id).filter({N}::is{rng.choice(ADJ).capitalize()});",
            "    }", ""]


def _cs_filler(rng, flavor):
    v, n, n2 = rng.choice(VERBS), rng.choice(NOUNS), rng.choice(NOUNS)
    N = n.capitalize()
    t = rng.randrange(3)
    if t == 0:
        return [f"        public async Task<IReadOnlyList<{N}>> {v.capitalize()}{N}sAsync(int limit, CancellationToken ct)",
                "        {",
                f"            var items = await _db.{N}s.Where(x => x.IsActive).Take(limit).ToListAsync(ct);",
                f"            _logger.LogDebug(\"{v} {{Count}} {n}s\", items.Count);",
                "            return items;", "        }", ""]
    if t == 1:
        return [f"        public int {N}Limit {{ get; set; }} = {rng.randint(5, 500)};",
                f"        public string {n2.capitalize()}Path {{ get; set; }} = \"/api/{n2}s\";", ""]
    return [f"        private static {N}Dto Map({N} entity) => new {N}Dto",
            "        {", "            Id = entity.Id,", f"            {n2.capitalize()}Id = entity.{n2.capitalize()}Id,",
            "            Status = entity.Status.ToString(),", "        };", ""]


def _rb_filler(rng, flavor):
    v, n, n2 = rng.choice(VERBS), rng.choice(NOUNS), rng.choice(NOUNS)
    t = rng.randrange(3)
    if t == 0:
        return [f"  def {v}_{n}s({n}s, limit: {rng.randint(5, 200)})",
                f"    {n}s.reject {{ |x| x.{rng.choice(ADJ)}.nil? }}.first(limit).map do |item|",
                f"      item.to_h.merge({n2}: item.{n2}_id)", "    end", "  end", ""]
    if t == 1:
        return [f"  {n.upper()}_{rng.choice(['LIMIT', 'TIMEOUT', 'RETRIES'])} = {rng.randint(2, 300)}",
                f"  {n2.upper()}_STATES = %w[{' '.join(rng.sample(ADJ, 3))}].freeze", ""]
    return [f"  def find_{n}(id)", f"    @{n}s ||= {{}}", f"    @{n}s[id] ||= {n.capitalize()}.find_by(id: id)",
            "  end", ""]


def _php_filler(rng, flavor):
    v, n, n2 = rng.choice(VERBS), rng.choice(NOUNS), rng.choice(NOUNS)
    t = rng.randrange(2)
    if t == 0:
        return [f"function {v}_{n}s(array ${n}s, int $limit = {rng.randint(5, 200)}): array",
                "{", "    $out = [];", f"    foreach (${n}s as $item) {{",
                f"        if (empty($item['{n2}_id'])) {{", "            continue;", "        }",
                "        $out[] = $item;", "        if (count($out) >= $limit) {", "            break;",
                "        }", "    }", "    return $out;", "}", ""]
    return [f"${n}Limit = {rng.randint(5, 500)};", f"${n2}Path = '/api/{n2}s';", ""]


def _sh_filler(rng, flavor):
    n, v = rng.choice(NOUNS), rng.choice(VERBS)
    t = rng.randrange(3)
    if t == 0:
        return [f"{v}_{n}s() {{", f'  local dir="${{1:-/var/lib/{n}s}}"', '  if [[ ! -d "$dir" ]]; then',
                f'    echo "no {n} directory: $dir" >&2', "    return 1", "  fi",
                f'  find "$dir" -name "*.{rng.choice(["json", "csv", "log"])}" -mtime +{rng.randint(1, 30)} -print',
                "}", ""]
    if t == 1:
        return [f'log "{v} {n}s"', f"{v}_{n}s \"$WORK_DIR/{n}s\" | sort | uniq -c | sort -rn | head -n {rng.randint(5, 50)}", ""]
    return [f"for {n} in {' '.join(rng.sample(NOUNS, 3))}; do", f'  echo "processing ${n}"',
            f'  ./bin/{v} --{n} "${n}" --retries {rng.randint(1, 5)}', "done", ""]


def _tf_filler(rng, flavor):
    n = rng.choice(NOUNS)
    t = rng.randrange(3)
    if t == 0:
        return [f'resource "aws_s3_bucket" "{n}s" {{', f'  bucket = "acme-{n}s-${{var.environment}}"', "",
                "  tags = {", f'    Name        = "{n}s"', '    Environment = var.environment', "  }", "}", ""]
    if t == 1:
        return [f'variable "{n}_count" {{', '  type    = number', f"  default = {rng.randint(1, 9)}", "}", ""]
    return [f'output "{n}_bucket_arn" {{', f"  value = aws_s3_bucket.{n}s.arn", "}", ""]


def _docker_filler(rng, flavor):
    t = rng.randrange(3)
    if t == 0:
        return [f"RUN apt-get update && apt-get install -y --no-install-recommends {' '.join(rng.sample(['curl', 'ca-certificates', 'git', 'tini', 'jq', 'unzip', 'gettext-base'], 3))} \\",
                "    && rm -rf /var/lib/apt/lists/*", ""]
    if t == 1:
        return [f"COPY {rng.choice(['requirements.txt', 'package.json', 'go.mod', 'pom.xml'])} ./", f"WORKDIR /srv/{rng.choice(NOUNS)}", ""]
    return [f"EXPOSE {rng.choice([80, 443, 3000, 8000, 8080, 9090])}", f"ENV {rng.choice(NOUNS).upper()}_WORKERS={rng.randint(1, 16)}", ""]


def _env_filler(rng, flavor):
    n = rng.choice(NOUNS)
    return [f"{n.upper()}_{rng.choice(['LIMIT', 'TIMEOUT', 'WORKERS', 'PAGE_SIZE'])}={rng.randint(1, 900)}",
            f"{rng.choice(NOUNS).upper()}_URL={rng.choice(APIS)}", ""]


def _props_filler(rng, flavor):
    n = rng.choice(NOUNS)
    return [f"app.{n}.page-size={rng.randint(10, 500)}", f"app.{n}.endpoint={rng.choice(APIS)}/{n}s",
            f"logging.level.com.acme.{n}={rng.choice(['INFO', 'DEBUG', 'WARN'])}", ""]


def _ini_filler(rng, flavor):
    n = rng.choice(NOUNS)
    return [f"[{n}_{rng.randint(1, 999)}]", f"enabled = {rng.choice(['true', 'false'])}",
            f"batch_size = {rng.randint(10, 900)}", f"endpoint = {rng.choice(APIS)}/{n}s", ""]


def _md_filler(rng, flavor):
    n, v = rng.choice(NOUNS), rng.choice(VERBS)
    t = rng.randrange(3)
    if t == 0:
        return [f"## {v.capitalize()} {n}s", "",
                f"The {n} service {v}s {n}s every {rng.randint(2, 60)} minutes. It reads its settings from",
                f"the environment (see `.env.example`) and writes to the `{rng.choice(DBS)}` database.", ""]
    if t == 1:
        return ["```bash", f"make {v}-{n}s ENV=staging", f"./bin/{v} --{n} all --dry-run", "```", ""]
    return [f"- `{n}_limit`: maximum number of {n}s per page (default {rng.randint(10, 200)}).",
            f"- `{n}_timeout`: seconds before a {n} request is abandoned.", ""]


def _txt_filler(rng, flavor):
    n, v = rng.choice(NOUNS), rng.choice(VERBS)
    if flavor == "log":
        ts = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
        return [f"{ts} INFO  {n}-worker {v} {rng.randint(1, 900)} {n}s in {rng.randint(3, 900)}ms",
                f"{ts} DEBUG {n}-worker queue depth={rng.randint(0, 50)}"]
    return [f"- {v} the {n}s before the {rng.choice(NOUNS)} cutover ({rng.choice(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])})",
            f"- ask {rng.choice(['ops', 'platform', 'data', 'billing'])} team about {n} retention", ""]


def _yml_filler(rng, flavor):
    n = rng.choice(NOUNS)
    if flavor == "workflow":
        return [f"- name: {rng.choice(VERBS).capitalize()} {n}s", f"  run: make {rng.choice(VERBS)}-{n}s"]
    if flavor == "k8s":
        return ["---", "apiVersion: v1", "kind: Service", "metadata:", f"  name: {n}-svc{rng.randint(1, 99)}",
                "spec:", "  selector:", f"    app: {n}", "  ports:", f"    - port: {rng.choice([80, 8080, 9090])}",
                f"      targetPort: {rng.choice([8000, 8080, 3000])}"]
    if flavor == "compose":
        return [f"{n}-worker{rng.randint(1, 999)}:", f"  image: acme/{n}-worker:{rng.randint(1, 9)}.{rng.randint(0, 20)}",
                f"  command: [\"worker\", \"--queue\", \"{n}s\"]", "  restart: unless-stopped"]
    return [f"{n}_{rng.randint(1, 9999)}:", f"  enabled: {rng.choice(['true', 'false'])}",
            f"  batch_size: {rng.randint(10, 900)}", f"  endpoint: {rng.choice(APIS)}/{n}s"]


_FILLERS = {"py": _py_filler, "js": _js_filler, "ts": lambda r, f: _js_filler(r, "ts"), "go": _go_filler,
            "java": _java_filler, "cs": _cs_filler, "rb": _rb_filler, "php": _php_filler,
            "sh": _sh_filler, "tf": _tf_filler, "Dockerfile": _docker_filler, "env": _env_filler,
            "properties": _props_filler, "ini": _ini_filler, "md": _md_filler, "txt": _txt_filler,
            "yml": _yml_filler}
