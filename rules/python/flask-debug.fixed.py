import os

from flask import Flask

app = Flask(__name__)
# ruleid: python-flask-debug-config
app.config["DEBUG"] = False
# ruleid: python-flask-debug-config
app.debug = False
# ok: python-flask-debug-config
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
# ok: python-flask-debug-config
app.config["TESTING"] = True
# ok: python-flask-debug-config
app.debug = False

if __name__ == "__main__":
    # ruleid: python-flask-debug-run
    app.run(host="127.0.0.1", port=5000, debug=False)
    # ok: python-flask-debug-run
    app.run(debug=False)
    # ok: python-flask-debug-run
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
    # ok: python-flask-debug-run
    pipeline.run(verbose=True)
