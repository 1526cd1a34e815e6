package fixtures

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
)

type User struct{ ID int }

func lookup(ctx context.Context, db *sql.DB, x *sqlx.DB, name string, id int, order string) error {
	// ruleid: go-sql-sprintf
	rows, err := db.Query(fmt.Sprintf("SELECT id FROM users WHERE name = '%s'", name))
	// ruleid: go-sql-sprintf
	row := db.QueryRowContext(ctx, fmt.Sprintf(`SELECT id
		FROM users
		WHERE name = %q`, name))
	var u User
	// ruleid: go-sql-sprintf
	err = x.GetContext(ctx, &u, fmt.Sprintf("SELECT * FROM users ORDER BY %v", order))
	// ruleid: go-sql-concat
	_, err = db.Exec("DELETE FROM sessions WHERE user = '" + name + "'")
	// ruleid: go-sql-concat
	err = x.Select(&u, "SELECT * FROM users WHERE name LIKE '%"+strings.ToLower(name)+"%'")

	// ok: go-sql-sprintf
	rows, err = db.Query("SELECT id FROM users WHERE name = $1", name)
	// ok: go-sql-sprintf
	rows, err = db.Query(fmt.Sprintf("SELECT id FROM users WHERE id = %d", id))
	// ok: go-sql-sprintf
	rows, err = db.Query("SELECT id FROM users WHERE name LIKE $1", fmt.Sprintf("%s%%", name))
	// ok: go-sql-sprintf
	_, err = db.ExecContext(ctx, "UPDATE users SET bio = $1 WHERE id = $2", fmt.Sprintf("hello %s", name), id)
	// ok: go-sql-sprintf
	msg := fmt.Sprintf("select %s from the menu", name)
	// ok: go-sql-concat
	rows, err = db.Query("SELECT id, name " + "FROM users " + "WHERE active")
	// ok: go-sql-concat
	_, err = db.Exec("UPDATE users SET name = $1 WHERE id = $2", "Dr. "+name, id)
	// ok: go-sql-concat
	cache.Query("user:" + name)
	_, _, _ = rows, row, msg
	return err
}

func report(ctx context.Context, db *sql.DB, x *sqlx.DB, customer, table string) (int, error) {
	q := fmt.Sprintf("SELECT count(*) FROM orders WHERE customer = '%s'", customer)
	// ruleid: go-sql-built-query-variable
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	del := "DELETE FROM " + table + " WHERE customer = $1"
	// ruleid: go-sql-built-query-variable
	if _, err := db.Exec(del, customer); err != nil {
		return 0, err
	}
	var n int
	stmt := `SELECT count(*) FROM ` + table
	// ruleid: go-sql-built-query-variable
	if err := db.QueryRow(stmt).Scan(&n); err != nil {
		return 0, err
	}
	const safe = "SELECT count(*) FROM orders WHERE customer = $1"
	// ok: go-sql-built-query-variable
	err = db.QueryRow(safe, customer).Scan(&n)
	byID := fmt.Sprintf("SELECT count(*) FROM orders WHERE id = %d", n)
	// ok: go-sql-built-query-variable
	err = db.QueryRow(byID).Scan(&n)
	label := fmt.Sprintf("rows deleted from %s", customer)
	// ok: go-sql-built-query-variable
	_, err = db.Exec("INSERT INTO audit(label) VALUES ($1)", label)
	sel := "SELECT * FROM users WHERE name = '" + customer + "'"
	var u User
	// ruleid: go-sql-built-query-variable
	return n, x.GetContext(ctx, &u, sel)
}
