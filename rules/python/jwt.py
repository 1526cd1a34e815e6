import jwt
from jose import jwt as jose_jwt


def read_claims(token, key, public_key):
    # ruleid: python-jwt-verify-disabled
    claims = jwt.decode(token, options={"verify_signature": False})
    # ruleid: python-jwt-verify-disabled
    legacy = jwt.decode(token, key, verify=False)
    # ruleid: python-jwt-verify-disabled
    other = jose_jwt.decode(token, key, options={"verify_aud": False, "verify_signature": False})
    # ok: python-jwt-verify-disabled
    claims = jwt.decode(token, public_key, algorithms=["RS256"], options={"verify_aud": False})
    # ok: python-jwt-verify-disabled
    header = jwt.get_unverified_header(token)
    # ok: python-jwt-verify-disabled
    data = json.decode(token, verify=False)

    # ruleid: python-jwt-none-algorithm
    forged = jwt.encode({"sub": "42"}, None, algorithm="none")
    # ruleid: python-jwt-none-algorithm
    claims = jwt.decode(token, key, algorithms=["HS256", "none"])
    # ok: python-jwt-none-algorithm
    claims = jwt.decode(token, key, algorithms=["HS256"])
    # ok: python-jwt-none-algorithm
    signed = jwt.encode({"sub": "42"}, key, algorithm="HS256")
    return claims, legacy, other, header, data, forged, signed
