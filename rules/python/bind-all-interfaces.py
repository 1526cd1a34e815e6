import os
import socket
from http.server import HTTPServer, SimpleHTTPRequestHandler

import uvicorn

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# ruleid: python-bind-all-interfaces
sock.bind(("0.0.0.0", 9000))
# ruleid: python-bind-all-interfaces
sock.bind(("", 9001))
# ruleid: python-bind-all-interfaces
httpd = HTTPServer(("0.0.0.0", 8000), SimpleHTTPRequestHandler)
# ruleid: python-bind-all-interfaces
uvicorn.run("app:api", host="0.0.0.0", port=8080)
# ok: python-bind-all-interfaces
sock.bind(("127.0.0.1", 9000))
# ok: python-bind-all-interfaces
uvicorn.run("app:api", host=os.environ.get("BIND_ADDR", "127.0.0.1"), port=8080)
# ok: python-bind-all-interfaces
allowed = {"host": "0.0.0.0"}
# ok: python-bind-all-interfaces
print(", ".join(["a", "b"]))
