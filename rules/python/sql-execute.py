import sqlite3

import pandas as pd

conn = sqlite3.connect("app.db")
cur = conn.cursor()


def find_user(email, uid, ids, table, order, term):
    # ruleid: python-sql-execute-fstring
    cur.execute(f"SELECT * FROM users WHERE email = '{email}'")
    # ruleid: python-sql-execute-fstring
    cur.execute("SELECT id, name FROM users "
                f"WHERE id = {uid} ORDER BY name")
    # ruleid: python-sql-execute-fstring
    users = User.objects.raw(f"SELECT * FROM app_user WHERE name = '{term}'")
    # ruleid: python-sql-execute-fstring
    frame = pd.read_sql(f"SELECT * FROM events WHERE kind = '{order.kind}'", conn)
    # ok: python-sql-execute-fstring
    cur.execute(f"SELECT 1")
    # ok: python-sql-execute-fstring
    cur.execute("SELECT * FROM users WHERE email = ?", (email,))
    # ok: python-sql-execute-fstring
    cur.execute(f"SELECT * FROM {USERS_TABLE} WHERE id = ?", (uid,))
    # ok: python-sql-execute-fstring
    cur.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)
    # ok: python-sql-execute-fstring
    cur.execute(f"SELECT * FROM users WHERE id IN ({', '.join('?' * len(ids))})", ids)
    # ok: python-sql-execute-fstring
    cur.execute(f"SELECT * FROM users LIMIT {int(order.limit)}")
    # ok: python-sql-execute-fstring
    executor.execute(f"job-{uid}")
    # ok: python-sql-execute-fstring, python-sql-execute-fstring-identifier
    cur.execute(f"SELECT * FROM {USERS_TABLE} WHERE name = ?", (term,))

    # ruleid: python-sql-execute-fstring-identifier
    cur.execute(f"SELECT * FROM {table} WHERE id = ?", (uid,))
    # ruleid: python-sql-execute-fstring-identifier
    cur.execute(f"SELECT * FROM events ORDER BY {order.column} DESC")
    # ruleid: python-sql-execute-fstring
    # ok: python-sql-execute-fstring-identifier
    cur.execute(f"SELECT * FROM users WHERE email = '{email}'")
    # ok: python-sql-execute-fstring-identifier
    cur.execute("SELECT * FROM events ORDER BY created_at")

    # ruleid: python-sql-execute-format
    cur.execute("DELETE FROM sessions WHERE user_id = {}".format(uid))
    # ruleid: python-sql-execute-formatted-identifier
    # ok: python-sql-execute-format
    cur.executemany("INSERT INTO {} (a, b) VALUES (?, ?)".format(table), rows)
    # ruleid: python-sql-execute-format
    cur.execute("UPDATE accounts SET plan = '{plan}' WHERE id = {uid}".format(plan=order.plan, uid=uid))
    # ok: python-sql-execute-format
    cur.execute("SELECT * FROM t WHERE id IN ({})".format(", ".join(["?"] * len(ids))), ids)
    # ok: python-sql-execute-format
    cur.execute("SELECT * FROM users WHERE id = ?", ("{}".format(uid),))
    # ok: python-sql-execute-format
    pool.execute("rebuild {}".format(table))

    # ruleid: python-sql-execute-percent
    cur.execute("SELECT * FROM orders WHERE customer = '%s'" % email)
    # ruleid: python-sql-execute-percent
    cur.execute("SELECT * FROM products WHERE name LIKE '%%%s%%'" % term)
    # ruleid: python-sql-execute-percent
    cur.execute("DELETE FROM carts WHERE owner = %(owner)s" % {"owner": order.owner})
    # ruleid: python-sql-execute-percent
    cur.execute("UPDATE %s SET status = '%s'" % (quote_name(table), order.status))
    # ruleid: python-sql-execute-percent
    cur.execute(("SELECT * FROM users "
                 "WHERE name = '%s'") % term)
    # html escaping is no SQL escaping
    # ruleid: python-sql-execute-percent
    cur.execute("UPDATE users SET bio = '%s'" % escape(term))
    # ok: python-sql-execute-percent
    cur.execute("UPDATE users SET bio = '%s'" % conn.escape_string(term))
    # ruleid: python-sql-execute-percent
    cur.execute("UPDATE users SET name = '%s' WHERE id = %d" % (term, uid))
    # ok: python-sql-execute-percent
    cur.execute("SELECT * FROM orders WHERE customer = %s", (email,))
    # ok: python-sql-execute-percent
    cur.execute("SELECT * FROM orders WHERE customer = %s AND total > %s", [email, 10])
    # ok: python-sql-execute-percent
    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ",".join("?" * len(ids)), ids)

    # ruleid: python-sql-execute-concat
    cur.execute("SELECT * FROM products WHERE name LIKE '%" + term + "%'")
    # ruleid: python-sql-execute-concat
    cur.execute(base_query + " ORDER BY " + order.column)
    # ok: python-sql-execute-concat
    cur.execute("SELECT * FROM products " + "WHERE name LIKE ?", (term,))
    # ok: python-sql-execute-concat
    cur.execute(BASE_QUERY + " WHERE name LIKE ?", (term,))
    # ok: python-sql-execute-concat
    cur.execute("SELECT * FROM products WHERE name LIKE ?", ("%" + term + "%",))
    return users, frame


