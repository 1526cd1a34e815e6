"""Sink kinds that do not need a web response: command, code, SQL, path, deserialization, XXE."""

from __future__ import annotations

from .model import Case
from .spec import Category, Sink, Tx

HTML_ESCAPE = Tx("html.escape({})", ("import html",), what="html.escape")
SHLEX = Tx("shlex.quote({})", ("import shlex",), what="shlex.quote")
RE_ESCAPE = Tx("re.escape({})", ("import re",), what="re.escape")
INT = Tx("int({})", is_str=False, what="int()")


# -- command ---------------------------------------------------------------------------------
# The value never lands where it could be read as an option ("-..."): after a path prefix, after
# "--" or as the argument of an option. So shlex.quote (which leaves "-x" alone) really is enough
# for the safe cases, and the vulnerable ones are plain shell injection.
CMD_PARTS = [("ping -c 1 -- ", ""), ("tar czf /tmp/backup.tgz -C /srv/data -- ", ""),
             ("git log --oneline -n 5 -- ", ""), ("convert /srv/uploads/", " /tmp/thumb.png"),
             ("du -sh /srv/data/", ""), ("grep -rn -e ", " /var/log/app"), ("cat /var/app/reports/", ".txt"),
             ("ls -la /srv/data/", ""), ("wc -l /srv/uploads/", ""), ("host -t A -- ", "")]


def _cmd(case: Case, v: str, s: bool) -> str:
    pre, suf = case.pick(CMD_PARTS)
    expr = case.build(pre, v, suf, s)
    if case.chance(0.4):
        c = case.name("cmd", "command", "shell_cmd")
        case.add(f"{c} = {expr}")
        return c
    return expr


def _os_system(case, v, s):
    case.imp("import os")
    case.add(case.pick(["os.system({})", "status = os.system({})"]).format(_cmd(case, v, s)))


def _sub_run(case, v, s):
    case.imp("import subprocess")
    cmd = _cmd(case, v, s)
    case.add(case.pick([f"subprocess.run({cmd}, shell=True, check=False)",
                        f"result = subprocess.run({cmd}, shell=True, capture_output=True, text=True)",
                        f"subprocess.run(args={cmd}, shell=True)",
                        f"subprocess.check_call({cmd}, shell=True)",
                        f"output = subprocess.check_output({cmd}, shell=True)"]))


def _popen(case, v, s):
    case.imp("import subprocess")
    cmd = _cmd(case, v, s)
    p = case.name("proc", "process", "child")
    case.add(f"{p} = subprocess.Popen({cmd}, shell=True, stdout=subprocess.PIPE)", f"out, _ = {p}.communicate()")


def _os_popen(case, v, s):
    case.imp("import os")
    case.add(f"output = os.popen({_cmd(case, v, s)}).read()")


def _sh_c(case, v, s):
    case.imp("import subprocess")
    case.add(f'subprocess.call(["sh", "-c", {_cmd(case, v, s)}])')


def _getoutput(case, v, s):
    case.imp("import subprocess")
    case.add(f"listing = subprocess.getoutput({_cmd(case, v, s)})")


COMMAND = Category(
    "command", (78, 88), ("host", "target", "branch", "filename", "domain", "archive", "path", "pattern"),
    ("localhost", "main", "report.txt", "example.org"),
    [Sink(f) for f in (_os_system, _os_system, _sub_run, _sub_run, _popen, _os_popen, _sh_c, _getoutput)],
    right=[SHLEX, SHLEX, INT],
    wrong=[HTML_ESCAPE, Tx("os.path.basename({})", ("import os",), what="os.path.basename")],
    guards=("allowlist", "fullmatch", "isdigit", "isinstance"),
    allowed=("localhost", "example.org", "main", "develop"),
)


# -- code --------------------------------------------------------------------------------------
def _eval(case, v, s):
    if not s:
        case.add(f"result = eval({case.build('', v, ' * 2', False)})")
        return
    case.add(case.pick([f"result = eval({v})", f'result = eval({v}, {{"__builtins__": {{}}}}, {{}})',
                        f"value = eval({case.build('(', v, ') * 1.0')})"]))


