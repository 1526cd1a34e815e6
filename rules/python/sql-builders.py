import sqlalchemy as sa
from django.db.models.expressions import RawSQL
from sqlalchemy import text


def report(session, name, team, title, qs, order, st):
    # ruleid: python-sqlalchemy-text-dynamic
    rows = session.execute(text(f"SELECT * FROM users WHERE name = '{name}'"))
    # ruleid: python-sqlalchemy-text-dynamic
    rows = session.execute(sa.text("DELETE FROM carts WHERE owner = '%s'" % name))
    # ruleid: python-sqlalchemy-text-dynamic
    stmt = text("SELECT * FROM events ORDER BY " + order.column)
    # ok: python-sqlalchemy-text-dynamic
    rows = session.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name})
    # ok: python-sqlalchemy-text-dynamic
    stmt = text(f"SELECT * FROM {AUDIT_TABLE} WHERE id = :id")
    # ok: python-sqlalchemy-text-dynamic
    st.text(f"Select a value for {name}")
    # ok: python-sqlalchemy-text-dynamic
    label = text(f"Hello {name}")

    # ruleid: python-django-rawsql-dynamic
    qs = qs.annotate(rank=RawSQL(f"SELECT rank FROM ranks WHERE team = '{team}'", []))
    # ruleid: python-django-rawsql-dynamic
    qs = qs.annotate(rank=RawSQL("SELECT rank FROM ranks WHERE team = '%s'" % team, ()))
    # ok: python-django-rawsql-dynamic
    qs = qs.annotate(rank=RawSQL("SELECT rank FROM ranks WHERE team = %s", (team,)))

    # ruleid: python-django-extra-dynamic
    qs = qs.extra(where=[f"headline = '{title}'"])
    # ruleid: python-django-extra-dynamic
    qs = qs.extra(select={"is_recent": "pub_date > '%s'" % order.since})
    # ok: python-django-extra-dynamic
    qs = qs.extra(where=["headline = %s"], params=[title])
    # ok: python-django-extra-dynamic
    qs = qs.extra(select={"is_recent": "pub_date > %s"}, select_params=(order.since,))
    # ok: python-django-extra-dynamic
    data = serializer.extra(where=f"{title}")
    return rows, stmt, qs, label, data


def compiler_shapes(self, conn, table, col, innerq, extension, descending):
    # an ORDER BY from extra(order_by=...), quoted; RawSQL's params list carries the values
    # ok: python-django-rawsql-dynamic
    order = RawSQL("%s.%s" % (self.quote_name_unless_alias(table), col), [])
    sql, params = innerq.get_compiler(connection=self.connection).as_sql()
    # ok: python-django-rawsql-dynamic
    innerq = RawSQL("SELECT * FROM (%s) subquery" % sql, params)
    # ruleid: python-django-rawsql-dynamic
    rank = RawSQL("SELECT rank FROM ranks WHERE team = %s" % self.team, ())
    # ok: python-sqlalchemy-text-dynamic
    conn.execute(text(f"CREATE EXTENSION IF NOT EXISTS {extension}"))
    # ok: python-sqlalchemy-text-dynamic
    conn.execute(text(f"SELECT * FROM {conn.dialect.identifier_preparer.quote_identifier(table)} WHERE id = :id"))
    # ruleid: python-sqlalchemy-text-dynamic
    conn.execute(text(f"DROP TABLE {request.args['table']}"))
    # ruleid: python-sqlalchemy-text-dynamic
    conn.execute(text("SELECT * FROM users WHERE name = '{}'".format(col)))
    # ok: python-sqlalchemy-text-dynamic
    conn.execute(text("SELECT {} FROM users WHERE name = :name".format(", ".join(COLUMNS))), {"name": col})
    # ok: python-django-extra-dynamic
    qs = Entry.objects.extra(where=["%s.%s IS NOT NULL" % (qn(table), qn(col))])
    return order, innerq, rank, qs
