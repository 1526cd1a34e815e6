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
    # ruleid: python-sql-execute-format
    cur.executemany("INSERT INTO {} (a, b) VALUES (?, ?)".format(table), rows)
    # ok: python-sql-execute-format
    cur.execute("SELECT * FROM t WHERE id IN ({})".format(", ".join(["?"] * len(ids))), ids)
    # ok: python-sql-execute-format
    cur.execute("SELECT * FROM users WHERE id = ?", ("{}".format(uid),))
    # ok: python-sql-execute-format
    pool.execute("rebuild {}".format(table))

    # ruleid: python-sql-execute-percent
    cur.execute("SELECT * FROM orders WHERE customer = '%s'" % email)
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
