"""
Default settings, overridden by the project's settings module (modelled on
django/conf/global_settings.py: every core setting is declared empty).
"""


def gettext_noop(s):
    return s


DEBUG = False
ALLOWED_HOSTS = []
DATABASES = {}
INSTALLED_APPS = []
SECRET_KEY = ""
WSGI_APPLICATION = None
MIDDLEWARE = []

LANGUAGE_COOKIE_NAME = "django_language"
# ok: python-django-insecure-cookie-setting
LANGUAGE_COOKIE_SECURE = False

SESSION_COOKIE_NAME = "sessionid"
# ok: python-django-insecure-cookie-setting
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_HTTPONLY = True

CSRF_COOKIE_NAME = "csrftoken"
# ok: python-django-insecure-cookie-setting
CSRF_COOKIE_SECURE = False
