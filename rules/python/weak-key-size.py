import rsa as pyrsa
from Crypto.PublicKey import DSA, RSA
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa

# ruleid: python-weak-rsa-dsa-key-size
key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
# ruleid: python-weak-rsa-dsa-key-size
dkey = dsa.generate_private_key(key_size=1024)
# ruleid: python-weak-rsa-dsa-key-size
legacy = RSA.generate(512)
# ok: python-weak-rsa-dsa-key-size
key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
# ok: python-weak-rsa-dsa-key-size
strong = RSA.generate(4096)
# ok: python-weak-rsa-dsa-key-size
pub, priv = pyrsa.newkeys(3072)

# ruleid: python-weak-ec-curve
eckey = ec.generate_private_key(ec.SECP192R1())
# ok: python-weak-ec-curve
eckey = ec.generate_private_key(ec.SECP256R1())
