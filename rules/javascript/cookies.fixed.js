const express = require('express');
const session = require('express-session');

const COOKIE_OPTS = { secure: true, httpOnly: true, sameSite: 'lax' };
const app = express();

app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    // ruleid: js-cookie-flag-disabled
    cookie: { secure: true, maxAge: 3600000 },
  }),
);

app.post('/login', (req, res) => {
  const token = issueToken(req.body.user);
  // ruleid: js-cookie-flag-disabled
  res.cookie('session', token, { httpOnly: true, secure: true });
  // ruleid: js-cookie-missing-flags
  res.cookie('refresh_token', token, { maxAge: 86400000 });
  // ruleid: js-cookie-missing-flags
  res.cookie('auth', token);
  // ruleid: js-cookie-missing-flags
  res.cookie('sid', token, { httpOnly: true, sameSite: 'strict' });
  // ok: js-cookie-missing-flags, js-cookie-flag-disabled
  res.cookie('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  // ok: js-cookie-missing-flags
  res.cookie('session', token, COOKIE_OPTS);
  // ok: js-cookie-missing-flags
  res.cookie('session', token, { ...COOKIE_OPTS, maxAge: 3600000 });
  // ok: js-cookie-missing-flags
  res.cookie('theme', req.body.theme);
  // ok: js-cookie-missing-flags
  res.cookie('lang', 'en', { maxAge: 31536000000 });
  // ok: js-cookie-flag-disabled
  res.cookie('session', token, { httpOnly: true, secure: process.env.NODE_ENV === 'production' });
  // ok: js-cookie-flag-disabled
  res.json({ secure: false, httpOnly: false });
  res.end();
});

module.exports = app;
