import jwt
from cryptography.exceptions import InvalidSignature


def webhook(payload, signature, public_key, token, key, items):
    try:
        public_key.verify(signature, payload)
    # ruleid: python-security-check-exception-ignored
    except InvalidSignature:
        pass
    try:
        claims = jwt.decode(token, key, algorithms=["HS256"])
    # ruleid: python-security-check-exception-ignored
    except Exception:
        pass
    for item in items:
        try:
            item.full_clean()
        # ruleid: python-security-check-exception-ignored
        except ValidationError:
            continue
    try:
        public_key.verify(signature, payload)
    # ok: python-security-check-exception-ignored
    except InvalidSignature:
        return 401
    try:
        cache.delete(token)
    # ok: python-security-check-exception-ignored
    except KeyError:
        pass
    try:
        validate(payload)
    # ok: python-security-check-exception-ignored
    except ValueError:
        log.warning("invalid payload")
        raise
    return claims
