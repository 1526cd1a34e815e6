import sqlite3

from django.db import connection
from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")
ORDER_COLUMNS = ("name", "created")


@app.route("/users")
def users():
    name = request.args.get("name", "")
    cur = db.cursor()
    # ruleid: python-flow-sql
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    # ok: python-flow-sql
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    query = "SELECT * FROM users WHERE name = '%s'" % name
    # ruleid: python-flow-sql
    cur.execute(query)
    order = request.args.get("order", "name")
    if order not in ORDER_COLUMNS:
        order = "name"
    # ok: python-flow-sql
    cur.execute("SELECT * FROM users ORDER BY " + order)
    limit = int(request.args.get("limit", "10"))
    # ok: python-flow-sql
    cur.execute("SELECT * FROM users LIMIT %d" % limit)
    return "ok"


def find_user(request):
    user_id = request.GET["id"]
    with connection.cursor() as cursor:
        # ruleid: python-flow-sql
        cursor.execute("SELECT * FROM auth_user WHERE id = " + user_id)
        # ok: python-flow-sql
        cursor.execute("SELECT * FROM auth_user WHERE id = %s", [user_id])
    term = request.GET["q"]
    # ruleid: python-flow-sql
    return User.objects.raw("SELECT * FROM auth_user WHERE username LIKE '%%" + term + "%%'")


def lookup(client, request):
    order = PaymentRequest(request.GET["order"])
    # ok: python-flow-sql
    return client.execute(order)  # an SDK call, not a database cursor
