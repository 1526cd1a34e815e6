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


def validate_domain_part(self, domain_part):
    literal_match = self.literal_regex.match(domain_part)
    if literal_match:
        ip_address = literal_match[1]
        try:
            validate_ipv46_address(ip_address)
            return True
        # ok: python-security-check-exception-ignored
        except ValidationError:
            pass
    return False


def is_valid_token(token, key):
    try:
        jwt.decode(token, key, algorithms=["HS256"])
    # ok: python-security-check-exception-ignored
    except jwt.InvalidTokenError:
        pass
    return False


def dump_argument(arg_model, arg_value):
    try:
        rebuilt = validate_argument(arg_model, arg_value.model_dump())
        if rebuilt == arg_value:
            return arg_value.model_dump()
    # ok: python-security-check-exception-ignored
    except Exception:
        pass
    return arg_value


def accept_webhook(public_key, signature, payload):
    try:
        public_key.verify(signature, payload)
    # ruleid: python-security-check-exception-ignored
    except InvalidSignature:
        pass
    return process(payload)
