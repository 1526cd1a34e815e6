def search(cur, name, ids, table, since, order):
    # ruleid: python-sql-formatted-value
    query = f"SELECT * FROM users WHERE name = '{name}'"
    # ruleid: python-sql-formatted-value
    sql = "INSERT INTO audit (actor, action) VALUES ('%s', '%s')" % (name, order.action)
    # ruleid: python-sql-formatted-value
    stmt = "UPDATE accounts SET plan = '{}' WHERE id = {}".format(order.plan, order.id)
    query = "SELECT * FROM events WHERE 1 = 1"
    if since:
        # ruleid: python-sql-formatted-value
        query += f" AND created_at > '{since}'"
    # ok: python-sql-formatted-value
    query = "SELECT * FROM users WHERE name = %s"
    # ok: python-sql-formatted-value
    query = f"SELECT * FROM {table} WHERE name = %s"
    # ok: python-sql-formatted-value
    query = f"SELECT * FROM users WHERE id IN ({placeholders})"
    # ok: python-sql-formatted-value
    query = f"SELECT * FROM users LIMIT {int(order.limit)} OFFSET {int(order.offset)}"
    # ok: python-sql-formatted-value
    query = f"SELECT * FROM users WHERE status = {ACTIVE}"
    # ok: python-sql-formatted-value
    message = f"Hello {name}, your order = {order.id}"
    # ok: python-sql-formatted-value
    query = f"SELECT {', '.join(order.columns)}, {order.extra} FROM events WHERE id = %s"
    # ok: python-sql-formatted-value
    query += " ORDER BY created_at"
    cur.execute(query, (name,))