class CacheTable:
    """Shapes from database backends and cache code: names are quoted, values are parameters."""

    def touch(self, connection, cursor, key, exp):
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        cursor.execute(
            "UPDATE %s SET %s = %%s WHERE %s = %%s"
            % (table, quote_name("expires"), quote_name("cache_key")),
            [exp, key],
        )
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        cursor.execute("DELETE FROM %s" % table)
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        cursor.execute("SELECT COUNT(*) FROM %s" % table)

    def introspect(self, cursor, table_name, index):
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        cursor.execute("PRAGMA table_xinfo(%s)" % self.connection.ops.quote_name(table_name))
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        cursor.execute("SELECT * FROM %s LIMIT 1" % self.connection.ops.quote_name(table_name))
        # ok: python-sql-execute-format, python-sql-execute-formatted-identifier
        cursor.execute(
            "SELECT * FROM {} WHERE ROWNUM < 2 AND {} > 0".format(
                self.connection.ops.quote_name(table_name), self.cache_bust_counter
            )
        )
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        cursor.execute(
            """
            SELECT REFERRING.`%s` FROM `%s` as REFERRING
            WHERE REFERRING.`%s` IS NOT NULL
            """
            % (index.column, table_name, index.column)
        )
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        cursor.execute("SELECT 1 FROM DUAL WHERE DUMMY %s" % self._operators["contains"], ["X"])

    def migrate(self, schema_editor, model, field, mapping):
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        schema_editor.execute("DROP EXTENSION IF EXISTS %s" % schema_editor.quote_name(self.name))
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        self.execute(
            "UPDATE %(table)s SET %(column)s = %%s"
            % {"table": self.quote_name(model._meta.db_table), "column": self.quote_name(field.column)},
            [self.effective_default(field)],
        )
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        self.execute(
            "INSERT INTO %s (%s) SELECT %s FROM %s"
            % (
                self.quote_name(model._meta.db_table),
                ", ".join(self.quote_name(x) for x in mapping),
                ", ".join(mapping.values()),
                self.quote_name("new__" + model._meta.db_table),
            )
        )
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        self.execute(
            "DECLARE i INTEGER; BEGIN SELECT COUNT(1) INTO i FROM USER_SEQUENCES "
            "WHERE SEQUENCE_NAME = '%(sq_name)s'; END;"
            % {"sq_name": self._sequence_name(model._meta.db_table)}
        )


def provision(cfg, eng, ident, cursor, level, setting_name):
    with eng.begin() as conn:
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        conn.exec_driver_sql("CREATE DATABASE %s CHARACTER SET utf8mb4" % ident)
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        conn.exec_driver_sql("create user %s identified by xe" % ident)
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        conn.exec_driver_sql("grant unlimited tablespace to %s" % (ident,))
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        cursor.execute("DROP DATABASE %(dbname)s" % cfg.test_db_params)
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        cursor.execute("ALTER SESSION SET CURRENT_SCHEMA=%s" % cfg.schema_name)
        # ok: python-sql-execute-percent, python-sql-execute-formatted-identifier
        cursor.execute("SHOW VARIABLES LIKE '%s'" % setting_name)
        # ok: python-sql-execute-fstring, python-sql-execute-fstring-identifier
        cursor.execute(f"ALTER SESSION SET ISOLATION_LEVEL={level}")
        # ok: python-sql-execute-fstring, python-sql-execute-fstring-identifier
        cursor.execute(f"PRAGMA read_uncommitted = {level}")
        # ok: python-sql-execute-fstring, python-sql-execute-fstring-identifier
        cursor.execute(f"pragma key={quote_identifier(cfg.passphrase)}")
        # ok: python-sql-execute-fstring, python-sql-execute-fstring-identifier
        conn.exec_driver_sql(f"drop synonym {cfg.test_schema}.{setting_name}")
        # ok: python-sql-execute-fstring, python-sql-execute-fstring-identifier
        conn.exec_driver_sql(f"DROP FULLTEXT CATALOG [{setting_name}]")
        # ruleid: python-sql-execute-fstring-identifier
        conn.exec_driver_sql(f"DROP TABLE {request.args['table']}")
        # ok: python-sql-execute-fstring-identifier
        cursor.execute(f"SELECT * FROM {quote_identifier(setting_name)} WHERE id = ?", (level,))


def report(cursor, table, sort, request):
    # ruleid: python-sql-execute-formatted-identifier
    cursor.execute("SELECT * FROM events ORDER BY %s" % request.GET["sort"])
    # ruleid: python-sql-execute-formatted-identifier
    cursor.execute("SELECT %s FROM %s" % (sort, table))
    # ruleid: python-sql-execute-formatted-identifier
    cursor.execute("SELECT * FROM {table} ORDER BY {col}".format(table=table, col=sort))
    # ok: python-sql-execute-formatted-identifier
    cursor.execute("SELECT * FROM events ORDER BY %s" % SORT_COLUMNS)
    # ok: python-sql-execute-formatted-identifier
    cursor.execute("SELECT * FROM %s ORDER BY created" % psycopg_sql.Identifier(table))
