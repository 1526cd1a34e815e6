const ldap = require("ldapjs");
const ldapEscape = require("ldap-escape");
const express = require("express");
const escapeHtml = require("escape-html");

const app = express();
const client = ldap.createClient({ url: "ldap://localhost" });
const BASE = "ou=people,dc=example,dc=com";

app.post("/login", (req, res) => {
  const user = req.body.user;
  // ruleid: js-flow-ldap
  client.search(BASE, { filter: `(uid=${user})`, scope: "sub" }, (err, r) => res.end());
  // ok: js-flow-ldap
  client.search(BASE, { filter: ldapEscape.filter`(uid=${user})`, scope: "sub" });
  // ruleid: js-flow-ldap
  client.search(BASE, { filter: "(uid=" + escapeHtml(user) + ")" });
  // ok: js-flow-ldap
  client.search(BASE, { filter: "(objectClass=person)" });
  if (!/^[a-z0-9]+$/.test(user)) {
    return res.status(400).end();
  }
  // ok: js-flow-ldap
  client.search(BASE, { filter: `(uid=${user})` });
  // ok: js-flow-ldap
  const found = user.search(/admin/);
  lookup(req.body.mail);
  res.end();
});

function lookup(mail) {
  // ruleid: js-flow-ldap
  client.search(BASE, { filter: "(mail=" + mail + ")" });
}