def _exec(case, v, s):
    ns = case.name("namespace", "scope", "env")
    case.add(f"{ns} = {{}}")
    prefix = case.pick(["total = ", "def rule(x):\n    return "])
    case.add(f"exec({case.build(prefix, v, '', s)}, {ns})")


def _compile(case, v, s):
    code = case.name("code", "compiled", "program")
    src = v if s else case.build("", v, " + 1", False)
    case.add(f'{code} = compile({src}, "<user>", "eval")', f"answer = eval({code})")


def _literal_eval(case, v):
    case.imp("import ast")
    case.add(f"result = ast.literal_eval({v})")


def _json_loads(case, v):
    case.imp("import json")
    case.add(f"result = json.loads({v})")


CODE = Category(
    "code", (94, 95), ("expr", "formula", "calc", "expression", "rule", "filter"),
    ("1 + 1", "2 * 21", "sum([1, 2, 3])", "max(3, 4)"),
    [Sink(_eval), Sink(_eval), Sink(_exec), Sink(_compile)],
    right=[INT, Tx("float({})", is_str=False, what="float()")],
    safe_forms=[_literal_eval, _literal_eval, _json_loads],
    wrong=[HTML_ESCAPE, Tx("markupsafe.escape({})", ("import markupsafe",), what="markupsafe.escape")],
    guards=("allowlist", "isdigit", "isinstance", "fullmatch_num"),
    allowed=("1 + 1", "2 * 21", "max(3, 4)"),
)


# -- SQL -----------------------------------------------------------------------------------------
SQL_TEXT = [("SELECT id, email FROM users WHERE name = '", "'"), ("SELECT * FROM products WHERE sku = '", "'"),
            ("DELETE FROM carts WHERE owner = '", "'"), ("SELECT title FROM notes WHERE author = '", "' LIMIT 20")]
SQL_NUM = [("SELECT * FROM orders WHERE id = ", ""), ("UPDATE invoices SET paid = 1 WHERE id = ", ""),
           ("SELECT name FROM users WHERE age > ", " ORDER BY name")]


def _query(case, v, s, tag):
    pairs = SQL_TEXT if tag == "text" else SQL_NUM if tag == "num" else SQL_TEXT + SQL_NUM
    pre, suf = case.pick(pairs)
    expr = case.build(pre, v, suf, s)
    if case.chance(0.5):
        q = case.name("query", "sql", "stmt")
        case.add(f"{q} = {expr}")
        return q
    return expr


def _conn(case):
    case.imp("import sqlite3")
    case.block('DB_PATH = "app.db"')
    c = case.name("conn", "db", "connection")
    case.add(f"{c} = sqlite3.connect(DB_PATH)")
    return c


def _sqlite(tag):
    def fn(case, v, s):
        c = _conn(case)
        q = _query(case, v, s, tag)
        if case.chance(0.5):
            cur = case.name("cur", "cursor")
            case.add(f"{cur} = {c}.cursor()", f"{cur}.execute({q})", f"rows = {cur}.fetchall()")
        else:
            case.add(f"rows = {c}.execute({q}).fetchall()")
    return fn


def _sqlalchemy(tag):
    def fn(case, v, s):
        case.imp("from sqlalchemy import create_engine, text")
        case.block('engine = create_engine("sqlite:///app.db")')
        q = _query(case, v, s, tag)
        case.add("with engine.connect() as conn:", f"    rows = conn.execute(text({q})).fetchall()")
    return fn


def _django_sql(tag):
    def fn(case, v, s):
        case.imp("from django.db import connection")
        q = _query(case, v, s, tag)
        case.add("with connection.cursor() as cursor:", f"    cursor.execute({q})", "    rows = cursor.fetchall()")
    return fn


def _sql_param(case, v):
    c = _conn(case)
    case.add(case.pick([f'rows = {c}.execute("SELECT id, email FROM users WHERE name = ?", ({v},)).fetchall()',
                        f'rows = {c}.execute("SELECT * FROM products WHERE sku = :sku", {{"sku": {v}}}).fetchall()',
                        f'{c}.execute("DELETE FROM carts WHERE owner = ?", [{v}])']))


