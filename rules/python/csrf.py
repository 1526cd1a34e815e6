from django.views.decorators import csrf
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from flask import Flask

app = Flask(__name__)


# ruleid: python-django-csrf-exempt
@csrf_exempt
def transfer(request):
    return do_transfer(request.POST)


# ruleid: python-django-csrf-exempt
@csrf.csrf_exempt
def settings_view(request):
    return save(request.POST)


# ok: python-django-csrf-exempt
@csrf_protect
def profile(request):
    return save(request.POST)


# ruleid: python-django-csrf-exempt
@method_decorator(csrf_exempt, name="dispatch")
class HookView(View):
    pass


# ok: python-django-csrf-exempt
@method_decorator(login_required, name="dispatch")
class AccountView(View):
    pass


urlpatterns = [
    # ruleid: python-django-csrf-exempt
    path("hook/", csrf_exempt(WebhookView.as_view())),
    # ok: python-django-csrf-exempt
    path("home/", HomeView.as_view()),
]

# ruleid: python-flask-wtf-csrf-disabled
app.config["WTF_CSRF_ENABLED"] = False
# ok: python-flask-wtf-csrf-disabled
app.config["WTF_CSRF_ENABLED"] = True


class ProductionConfig:
    # ruleid: python-flask-wtf-csrf-disabled
    WTF_CSRF_ENABLED = False


class TestingConfig:
    # ok: python-flask-wtf-csrf-disabled
    WTF_CSRF_ENABLED = False
