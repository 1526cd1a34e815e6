package fixtures;

import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import org.apache.commons.codec.digest.DigestUtils;
import com.google.common.hash.Hashing;

class Crypto {
    byte[] sign(byte[] data) throws Exception {
        // ruleid: java-weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        // ruleid: java-weak-hash
        MessageDigest sha = MessageDigest.getInstance("SHA-1");
        // ruleid: java-weak-hash
        String hex = DigestUtils.sha1Hex(data);
        // ruleid: java-weak-hash
        long h = Hashing.md5().hashBytes(data).asLong();
        // ok: java-weak-hash
        MessageDigest good = MessageDigest.getInstance("SHA-256");
        // ok: java-weak-hash
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        // ok: java-weak-hash
        String strong = DigestUtils.sha256Hex(data);
        // ok: java-weak-hash
        Signature sig = Signature.getInstance("SHA256withRSA");
        return md.digest(data);
    }

    String etagFor(byte[] body) {
        // ok: java-weak-hash
        return DigestUtils.md5Hex(body);
    }

    void ciphers() throws Exception {
        // ruleid: java-weak-cipher
        Cipher des = Cipher.getInstance("DES/CBC/PKCS5Padding");
        // ruleid: java-weak-cipher
        Cipher triple = Cipher.getInstance("DESede");
        // ruleid: java-weak-cipher
        Cipher rc4 = Cipher.getInstance("RC4");
        // ruleid: java-weak-cipher
        KeyGenerator kg = KeyGenerator.getInstance("DES");
        // ok: java-weak-cipher
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        // ok: java-weak-cipher
        Cipher chacha = Cipher.getInstance("ChaCha20-Poly1305");
        // ok: java-weak-cipher
        Cipher desc = Cipher.getInstance(DESCRIPTOR);

        // ruleid: java-cipher-ecb-mode
        Cipher bare = Cipher.getInstance("AES");
        // ruleid: java-cipher-ecb-mode
        Cipher ecb = Cipher.getInstance("AES/ECB/PKCS5Padding");
        // ok: java-cipher-ecb-mode
        Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
        // ok: java-cipher-ecb-mode
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        // ok: java-cipher-ecb-mode
        Cipher wrap = Cipher.getInstance("AESWrap");
    }
}
