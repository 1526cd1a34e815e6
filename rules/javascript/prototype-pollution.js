const express = require('express');
const _ = require('lodash');
const deepmerge = require('deepmerge');
const objectPath = require('object-path');

const defaults = { theme: 'light', notifications: { email: true } };
const router = express.Router();

router.post('/settings', async (req, res) => {
  // ruleid: js-prototype-pollution-deep-merge
  const settings = _.merge({}, defaults, req.body);
  // ruleid: js-prototype-pollution-deep-merge
  const prefs = deepmerge(defaults, req.body.preferences);
  // ruleid: js-prototype-pollution-deep-merge
  const opts = _.defaultsDeep({}, JSON.parse(req.query.opts), defaults);
  // ok: js-prototype-pollution-deep-merge
  const input = SettingsSchema.parse(req.body);
  // ok: js-prototype-pollution-deep-merge
  const merged = _.merge({}, defaults, input);
  // ok: js-prototype-pollution-deep-merge
  const shallow = _.merge(req.body, { receivedAt: Date.now() });
  res.json({ settings, prefs, opts, merged, shallow });
});

router.patch('/profile', async (req, res) => {
  const user = await User.findById(req.user.id);
  // ruleid: js-object-assign-request-body
  Object.assign(user, req.body);
  // ruleid: js-object-assign-request-body
  const copy = Object.assign({}, req.query);
  const { displayName, bio } = req.body;
  // ok: js-object-assign-request-body
  Object.assign(user, { displayName, bio });
  // ok: js-object-assign-request-body
  Object.assign(user, { bio: req.body.bio });
  await user.save();
  res.json({ user, copy });
});

router.post('/prefs', (req, res) => {
  // ruleid: js-prototype-pollution-path-set
  _.set(req.session.prefs, req.body.path, req.body.value);
  // ruleid: js-prototype-pollution-path-set
  objectPath.set(store, `users.${req.params.id}.${req.body.field}`, req.body.value);
  // ruleid: js-prototype-pollution-path-set
  stats[req.params.category][req.params.metric] = req.body.count;
  // ok: js-prototype-pollution-path-set
  _.set(req.session.prefs, 'theme', req.body.value);
  // ok: js-prototype-pollution-path-set
  stats.daily[req.params.metric] = req.body.count;
  // ok: js-prototype-pollution-path-set
  headers.set('X-Trace', req.headers['x-trace']);
  res.sendStatus(204);
});

module.exports = router;
