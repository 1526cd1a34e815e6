package main

import (
	"database/sql"
	"os"
	"testing"

	"golang.org/x/oauth2"
)

// ruleid: secret-generic-password-go
const dbPassword = "Tr0ub4dor&3x"

// ruleid: secret-generic-secret-go
var apiKey = "9f2c1e7b4d8a4f0c9e2b"

// ok: secret-generic-password-go
const passwordMinLength = "12"

// ok: secret-generic-password-go
const dbPasswordEnv = "DB_PASSWORD"

// ok: secret-generic-secret-go
var tokenURL = "https://oauth2.example.net/token"

// ok: secret-generic-secret-go
var secretName = "prod/db/creds-2"

type Config struct {
	User     string
	Password string
}

func connect() (*sql.DB, error) {
	// ruleid: secret-generic-password-go
	password := "S3cr3t!2024x"
	// ok: secret-generic-password-go
	password2 := os.Getenv("DB_PASSWORD")
	// ok: secret-generic-password-go
	password3 := "********"
	cfg := Config{
		User: "app",
		// ruleid: secret-generic-password-go
		Password: "Pa55w0rd!x",
	}
	// ok: secret-generic-password-go
	cfg2 := Config{User: "app", Password: password2}
	conf := &oauth2.Config{
		ClientID: "my-client",
		// ruleid: secret-generic-secret-go
		ClientSecret: `q8Zr2LmV7xNc4TyB1sKd6FhJ`,
	}
	headers := map[string]string{
		// ruleid: secret-generic-secret-go
		"X-Api-Key": "3f9a7c1e5b2d8f4a6c0e",
		// ok: secret-generic-secret-go
		"X-Api-Key-Name": "primary-2",
	}
	// ruleid: secret-generic-secret-go
	cfg.Token = "e1d2c3b4a5f6e7d8c9b0a1f2"
	// ruleid: secret-generic-password-go
	headers["password"] = "Adm1n#2024"
	// ruleid: secret-generic-password-go
	os.Setenv("PGPASSWORD", "Pa55w0rd!x")
	// ruleid: secret-generic-secret-go
	token := getEnv("API_TOKEN", "a9f8e7d6c5b4a3928171")
	// ok: secret-generic-secret-go
	token = getEnv("API_TOKEN", "")
	_, _, _, _, _ = password, password3, cfg2, conf, token
	return sql.Open("mysql", "app@/db")
}

func TestConnect(t *testing.T) {
	// ok: secret-generic-password-go
	cfg := Config{User: "app", Password: "Sup3r$ecret!"}
	_ = cfg
}
