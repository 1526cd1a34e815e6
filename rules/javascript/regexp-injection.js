const express = require('express');
const escapeStringRegexp = require('escape-string-regexp');
const _ = require('lodash');

const router = express.Router();

router.get('/search', async (req, res) => {
  // ruleid: js-regexp-from-request
  const re = new RegExp(req.query.q, 'i');
  // ruleid: js-regexp-from-request
  const prefix = RegExp('^' + req.params.prefix);
  // ruleid: js-regexp-from-request
  const users = await User.find({ name: { $regex: new RegExp(`^${req.body.name}`) } });
  // ok: js-regexp-from-request
  const safe = new RegExp(escapeStringRegexp(req.query.q), 'i');
  // ok: js-regexp-from-request
  const safe2 = new RegExp(`^${_.escapeRegExp(req.params.prefix)}`);
  // ok: js-regexp-from-request
  const fixed = new RegExp('^[a-z0-9-]+$');
  // ok: js-regexp-from-request
  const matches = req.query.q.includes('admin');
  res.json({ re: String(re), prefix: String(prefix), users, safe: String(safe), safe2: String(safe2), fixed: String(fixed), matches });
});

module.exports = router;
