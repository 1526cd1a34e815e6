import json
import logging

from django.contrib import messages

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    # ruleid: python-flow-log
    log.info("login attempt for " + user)
    # ruleid: python-flow-log
    logging.warning("bad password for %s", user)
    # ok: python-flow-log
    log.info("login attempt from form")
    # ok: python-flow-log
    log.info("login attempt, %d characters", len(user))
    # ok: python-flow-log
    log.info(f"login attempt for {user!r}")
    # ok: python-flow-log
    log.info("login attempt for %r", user)
    # ok: python-flow-log
    log.warning("login attempt for %r, %d tries" % (user, user))
    # ok: python-flow-log
    log.info("login attempt for {!r}".format(user))
    # ok: python-flow-log
    log.info(f"{user:d} tries")
    # ok: python-flow-log
    log.info("login attempt", extra={"user": user})
    # ruleid: python-flow-log
    log.log(logging.INFO, "login attempt for %s", user)
    # ruleid: python-flow-log
    log.info("login attempt for %s, %r" % (user, user))
    # ruleid: python-flow-log
    log.info("login attempt for {:>20}".format(user))
    return "ok"


@app.route("/hook", methods=["POST"])
def hook():
    # a whole container formatted into the line shows its items' repr (line breaks escaped)
    event = json.loads(request.data)
    # ruleid: python-flow-log
    log.info("event %s", event)  # a JSON body may be a bare string
    kind = event["kind"]  # from here on it is an object: a string would have raised
    # ok: python-flow-log
    log.info("event %s", event)
    # ok: python-flow-log
    log.info(f"query {request.args}")
    # ok: python-flow-log
    log.info("event: %s" % str(event))
    missing = set(request.form) - {"id"}
    # ok: python-flow-log
    log.warning("missing fields {}".format(missing))
    context = {"kind": event.get("kind")}
    # ok: python-flow-log
    log.info(context)
    # ruleid: python-flow-log
    log.info("event kind %s", kind)
    # ruleid: python-flow-log
    log.info("event kind %s" % event.get("kind"))
    return "ok"


def django_view(request):
    # ok: python-flow-log
    messages.error(request, "bad value %s" % request.GET["q"])
    # the peer's address is the server's own reading of the connection
    # ok: python-flow-log
    log.info("request from %s", request.META["REMOTE_ADDR"])
    # ok: python-flow-log
    log.info("request from %s", request.META.get("REMOTE_ADDR"))
    # ruleid: python-flow-log
    log.info("request from %s", request.META.get("HTTP_X_FORWARDED_FOR"))


HOOKS = {"github": print, "gitlab": print}
HEARTBEATS = {}


@app.route("/hook/<service>", methods=["POST"])
def service_hook(service):
    try:
        handler = HOOKS[service]
    except KeyError:
        raise ValueError("unknown hook")  # an unknown service never gets past here
    # ok: python-flow-log
    log.error("hook %s failed", service)
    return handler


@app.route("/hook2/<service>", methods=["POST"])
def hook_fallback(service):
    try:
        handler = HOOKS[service]
    except KeyError:
        handler = print  # an unknown service goes on
    # ruleid: python-flow-log
    log.error("hook %s failed", service)
    return handler


@app.route("/heartbeat/stop", methods=["POST"])
def heartbeat_stop():
    data = json.loads(request.data)
    if data["sid"] in HEARTBEATS:
        # ok: python-flow-log
        log.debug("heartbeat stopped for %s", data["sid"])
        data = json.loads(request.get_data())
        # ruleid: python-flow-log
        log.debug("heartbeat stopped for %s", data["sid"])
    # ruleid: python-flow-log
    log.debug("heartbeat for %s", data["server"])
    return "ok"


class Holder:
    pass


def log_failure(req, path):
    # ok: python-flow-log
    log.error("request failed: %s %s", req.method, path)


def log_body(req):
    # ruleid: python-flow-log
    log.error("bad body: %s", req.state.raw_body)


@app.route("/filtered", methods=["POST"])
def filtered():
    # only one attribute of the object passed on is tainted; each helper uses another one
    ctx = Holder()
    ctx.state = Holder()
    ctx.state.raw_body = request.get_data()
    ctx.method = "POST"
    log_failure(ctx, "/filtered")
    log_body(ctx)
    return "ok"


PROVIDERS = {"stripe", "paypal"}


def load_provider(name):
    if name not in PROVIDERS:
        raise ValueError("unknown provider")
    return name.upper()


def find_provider(name):
    if name in PROVIDERS:
        return name.upper()
    return None


@app.route("/pay/<provider>")
def pay(provider):
    load_provider(provider)  # raises unless provider is one of PROVIDERS
    # ok: python-flow-log
    log.warning("payment with %s failed", provider)
    return "failed"


@app.route("/pay-maybe/<provider>")
def pay_maybe(provider):
    find_provider(provider)  # returns None for an unknown one, and the code goes on
    # ruleid: python-flow-log
    log.warning("payment with %s failed", provider)
    return "failed"



def check_config(cfg):
    if cfg not in PROVIDERS:
        raise ValueError("bad config")


def prepare(name):
    config = name.lower() + ".cfg"  # derived from the parameter, then checked: name itself is not
    check_config(config)
    validate_archive(config)
    return config


@app.route("/install/<name>")
def install_view(name):
    prepare(name)
    # ruleid: python-flow-log
    log.info("installing %s", name)
    return "ok"


@app.route("/acs")
def acs():
    userinfo = map_attributes(request.form.get("SAMLResponse"))
    userinfo["name_id"] = request.form.get("name_id")
    # ok: python-flow-log
    log.debug("mapped user info: %s", userinfo)  # a mapping: its repr escapes line breaks
    # ruleid: python-flow-log
    log.debug("name id: %s", userinfo["name_id"])
    return "ok"
