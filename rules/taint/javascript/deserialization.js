const serialize = require("node-serialize");
const express = require("express");

const app = express();
const TRUSTED = false;

function restore(blob) {
  // ruleid: js-flow-deserialization
  return serialize.unserialize(blob);
}

app.get("/profile", (req, res) => {
  const raw = Buffer.from(req.cookies.profile, "base64").toString();
  // ruleid: js-flow-deserialization
  const profile = serialize.unserialize(raw);
  // ok: js-flow-deserialization
  const data = JSON.parse(raw);
  // ok: js-flow-deserialization
  serialize.unserialize(serialize.serialize({ name: "guest" }));
  if (TRUSTED) {
    // ok: js-flow-deserialization
    serialize.unserialize(raw);
  }
  const n = Number(req.query.n);
  // ok: js-flow-deserialization
  serialize.unserialize(`{"n": ${n}}`);
  restore(req.body.state);
  res.json({ profile, data });
});
