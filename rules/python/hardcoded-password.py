import os

import psycopg
import redis

# ruleid: python-hardcoded-password-string
SECRET_KEY = "django-insecure-4f9#k2!x0p"
# ok: python-hardcoded-password-string
SECRET_KEY_FALLBACKS = []
# ok: python-hardcoded-password-string
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ok: python-hardcoded-password-string
PASSWORD_RESET_URL = "/accounts/reset/"
# ok: python-hardcoded-password-string
API_KEY = "${API_KEY}"
# ok: python-hardcoded-password-string
db_password = ""
# ok: python-hardcoded-password-string
MASKED_PASSWORD = ":****"

DATABASES = {
    "default": {
        "USER": "app",
        # ruleid: python-hardcoded-password-string
        "PASSWORD": "S3cr3t!2024",
        # ok: python-hardcoded-password-string
        "HOST": "db.internal",
    }
}


def connect(host):
    # ruleid: python-hardcoded-password-argument
    conn = psycopg.connect(host=host, user="app", password="S3cr3t!2024")
    # ruleid: python-hardcoded-password-argument
    cache = redis.Redis(host=host, password="r3d1s-pass")
    # ok: python-hardcoded-password-argument
    conn = psycopg.connect(host=host, user="app", password=os.environ["DB_PASSWORD"])
    # ok: python-hardcoded-password-argument
    field = forms.CharField(label="password", widget=forms.PasswordInput)
    # ok: python-hardcoded-password-argument
    conn = psycopg.connect(host=host, password="")
    # ok: python-hardcoded-password-argument
    conn = psycopg.connect(host=host, password=f"{os.environ['PW']}")
    return conn, cache, field


# ruleid: python-hardcoded-password-default
def login(host, user="admin", password="admin123"):
    return connect(host)


# ok: python-hardcoded-password-default
def login_env(host, user, password=None, password_file="/run/secrets/db"):
    return connect(host)


def reset_test_user(self, cursor, parameters):
    # ok: python-hardcoded-password-string
    set_password = 'ALTER USER %(user)s IDENTIFIED BY "%(password)s"'
    # ok: python-hardcoded-password-string
    dsn_password = "{password}"
    # ok: python-hardcoded-password-string
    smtp_password = "${SMTP_PASSWORD}"
    # ruleid: python-hardcoded-password-string
    admin_password = "pa$$w0rd-2019!"
    self._execute_statements(cursor, [set_password], parameters)


def check(password, user):
    # ruleid: python-hardcoded-password-string
    if password == "letmein":
        return True
    # ok: python-hardcoded-password-string
    if user.password_algorithm == "argon2":
        return False
    return user.check_password(password)


def test_login(client):
    # ok: python-hardcoded-password-argument
    client.login(username="alice", password="correct horse")
