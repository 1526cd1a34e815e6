import os

import psycopg
import requests
from django import forms

# ruleid: secret-generic-password-python
DB_PASSWORD = "Tr0ub4dor&3x"
# ruleid: secret-generic-password-python
smtpPass = 'mX9!fq2Lw'
# ruleid: secret-generic-password-python
ldap_bind_pwd: str = "9vK#p2Rt"
# ruleid: secret-generic-secret-python
SECRET_KEY = "django-insecure-4f9#k2!x0p@zq8w"
# ruleid: secret-generic-secret-python
client_secret = "q8Zr2LmV7xNc4TyB1sKd6FhJ"
# ruleid: secret-generic-secret-python
STRIPE_WEBHOOK_TOKEN = "wh7s2k9d0f3j5l8a1q4e6r"
# ruleid: secret-generic-secret-python
auth = "f1e2d3c4b5a6978812345abc"
# ruleid: secret-generic-secret-python
JWT_KEY = "4b9c2a6f8e3d5b0c7d1e"

# ok: secret-generic-password-python
DB_PASSWORD_FILE = "/run/secrets/db_password"
# ok: secret-generic-password-python
PASSWORD_MIN_LENGTH = "12"
# ok: secret-generic-password-python
password_field = "Tr0ub4dor&3x"
# ok: secret-generic-password-python
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ok: secret-generic-password-python
db_password = ""
# ok: secret-generic-password-python
db_password = "abc12"
# ok: secret-generic-password-python
DB_PASSWORD = "${DB_PASSWORD}"
# ok: secret-generic-password-python
DB_PASSWORD = "<your-db-password>"
# ok: secret-generic-password-python
DB_PASSWORD = "changeme"
# ok: secret-generic-password-python
DB_PASSWORD = "********"
# ok: secret-generic-password-python
DB_PASSWORD = "{{ db_password }}"
# ok: secret-generic-password-python
ADMIN_PASSWORD = "example-password-1"
# ok: secret-generic-password-python
password_prompt = "Enter your password"
# ok: secret-generic-password-python
password = "Enter your password:"
# ok: secret-generic-password-python
PASSWORD_ENV = "DB_PASSWORD"
# ok: secret-generic-password-python
password = "DB_PASSWORD"
# ok: secret-generic-password-python
password = "password_confirmation"
# ok: secret-generic-password-python
password = "Passwort"
# ok: secret-generic-password-python
FORGOT_PASSWORD = "forgot-pw-2"
# ok: secret-generic-password-python
first_pass = "inline2x"
# ok: secret-generic-password-python
password = f"{prefix}-Xy9!"
# ok: secret-generic-password-python
password = "vault:secret/data/db#password"
# ok: secret-generic-password-python
password = "$2b$12$KIXQJXq1yJ8vN0u4p9Sx3uJ6k"
# ok: secret-generic-secret-python
token_url = "https://auth.example.net/oauth/token"
# ok: secret-generic-secret-python
secret_name = "prod/db/credentials-2"
# ok: secret-generic-secret-python
key_id = "a1b2c3d4e5f6a7b8"
# ok: secret-generic-secret-python
token_type = "Bearer"
# ok: secret-generic-secret-python
auth_header_name = "X-Api-Key2"
# ok: secret-generic-secret-python
next_page_token = "CAEQAhoGCAEQ7gQ"
# ok: secret-generic-secret-python
csrf_token = "x7Hq2LmV9xNc4TyB"
# ok: secret-generic-secret-python
API_KEY = "API_KEY"
# ok: secret-generic-secret-python
api_key = "oauth2-token-v2"
# ok: secret-generic-secret-python
client_secret = "supersecretvalue"
# ok: secret-generic-secret-python
SECRET_KEY = "fake-key-for-tests-0001"
# ok: secret-generic-secret-python
private_key = "keys/service-account-1.pem"
# ok: secret-generic-secret-python
api_key = "xxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secret-generic-secret-python
github_token = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"
# ok: secret-generic-secret-python
api_version = "2024-01-01"
# ok: secret-generic-secret-python
aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY8q2Lm4Vx9z"
# ok: secret-generic-secret-python
credentials = "include"
# ok: secret-generic-secret-python
auth = "oauth2"
# ok: secret-generic-secret-python
PRIVATE_KEY_PATH = "keys/id_rsa2"
# ok: secret-generic-password-python
DB_PASSWORD_VAR = "DB_PASSWORD"
# ok: secret-generic-password-python
password = "%DB_PASSWORD%"
# ok: secret-generic-secret-python
api_key = "dummy-key-123"
# ok: secret-generic-secret-python
volume_secret = "V1SecretProjection"
# ok: secret-generic-secret-python
output_token = "Jobs[-1].JobId"
# ok: secret-generic-password-python
SMTP_PASSWORD = "abc123"
# ok: secret-generic-password-python
PASSWORD = "##invalid-password##"
# ok: secret-generic-password-python
password = "BotoTest"
# ok: secret-generic-password-python
password = "pbkdf2_sha256$600000$Xq1z$f6Zbpnx1L5dPze8m0itBaHMDyZ"

settings = {
    # ruleid: secret-generic-password-python
    "PASSWORD": "S3cr3t!2024x",
    # ok: secret-generic-password-python
    "PASSWORD_RESET_TIMEOUT": "3600s1",
    # ruleid: secret-generic-secret-python
    "api-key": "7d1e4b9c2a6f8e3d5b0c",
    # ok: secret-generic-secret-python
    "api_key_header": "Authorization1",
}

data = {}
# ruleid: secret-generic-password-python
data["password"] = "Pa55w0rd!x"
# ok: secret-generic-password-python
data["password"] = user_supplied
# ruleid: secret-generic-password-python
os.environ["PGPASSWORD"] = "Pa55w0rd!x"


class Settings:
    # ruleid: secret-generic-secret-python
    signing_key = "b8e2f4a6c1d3e5f7a9b0c2d4e6f8a1b3"

    def __init__(self):
        # ruleid: secret-generic-password-python
        self.admin_password = "Adm1n#2024"
        # ok: secret-generic-password-python
        self.password_hash = "Adm1n#2024"
        # ok: secret-generic-password-python
        self.password = os.getenv("ADMIN_PASSWORD")


def connect(host, user="app",
            # ruleid: secret-generic-password-python
            password="d3f4ult!Pw"):
    # ruleid: secret-generic-password-python
    conn = psycopg.connect(host=host, user="app", password="S3cr3t!2024")
    # ok: secret-generic-password-python
    conn = psycopg.connect(host=host, user="app", password=os.environ["DB_PASSWORD"])
    # ok: secret-generic-password-python
    field = forms.CharField(label="password", widget=forms.PasswordInput)
    # ruleid: secret-generic-secret-python
    r = requests.get(URL, headers={"X-Api-Key": "3f9a7c1e5b2d8f4a6c0e"})
    # ruleid: secret-generic-password-python
    pw = os.getenv("DB_PASSWORD", "fallb4ck!pw")
    # ok: secret-generic-password-python
    pw = os.getenv("DB_PASSWORD", "")
    # ruleid: secret-generic-secret-python
    tok = os.environ.get("API_TOKEN") or "a9f8e7d6c5b4a3928171"
    # ok: secret-generic-secret-python
    tok = os.environ.get("API_TOKEN") or None
    return conn, field, r, pw, tok


def test_login(client):
    # ok: secret-generic-password-python
    client.login(username="alice", password="Sup3r$ecret!")


class TestApi:
    def setup_method(self):
        # ok: secret-generic-secret-python
        self.api_key = "0a1b2c3d4e5f6a7b8c9d"