def _sqlalchemy_param(case, v):
    case.imp("from sqlalchemy import create_engine, text")
    case.block('engine = create_engine("sqlite:///app.db")')
    case.add("with engine.connect() as conn:",
             f'    rows = conn.execute(text("SELECT * FROM notes WHERE author = :author"), {{"author": {v}}}).fetchall()')


SQL = Category(
    "sql", (89,), ("username", "user_id", "email", "sku", "order_id", "author", "name", "q"),
    ("alice", "42", "guest"),
    [Sink(_sqlite(None)), Sink(_sqlite(None)), Sink(_sqlite("text"), frozenset({"text"})),
     Sink(_sqlite("num"), frozenset({"num"})), Sink(_sqlalchemy(None), frozenset({"text", "num"})),
     Sink(_django_sql(None), frozenset({"text", "num"}), needs="django")],
    right=[INT],
    safe_forms=[_sql_param, _sql_param, _sql_param, _sqlalchemy_param],
    wrong=[Tx("html.escape({})", ("import html",), tag="num", what="html.escape"),
           Tx("re.escape({})", ("import re",), tag="text", what="re.escape")],
    guards=("allowlist", "fullmatch", "isdigit", "isinstance"),
    allowed=("alice", "bob", "guest"),
)


# -- path ----------------------------------------------------------------------------------------
BASES = [("UPLOAD_DIR", "/srv/app/uploads"), ("REPORT_DIR", "/var/app/reports"), ("DATA_DIR", "/srv/data")]


def _base(case):
    name, value = case.pick(BASES)
    case.block(f'{name} = "{value}"')
    return name


def _joined(case, v, s):
    if not s:
        return case.build("/var/app/reports/", v, ".pdf", False)
    base = _base(case)
    return case.pick([f"os.path.join({base}, {v})", f"os.path.join({base}, {v})", f'{base} + "/" + {v}'])


def _open_read(case, v, s, full=False):
    case.imp("import os")
    p = v if full else _joined(case, v, s)
    fh = case.name("fh", "f", "handle")
    case.add(f"with open({p}) as {fh}:", f"    content = {fh}.read()")


def _open_write(case, v, s):
    case.imp("import os")
    case.add(f'with open({_joined(case, v, s)}, "w") as out:', '    out.write("processed\\n")')


def _remove(case, v, s):
    case.imp("import os")
    case.add(f"os.remove({_joined(case, v, s)})")


def _pathlib(case, v, s, full=False):
    case.imp("from pathlib import Path")
    if full:
        case.add(f"data = Path({v}).read_bytes()")
        return
    if not s:
        case.add(f"data = Path({case.build('/var/app/reports/', v, '.pdf', False)}).read_bytes()")
        return
    case.add(f"data = (Path({_base(case)}) / {v}).read_text()")


def _send(case, v, s, full=False):
    case.imp("import os")
    case.respond(case.fw.send_file(case, v if full else _joined(case, v, s)))


def _full(fn):
    return lambda case, v, s: fn(case, v, s, full=True)


PATH = Category(
    "path", (22, 23, 36, 73), ("filename", "file", "doc", "report", "name", "image", "attachment", "path"),
    ("index.html", "report.pdf", "readme.txt"),
    [Sink(_open_read), Sink(_open_read), Sink(_open_write), Sink(_remove), Sink(_pathlib),
     Sink(_send, needs="web", helper_ok=False), Sink(_send, needs="web", helper_ok=False),
     Sink(_full(_open_read), frozenset({"full"})), Sink(_full(_pathlib), frozenset({"full"})),
     Sink(_full(_send), frozenset({"full"}), needs="web", helper_ok=False)],
    right=[Tx("secure_filename({})", ("from werkzeug.utils import secure_filename",), what="secure_filename"),
           Tx("os.path.basename({})", ("import os",), what="os.path.basename"), INT],
    wrong=[HTML_ESCAPE, SHLEX],
    guards=("allowlist", "fullmatch", "isdigit", "isinstance"),
    allowed=("index.html", "report.pdf", "readme.txt"),
)


