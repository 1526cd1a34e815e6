const express = require('express');
const cookieParser = require('cookie-parser');
const serialize = require('node-serialize');

const app = express();
app.use(cookieParser());

app.get('/', (req, res) => {
  if (!req.cookies.profile) return res.redirect('/login');
  const raw = Buffer.from(req.cookies.profile, 'base64').toString();
  // ruleid: js-node-serialize-unserialize
  const profile = serialize.unserialize(raw);
  // ok: js-node-serialize-unserialize
  const data = JSON.parse(raw);
  // ok: js-node-serialize-unserialize
  const cookie = serialize.serialize({ name: data.name });
  res.send(`Hello ${profile.username} ${cookie}`);
});

function fromCache(entry) {
  // ruleid: js-node-serialize-unserialize
  return require('node-serialize').unserialize(entry);
}

module.exports = { app, fromCache };
