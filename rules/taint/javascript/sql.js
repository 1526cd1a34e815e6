const mysql = require("mysql2");
const express = require("express");
const escapeHtml = require("escape-html");

const app = express();
const db = mysql.createPool({ host: "localhost" });
const SORTS = ["name", "created"];
const LEGACY = false;

app.get("/users", (req, res) => {
  const name = req.query.name;
  // ruleid: js-flow-sql
  db.query(`SELECT * FROM users WHERE name = '${name}'`, (err, rows) => res.json(rows));
  // ok: js-flow-sql
  db.query("SELECT * FROM users WHERE name = ?", [name]);
  // ok: js-flow-sql
  db.query("SELECT * FROM users WHERE name = " + db.escape(name));
  // ruleid: js-flow-sql
  db.execute("SELECT * FROM users WHERE name = '" + escapeHtml(name) + "'");
  const sort = req.query.sort;
  if (!SORTS.includes(sort)) {
    return res.status(400).end();
  }
  // ok: js-flow-sql
  db.query(`SELECT * FROM users ORDER BY ${sort}`);
  if (LEGACY) {
    // ok: js-flow-sql
    db.query("SELECT * FROM users WHERE name = '" + name + "'");
  }
  const id = parseInt(req.query.id, 10);
  // ok: js-flow-sql
  db.query(`SELECT * FROM users WHERE id = ${id}`);
});

function findByEmail(conn, email) {
  // ruleid: js-flow-sql
  return conn.query("SELECT * FROM users WHERE email = '" + email + "'");
}

app.post("/login", async (req, res) => {
  const { email } = req.body;
  const q = { text: "SELECT 1", where: email };
  // ok: js-flow-sql
  await db.query(q.text);
  // ruleid: js-flow-sql
  await db.query("SELECT * FROM t WHERE x = " + q.where);
  let sql = "SELECT * FROM users WHERE email = '" + email + "'";
  sql = "SELECT * FROM users";
  // ok: js-flow-sql
  await db.query(sql);
  res.json(await findByEmail(db, email));
});
