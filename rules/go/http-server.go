package fixtures

import (
	"log"
	"net/http"
)

func serve(mux *http.ServeMux, addr string) {
	// ruleid: go-http-listen-plaintext
	go http.ListenAndServe(":8080", mux)
	// ruleid: go-http-listen-plaintext
	log.Fatal(http.ListenAndServe("0.0.0.0:80", mux))
	// ok: go-http-listen-plaintext
	go http.ListenAndServe("127.0.0.1:6060", nil)
	// ok: go-http-listen-plaintext
	go http.ListenAndServe("localhost:9090", mux)
	// ok: go-http-listen-plaintext
	log.Fatal(http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", mux))
	// ok: go-http-listen-plaintext
	log.Fatal(http.ListenAndServe(addr, mux))
}

func login(w http.ResponseWriter, id string, cfg Config) {
	// ruleid: go-cookie-not-secure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: id, HttpOnly: true})
	// ruleid: go-cookie-not-secure
	http.SetCookie(w, &http.Cookie{Name: "csrf", Value: id, Secure: false})
	// ok: go-cookie-not-secure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: id, HttpOnly: true, Secure: true})
	// ok: go-cookie-not-secure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: id, Secure: cfg.HTTPS})
	// ok: go-cookie-not-secure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "", MaxAge: -1})
	// ok: go-cookie-not-secure
	c := Cookie{Name: "flavour"}
	_ = c
}
