# Not a Django settings module (no INSTALLED_APPS, MIDDLEWARE, ...): a tool's own flag.
import logging

# ok: python-django-debug-true
DEBUG = True
# ok: python-django-insecure-cookie-setting
SESSION_COOKIE_SECURE = False

logging.basicConfig(level=logging.DEBUG if DEBUG else logging.INFO)
