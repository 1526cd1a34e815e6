import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

# ruleid: python-django-debug-true
DEBUG = False

ALLOWED_HOSTS = ["app.example.com"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.sessions",
]

# ruleid: python-django-insecure-cookie-setting
SESSION_COOKIE_SECURE = True
# ruleid: python-django-insecure-cookie-setting
CSRF_COOKIE_SECURE = True
# ok: python-django-insecure-cookie-setting
SESSION_COOKIE_HTTPONLY = True
# ok: python-django-insecure-cookie-setting
CSRF_COOKIE_HTTPONLY = False


def debug_toolbar_enabled(request):
    # ok: python-django-debug-true
    DEBUG = True
    return DEBUG and request.user.is_staff


# ok: python-django-debug-true
TEMPLATE_DEBUG = True