# -- deserialization ---------------------------------------------------------------------------
def _pickle(case, v, s):
    case.imp("import pickle")
    case.add(case.pick([f"state = pickle.loads({v})", f"obj = pickle.loads({v})",
                        f"state = pickle.load(io.BytesIO({v}))"]))
    if "io.BytesIO" in case.body[-1]:
        case.imp("import io")


def _yaml(case, v, s):
    case.imp("import yaml")
    case.add(case.pick([f"config = yaml.load({v}, Loader=yaml.Loader)", f"config = yaml.unsafe_load({v})",
                        f"config = yaml.load({v}, Loader=yaml.UnsafeLoader)"]))


def _jsonpickle(case, v, s):
    case.imp("import jsonpickle")
    case.add(f"obj = jsonpickle.decode({v})")


def _safe_yaml(case, v):
    case.imp("import yaml")
    case.add(case.pick([f"config = yaml.safe_load({v})", f"config = yaml.load({v}, Loader=yaml.SafeLoader)"]))


DESERIALIZATION = Category(
    "deserialization", (502,), ("state", "payload", "data", "prefs", "session_blob", "upload"),
    ("DEFAULT_STATE",),
    [Sink(_pickle), Sink(_pickle), Sink(_yaml), Sink(_yaml), Sink(_jsonpickle)],
    safe_forms=[_json_loads, _safe_yaml, _safe_yaml],
    wrong=[Tx("html.escape({}.decode())", ("import html",), tag="text", what="html.escape")],
    kind="bytes",
    const_block='DEFAULT_STATE = b"\\x80\\x04}\\x94."  # pickle of {}',
)
DESERIALIZATION.sinks.append(Sink(_yaml, frozenset({"text"})))


# -- XXE --------------------------------------------------------------------------------------
def _lxml(case, v, s):
    case.imp("from lxml import etree")
    opts = case.pick(["resolve_entities=True", "load_dtd=True, resolve_entities=True",
                      "resolve_entities=True, no_network=False"])
    p = case.name("parser", "xml_parser")
    case.add(f"{p} = etree.XMLParser({opts})")
    case.add(case.pick([f"root = etree.fromstring({v}, {p})", f"root = etree.XML({v}, parser={p})",
                        f"tree = etree.parse(io.BytesIO({v}), {p})"]))
    if "io.BytesIO" in case.body[-1]:
        case.imp("import io")


def _sax(case, v, s):
    case.imp("import io", "import xml.sax", "import xml.sax.handler")
    p = case.name("parser", "reader")
    case.add(f"{p} = xml.sax.make_parser()", f"{p}.setFeature(xml.sax.handler.feature_external_ges, True)",
             f"{p}.setContentHandler(xml.sax.handler.ContentHandler())", f"{p}.parse(io.BytesIO({v}))")


def _defused(case, v):
    case.imp("import defusedxml.ElementTree")
    case.add(f"root = defusedxml.ElementTree.fromstring({v})")


def _lxml_safe(case, v):
    case.imp("from lxml import etree")
    case.add("parser = etree.XMLParser(resolve_entities=False, no_network=True)",
             f"root = etree.fromstring({v}, parser)")


def _stdlib_xml(case, v):
    choice = case.pick(["etree", "minidom"])
    if choice == "etree":
        case.imp("import xml.etree.ElementTree as ET")
        case.add(f"root = ET.fromstring({v})")
    else:
        case.imp("from xml.dom import minidom")
        case.add(f"document = minidom.parseString({v})")


XXE = Category(
    "xxe", (611, 776, 827), ("doc", "xml", "payload", "feed", "invoice"),
    ('b"<config><mode>default</mode></config>"',),
    [Sink(_lxml), Sink(_lxml), Sink(_sax)],
    safe_forms=[_defused, _lxml_safe, _stdlib_xml],
    kind="bytes",
)
