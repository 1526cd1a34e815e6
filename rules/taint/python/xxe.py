import defusedxml.ElementTree
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_xml():
    # ruleid: python-flow-xxe
    doc = etree.fromstring(request.data)
    # ok: python-flow-xxe
    safe = defusedxml.ElementTree.fromstring(request.data)
    # ok: python-flow-xxe
    local = etree.parse("/etc/app/schema.xml")
    return str(doc) + str(safe) + str(local)
