package store

import (
	"database/sql"
	"fmt"
	"os"

	"github.com/acme/pushsdk/client"
)

// ruleid: secret-go-dsn-password
const dsn = "agent:Zr8wq2Lm4Vx9@tcp(db.internal:3306)/agent?parseTime=true"

func Open(user, pass, host string) {
	// ok: secret-go-dsn-password
	sql.Open("mysql", fmt.Sprintf("%s:%s@tcp(%s)/agent", user, pass, host))
	// ok: secret-go-dsn-password
	sql.Open("mysql", "root:@tcp(127.0.0.1:3306)/agent_test")
	// ok: secret-go-dsn-password
	sql.Open("mysql", "user:password@tcp(localhost:3306)/dbname")
	// ok: secret-go-dsn-password
	sql.Open("mysql", os.Getenv("AGENT_DSN"))
}

// ruleid: secret-sdk-positional-key
var prod = client.New("q8ZtL2vXk9mP4rW7sN1cB6dF3hJ5gY0a")

// ok: secret-sdk-positional-key
var fromEnv = client.New(os.Getenv("PUSH_API_KEY"))

// ok: secret-sdk-positional-key
var named = client.New("orders-service-primary-east-1")
