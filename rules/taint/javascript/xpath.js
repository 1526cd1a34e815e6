const xpath = require("xpath");
const { DOMParser } = require("@xmldom/xmldom");
const express = require("express");
const escapeHtml = require("escape-html");

const app = express();
const doc = new DOMParser().parseFromString("<users/>", "text/xml");
const FIELDS = ["name", "email"];

app.get("/user", (req, res) => {
  const name = req.query.name;
  // ruleid: js-flow-xpath
  const nodes = xpath.select(`//user[name='${name}']`, doc);
  // ruleid: js-flow-xpath
  xpath.select1("//user[name='" + escapeHtml(name) + "']", doc);
  // ok: js-flow-xpath
  xpath.parse("//user[name=$name]").select({ node: doc, variables: { name } });
  const field = req.query.field;
  if (!FIELDS.includes(field)) {
    return res.status(400).end();
  }
  // ok: js-flow-xpath
  xpath.select(`//user/${field}`, doc);
  const id = parseInt(req.query.id, 10);
  // ok: js-flow-xpath
  xpath.select(`//user[@id=${id}]`, doc);
  res.json(nodes.length + byRole(req.query.role).length);
});

function byRole(role) {
  // ruleid: js-flow-xpath
  return xpath.select("//user[@role='" + role + "']", doc);
}
