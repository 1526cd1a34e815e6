const express = require('express');
const mysql = require('mysql2');
const { Pool } = require('pg');
const knex = require('knex')({ client: 'pg' });
const Database = require('better-sqlite3');

const pool = new Pool();
const conn = mysql.createConnection({ host: 'db' });
const sqlite = new Database('app.db');
const USERS_TABLE = 'users';
const SORT_COLUMNS = ['name', 'created_at'];
const router = express.Router();

router.get('/users', async (req, res) => {
  // ruleid: js-sql-template-injection
  const { rows } = await pool.query(`SELECT * FROM users WHERE email = '${req.query.email}'`);
  // ruleid: js-sql-concat-injection
  conn.query('SELECT * FROM orders WHERE user_id = ' + req.params.id, (err, orders) => {
    res.json({ rows, orders });
  });
});

router.get('/search', async (req, res) => {
  // ruleid: js-sql-template-injection
  const rows = await knex.select('*').from('products').whereRaw(`name LIKE '%${req.query.q}%'`);
  // ruleid: js-sql-template-injection
  const stmt = sqlite.prepare(`SELECT * FROM notes WHERE owner = ${req.user.id}`);
  // ruleid: js-sql-concat-injection
  const sorted = await knex.raw('SELECT * FROM products ORDER BY ' + req.query.sort);
  // ok: js-sql-template-injection, js-sql-concat-injection
  const safe = await pool.query('SELECT * FROM users WHERE email = $1', [req.query.email]);
  // ok: js-sql-template-injection, js-sql-concat-injection
  const all = await pool.query(`SELECT id, name FROM users ORDER BY name`);
  // ok: js-sql-template-injection, js-sql-concat-injection
  const counted = await pool.query(`SELECT count(*) FROM ${USERS_TABLE}`);
  // ok: js-sql-template-injection
  const ordered = await pool.query(`SELECT * FROM users ORDER BY ${SORT_COLUMNS[0]}`);
  // ruleid: js-sql-template-injection
  const picked = await pool.query(`SELECT * FROM users ORDER BY ${SORT_COLUMNS[req.query.col]}`);
  const ids = req.body.ids;
  // ok: js-sql-template-injection
  const many = await conn.promise().query(`SELECT * FROM users WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
  // ok: js-sql-template-injection
  const limited = await pool.query(`SELECT * FROM events LIMIT ${Number(req.query.limit)}`);
  // ok: js-sql-concat-injection
  const escaped = conn.query('SELECT * FROM users WHERE name = ' + mysql.escape(req.query.name));
  // ok: js-sql-concat-injection
  const constant = await pool.query('SELECT * FROM ' + USERS_TABLE + ' WHERE active');
  // ok: js-sql-template-injection
  const page = await fetch(`/api/items?query=${req.query.q}`).then((r) => r.json());
  // ok: js-sql-template-injection
  const cached = cache.get(`user:${req.user.id}`);
  // ok: js-sql-template-injection
  const gql = await client.query(`{ user(id: "${req.query.id}") { name } }`);
  res.json({ rows, stmt, sorted, safe, all, counted, ordered, picked, many, limited, escaped, constant, page, cached, gql });
});

router.get('/report', async (req, res) => {
  // ruleid: js-sql-string-interpolated-variable
  let sql = `SELECT * FROM products WHERE category = '${req.query.cat}'`;
  if (req.query.max) {
    // ruleid: js-sql-string-interpolated-variable
    sql += ` AND price <= ${req.query.max}`;
  }
  // ok: js-sql-string-interpolated-variable
  let sql2 = 'SELECT * FROM products WHERE category = ?';
  const params = [req.query.cat];
  if (req.query.max) {
    // ok: js-sql-string-interpolated-variable
    sql2 += ' AND price <= ?';
    params.push(req.query.max);
  }
  // ruleid: js-sql-string-interpolated-variable
  const del = 'DELETE FROM sessions WHERE token = "' + req.cookies.token + '"';
  // ok: js-sql-string-interpolated-variable
  const message = `Select a file from ${req.query.dir} to continue`;
  // ok: js-sql-string-interpolated-variable
  const url = `https://api.example.com/select?from=${req.query.from}`;
  // ok: js-sql-string-interpolated-variable
  const countSql = `SELECT count(*) FROM ${USERS_TABLE} WHERE active = 1`;
  const rows = await sqlite.prepare(sql2).all(...params);
  res.json({ rows, sql, del, message, url, countSql });
});

module.exports = router;
