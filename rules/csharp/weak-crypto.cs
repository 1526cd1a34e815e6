using System;
using System.Security.Cryptography;
using System.Text;

public class Crypto
{
    public byte[] Sign(byte[] data)
    {
        // ruleid: csharp-weak-hash
        using var md5 = MD5.Create();
        // ruleid: csharp-weak-hash
        byte[] digest = SHA1.HashData(data);
        // ruleid: csharp-weak-hash
        var legacy = new MD5CryptoServiceProvider();
        // ruleid: csharp-weak-hash
        var byName = HashAlgorithm.Create("SHA1");
        // ok: csharp-weak-hash
        using var sha = SHA256.Create();
        // ok: csharp-weak-hash
        byte[] good = SHA512.HashData(data);
        // ok: csharp-weak-hash
        var hmac = new HMACSHA256(key);
        return md5.ComputeHash(data);
    }

    public string ComputeETag(byte[] body)
    {
        // ok: csharp-weak-hash
        return Convert.ToHexString(MD5.HashData(body));
    }

    public void Ciphers(byte[] key)
    {
        // ruleid: csharp-weak-cipher
        using var des = DES.Create();
        // ruleid: csharp-weak-cipher
        var triple = new TripleDESCryptoServiceProvider();
        // ruleid: csharp-weak-cipher
        using var rc2 = RC2.Create();
        // ok: csharp-weak-cipher
        using var aes = Aes.Create();
        // ok: csharp-weak-cipher
        using var gcm = new AesGcm(key, 16);

        // ruleid: csharp-cipher-ecb-mode
        aes.Mode = CipherMode.ECB;
        // ruleid: csharp-cipher-ecb-mode
        byte[] ct = aes.EncryptEcb(key, PaddingMode.PKCS7);
        // ok: csharp-cipher-ecb-mode
        aes.Mode = CipherMode.CBC;
        // ok: csharp-cipher-ecb-mode
        byte[] cbc = aes.EncryptCbc(key, iv);
        // ok: csharp-cipher-ecb-mode
        if (aes.Mode == CipherMode.ECB) throw new CryptographicException("ECB is not allowed");
    }
}
