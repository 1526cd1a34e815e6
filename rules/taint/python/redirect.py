from django import shortcuts
from django.forms import ModelForm
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import UpdateView
from urllib.parse import urlparse

from flask import Flask, abort, redirect, request, url_for

app = Flask(__name__)
PAGES = {"/home", "/account"}
HOSTS = {"example.com"}


class ProductForm(ModelForm):
    pass


@app.route("/login")
def login():
    target = request.args.get("next", "/")
    # ruleid: python-flow-redirect
    return redirect(target)


@app.route("/login2")
def login2():
    target = request.args.get("next", "/")
    if target not in PAGES:
        target = "/home"
    # ok: python-flow-redirect
    return redirect(target)


@app.route("/go")
def go():
    # ok: python-flow-redirect
    return redirect(url_for("index"))


def django_login(request):
    nxt = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        # ok: python-flow-redirect
        return HttpResponseRedirect(nxt)
    # ruleid: python-flow-redirect
    return HttpResponseRedirect(request.POST["fallback"])


@app.route("/host-checked")
def host_checked():
    target = request.args["next"]
    parts = urlparse(target)
    if parts.scheme != "https" or parts.hostname not in HOSTS:
        abort(400)
    # ok: python-flow-redirect
    return redirect(target)


def django_detail(request):
    product = get_object_or_404(Product, pk=request.GET["id"])
    # ok: python-flow-redirect
    return HttpResponseRedirect(product.get_absolute_url())


@app.route("/wallet")
def wallet():
    # ok: python-flow-redirect
    return redirect("/wallet?usr=" + request.args["usr"])


@app.route("/slash")
def slash():
    # ruleid: python-flow-redirect
    return redirect("/" + request.args["to"])


@app.route("/item-allowed")
def item_allowed():
    # a check on the item itself, read again afterwards
    if request.args.get("next") in PAGES:
        # ok: python-flow-redirect
        return redirect(request.args["next"])
    # ruleid: python-flow-redirect
    return redirect(request.args.get("next"))


@app.route("/item-substring")
def item_substring():
    if request.args.get("next") in "/home/account":  # a substring test, not an allow-list
        # ruleid: python-flow-redirect
        return redirect(request.args.get("next"))
    return redirect("/")


def django_checked_item(request):
    if not url_has_allowed_host_and_scheme(request.GET.get("next"), allowed_hosts=None):
        return HttpResponseRedirect("/")
    # ok: python-flow-redirect
    return HttpResponseRedirect(request.GET["next"])


def django_saved(request):
    form = ProductForm(request.POST)
    if form.is_valid():
        product = form.save(commit=False)
        product.save()
        # ok: python-flow-redirect
        return shortcuts.redirect(product)  # the model's get_absolute_url()
    # ruleid: python-flow-redirect
    return shortcuts.redirect(request.POST["back"])


class ProductEdit(UpdateView):
    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.object.name = request.POST["name"]
        self.object.save()
        # ok: python-flow-redirect
        return shortcuts.redirect(self.object)


def search_again(request, base):
    query = request.GET.get("q", "")
    # ok: python-flow-redirect
    return shortcuts.redirect(f"{base.get_absolute_url()}?q={query}#search")


def search_elsewhere(request, base):
    # ruleid: python-flow-redirect
    return shortcuts.redirect(f"{request.GET['to'].strip()}?q=1")


def _continue_to(req):
    # ruleid: python-flow-redirect
    return shortcuts.redirect(req.GET["next"])


def continue_view(request):
    return _continue_to(request)  # the helper reads request.GET: the view's request is the source


def category_saved(request):
    form = ProductForm(request.POST)
    form.save()
    # ok: python-flow-redirect
    return shortcuts.redirect(form.instance)


def page_query(request):
    # ok: python-flow-redirect
    return shortcuts.redirect(f"{reverse('page', args=[request.GET['id']])}?{request.GET.urlencode()}")


@app.route("/page-of")
def page_of():
    # ok: python-flow-redirect
    return redirect(url_for("page", name=request.args["name"]) + "?from=" + request.args["from"])



def page_by_name(request):
    url = reverse("page", kwargs={"slug": request.GET["slug"]})
    # ok: python-flow-redirect
    return shortcuts.redirect(f"{url}?{request.GET.urlencode()}")


def page_from_input(request):
    url = request.GET["base"]
    # ruleid: python-flow-redirect
    return shortcuts.redirect(f"{url}?{request.GET.urlencode()}")


@app.route("/mfa")
def mfa():
    next_url = request.form.get("next")
    if next_url is None or next_url != "internal" and not url_has_allowed_host_and_scheme(next_url, None):
        next_url = url_for("index")  # a failing check replaces the value
    # ok: python-flow-redirect
    return redirect(next_url)


@app.route("/mfa-either")
def mfa_either():
    next_url = request.form.get("next")
    if next_url != "internal" and next_url != request.form.get("other"):
        return redirect("/")
    # ruleid: python-flow-redirect
    return redirect(next_url)  # equal to the other field passes too
