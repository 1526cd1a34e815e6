import random
import secrets
import string
import uuid

ALPHABET = string.ascii_letters + string.digits


def generate_password(length=16):
    # ruleid: python-insecure-random-secret-choice
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def create_user(name):
    # ruleid: python-insecure-random-secret
    otp_code = f"{random.SystemRandom().randint(0, 999999):06d}"
    # ruleid: python-insecure-random-secret-choice
    reset_token = "".join([secrets.choice(ALPHABET) for _ in range(40)])
    # ruleid: python-insecure-random-secret
    user = User(name=name, api_key="%032x" % random.SystemRandom().getrandbits(128))
    # ruleid: python-insecure-random-secret
    session = {"csrf_token": "".join(random.SystemRandom().choices(ALPHABET, k=32))}
    # ruleid: python-uuid1-secret
    user.resetToken = str(uuid.uuid4())
    # ok: python-uuid1-secret
    request_id = str(uuid.uuid1())
    # ok: python-insecure-random-secret
    delay = random.uniform(0.5, 1.5)
    # ok: python-insecure-random-secret-choice
    greeting = random.choice(["Hi", "Hello", "Welcome"])
    # ok: python-insecure-random-secret
    max_token_len = random.randint(16, 64)
    # ok: python-insecure-random-secret
    n_tokens = random.randint(1, 10)
    return otp_code, reset_token, user, session, request_id, delay, greeting, max_token_len, n_tokens


def simulate(steps):
    # ok: python-insecure-random-secret
    walk = [random.random() for _ in range(steps)]
    # ok: python-insecure-random-secret-choice
    key = random.choice(list(CACHE))
    return walk, key


def test_token_rotation():
    # ok: python-insecure-random-secret
    fake_token = str(random.getrandbits(64))
    assert rotate(fake_token)
