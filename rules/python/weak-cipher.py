import os

from Crypto.Cipher import AES, ARC4, DES, DES3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt(key, iv, data, nonce):
    # ruleid: python-weak-cipher-pycryptodome
    c1 = DES.new(key, DES.MODE_CBC, iv)
    # ruleid: python-weak-cipher-pycryptodome
    c2 = ARC4.new(key)
    # ok: python-weak-cipher-pycryptodome
    c3 = AES.new(key, AES.MODE_GCM)
    # ok: python-weak-cipher-pycryptodome
    digest = DES3.adjust_key_parity(key)

    # ruleid: python-weak-cipher-cryptography
    c4 = Cipher(algorithms.TripleDES(key), modes.CBC(iv))
    # ruleid: python-weak-cipher-cryptography
    c5 = Cipher(algorithms.ARC4(key), mode=None)
    # ok: python-weak-cipher-cryptography
    c6 = Cipher(algorithms.AES(key), modes.GCM(nonce))
    # ok: python-weak-cipher-cryptography
    c7 = Cipher(algorithms.ChaCha20(key, nonce), mode=None)

    # ruleid: python-cipher-ecb-mode
    c8 = AES.new(key, AES.MODE_ECB)
    # ruleid: python-cipher-ecb-mode
    c9 = Cipher(algorithms.AES(key), modes.ECB())
    # ok: python-cipher-ecb-mode
    c10 = AES.new(key, AES.MODE_CBC, iv)
    # ok: python-cipher-ecb-mode
    c11 = Cipher(algorithms.AES(key), modes.CBC(iv))

    # ruleid: python-crypto-static-iv
    c12 = Cipher(algorithms.AES(key), modes.CBC(b"\x00" * 16))
    # ruleid: python-crypto-static-iv
    c13 = AES.new(key, AES.MODE_CBC, b"0123456789abcdef")
    # ruleid: python-crypto-static-iv
    c14 = AES.new(key, AES.MODE_GCM, nonce=b"fixednonce12")
    # ok: python-crypto-static-iv
    c15 = Cipher(algorithms.AES(key), modes.CBC(os.urandom(16)))
    # ok: python-crypto-static-iv
    c16 = AES.new(b"a literal key is another problem", AES.MODE_GCM)
    # ok: python-crypto-static-iv
    c17 = AES.new(key, AES.MODE_CBC, iv=os.urandom(16))
    return c1, c2, c3, digest, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17
