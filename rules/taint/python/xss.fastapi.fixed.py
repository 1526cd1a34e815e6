import html
from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/echo")
async def echo(message: str = Query(default="")):
    # ok: python-flow-xss
    return message


@app.get("/page")
async def page(name: str = Query(default="")):
    # ruleid: python-flow-xss
    return HTMLResponse("<h1>" + html.escape(name) + "</h1>")
