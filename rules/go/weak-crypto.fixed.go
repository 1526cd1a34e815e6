package fixtures

import (
	"crypto/des"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/rc4"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"fmt"
	"net/http"
)

func signBlob(blob []byte) string {
	// ruleid: go-weak-hash
	sum := md5.Sum(blob)
	// ruleid: go-weak-hash
	h := sha1.New()
	h.Write(blob)
	// ok: go-weak-hash
	mac := hmac.New(sha1.New, []byte("k"))
	// ok: go-weak-hash
	good := sha256.Sum256(blob)
	// ok: go-weak-hash
	other := md5sum.New()
	return fmt.Sprintf("%x%x%x%x%v", sum, h.Sum(nil), mac.Sum(nil), good, other)
}

func etagFor(w http.ResponseWriter, body []byte) {
	// ok: go-weak-hash
	w.Header().Set("ETag", fmt.Sprintf(`"%x"`, md5.Sum(body)))
}

func encrypt(key, msg []byte) {
	// ruleid: go-weak-cipher
	block, _ := des.NewCipher(key[:8])
	// ruleid: go-weak-cipher
	triple, _ := des.NewTripleDESCipher(key[:24])
	// ruleid: go-weak-cipher
	stream, _ := rc4.NewCipher(key)
	// ok: go-weak-cipher
	aesBlock, _ := aes.NewCipher(key)
	_, _, _, _ = block, triple, stream, aesBlock
}

func keys() {
	// ruleid: go-rsa-short-key
	weak, _ := rsa.GenerateKey(rand.Reader, 2048)
	// ruleid: go-rsa-short-key
	tiny, _ := rsa.GenerateKey(rand.Reader, 2048)
	// ok: go-rsa-short-key
	fine, _ := rsa.GenerateKey(rand.Reader, 2048)
	// ok: go-rsa-short-key
	big, _ := rsa.GenerateKey(rand.Reader, 4096)
	// ok: go-rsa-short-key
	cfgd, _ := rsa.GenerateKey(rand.Reader, bits)
	_, _, _, _, _ = weak, tiny, fine, big, cfgd
}
