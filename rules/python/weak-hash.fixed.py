import hashlib
import hmac


def sign(secret, payload, body, path, password, user):
    # ruleid: python-weak-hash
    signature = hashlib.sha256(secret + payload).hexdigest()
    # ruleid: python-weak-hash
    digest = hashlib.sha256()
    # ok: python-weak-hash
    etag = hashlib.md5(body, usedforsecurity=False).hexdigest()
    # ok: python-weak-hash
    mac = hmac.new(secret, payload, hashlib.sha256).hexdigest()
    # ok: python-weak-hash
    checksum = hashlib.sha256(body).hexdigest()
    # ok: python-weak-hash
    digest = hashlib.sha1(path.encode(), usedforsecurity=False)

    # ruleid: python-weak-hash-new
    h = hashlib.new("sha256", body)
    # ruleid: python-weak-hash-new
    h = hashlib.new('sha256')
    # ok: python-weak-hash-new
    h = hashlib.new("sha256", body)
    # ok: python-weak-hash-new
    h = hashlib.new("md5", body, usedforsecurity=False)
    # ok: python-weak-hash-new
    h = hashlib.new("sha512_256")

    # ruleid: python-password-fast-hash
    user.pw_hash = hashlib.sha256(password.encode()).hexdigest()
    # ruleid: python-password-fast-hash
    legacy = hashlib.md5(user.salt + user.new_password).hexdigest()
    # ok: python-password-fast-hash
    derived = hashlib.pbkdf2_hmac("sha256", password.encode(), user.salt, 600_000)
    # ok: python-password-fast-hash
    derived = hashlib.scrypt(password.encode(), salt=user.salt, n=2**14, r=8, p=1)
    # ok: python-password-fast-hash
    token_hash = hashlib.sha256(user.reset_token.encode()).hexdigest()
    return signature, digest, etag, mac, checksum, h, legacy, derived, token_hash
