from flask import Flask, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("users.xml")


@app.route("/user")
def user():
    name = request.args["name"]
    # ruleid: python-flow-xpath
    found = TREE.xpath(f"//user[@name='{name}']")
    # ok: python-flow-xpath
    same = TREE.xpath("//user[@name=$name]", name=name)
    return str(found) + str(same)
