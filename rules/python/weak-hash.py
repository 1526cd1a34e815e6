import hashlib
import hmac


def sign(secret, payload, body, path, password, user):
    # ruleid: python-weak-hash
    signature = hashlib.md5(secret + payload).hexdigest()
    # ruleid: python-weak-hash
    digest = hashlib.sha1()
    # ok: python-weak-hash
    etag = hashlib.md5(body, usedforsecurity=False).hexdigest()
    # ok: python-weak-hash
    mac = hmac.new(secret, payload, hashlib.sha256).hexdigest()
    # ok: python-weak-hash
    checksum = hashlib.sha256(body).hexdigest()
    # ok: python-weak-hash
    digest = hashlib.sha1(path.encode(), usedforsecurity=False)

    # ruleid: python-weak-hash-new
    h = hashlib.new("md4", body)
    # ruleid: python-weak-hash-new
    h = hashlib.new('SHA1')
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


class RequestHandler:
    def compute_etag(self):
        # ok: python-weak-hash
        hasher = hashlib.sha1()
        for part in self._write_buffer:
            hasher.update(part)
        return '"%s"' % hasher.hexdigest()


class WebSocketProtocol:
    @staticmethod
    def compute_accept_value(key):
        # ok: python-weak-hash
        sha1 = hashlib.sha1()
        sha1.update(key)
        sha1.update(b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
        return base64.b64encode(sha1.digest())


def accept_header(key, MAGIC):
    # ok: python-weak-hash
    return base64.b64encode(hashlib.sha1(key + WEBSOCKET_GUID).digest())


class CachedLoader:
    def cache_key(self, template_name, skip):
        return "-".join([template_name, self.generate_hash(skip)])

    def generate_hash(self, values):
        # ok: python-weak-hash
        return hashlib.sha1("|".join(values).encode()).hexdigest()


def store(body, path):
    # ok: python-weak-hash
    cache_key = hashlib.md5(path.encode()).hexdigest()
    # ok: python-weak-hash
    checksum = hashlib.md5(body).hexdigest()
    return cache_key, checksum


def hash_pin(pin):
    # ruleid: python-weak-hash
    return hashlib.sha1(f"{pin} added salt".encode()).hexdigest()[:12]


def _lazy_sha1(string=b""):
    # ruleid: python-weak-hash
    return hashlib.sha1(string)


def accept_invite(user, password):
    # ok: python-weak-hash
    # ruleid: python-password-fast-hash
    user.pw = hashlib.md5(password.encode()).hexdigest()
