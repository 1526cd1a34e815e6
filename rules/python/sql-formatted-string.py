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


def compile_select(self, select, cursor, table_info, connection, setting_name, qn):
    out_cols = []
    for _, (s_sql, s_params), alias in select:
        if alias:
            # ok: python-sql-formatted-value
            s_sql = "%s AS %s" % (s_sql, self.connection.ops.quote_name(alias))
        out_cols.append(s_sql)
    # ok: python-sql-formatted-value
    sql = "%s %s%s ON (%s)" % (self.join_type, qn(self.table_name), self.alias_str, self.on_clause)
    for line in table_info:
        # a LIKE pattern that is passed as a parameter below
        # ok: python-sql-formatted-value
        json_constraint_sql = '%%json_valid("%s")%%' % line[1]
        cursor.execute("SELECT sql FROM sqlite_master WHERE sql LIKE %s", [json_constraint_sql])
    # ok: python-sql-formatted-value
    sql = "SHOW VARIABLES LIKE '%s'" % setting_name
    # ok: python-sql-formatted-value
    query = "SELECT * FROM users WHERE id = %d" % self.user_id
    # ruleid: python-sql-formatted-value
    query = "SELECT * FROM users WHERE name LIKE '%%%s%%'" % self.term
    # ruleid: python-sql-formatted-value
    sql = 'DELETE FROM sessions WHERE token = %s' % self.token
    return out_cols, sql, query
