package fixtures

import (
	"crypto/tls"
	"net/http"
)

func clients(insecure bool) []*http.Client {
	// ruleid: go-tls-insecure-skip-verify
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	cfg := &tls.Config{
		ServerName: "api.example.com",
		// ruleid: go-tls-insecure-skip-verify
		InsecureSkipVerify: true,
		// ruleid: go-tls-weak-version
		MinVersion: tls.VersionTLS10,
		CipherSuites: []uint16{
			tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
			// ruleid: go-tls-weak-cipher-suite
			tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
			// ruleid: go-tls-weak-cipher-suite
			tls.TLS_ECDHE_RSA_WITH_RC4_128_SHA,
			// ok: go-tls-weak-cipher-suite
			tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
		},
	}
	// ruleid: go-tls-insecure-skip-verify
	cfg.InsecureSkipVerify = true
	// ruleid: go-tls-weak-version
	cfg.MinVersion = tls.VersionSSL30

	// ok: go-tls-insecure-skip-verify
	safe := &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12}
	// ok: go-tls-insecure-skip-verify
	flagged := &tls.Config{InsecureSkipVerify: insecure}
	// ok: go-tls-weak-version
	modern := &tls.Config{MinVersion: tls.VersionTLS13}
	// ok: go-tls-weak-version
	capped := &tls.Config{MaxVersion: tls.VersionTLS12}
	// ok: go-tls-insecure-skip-verify
	opts := Options{SkipVerifyNote: true}
	return []*http.Client{{Transport: tr}, wrap(cfg), wrap(safe), wrap(flagged), wrap(modern), wrap(capped), wrapOpts(opts)}
}
