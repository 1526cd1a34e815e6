package fixtures

import (
	"crypto/rand"
	"encoding/hex"
	"math/big"
)

func newAPIKey() (string, error) {
	key := make([]byte, 32)
	// ok: go-math-rand-read
	if _, err := rand.Read(key); err != nil {
		return "", err
	}
	return hex.EncodeToString(key), nil
}

func resetToken() (*big.Int, error) {
	// ok: go-math-rand-secret
	return rand.Int(rand.Reader, big.NewInt(1<<62))
}
