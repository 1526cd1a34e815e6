const express = require('express');

const app = express();

app.get('/login/callback', (req, res) => {
  // ruleid: js-express-open-redirect
  res.redirect(req.query.next);
});

app.post('/logout', (req, res) => {
  // ruleid: js-express-open-redirect
  res.redirect(302, req.body.returnUrl || '/');
});

app.get('/back', (req, res) => {
  // ruleid: js-express-open-redirect
  res.redirect(req.headers.referer);
});

app.get('/go', (req, res) => {
  // ruleid: js-express-open-redirect
  res.location(`${req.query.host}/welcome`).sendStatus(302);
});

app.get('/orders/:id', (req, res) => {
  // ok: js-express-open-redirect
  res.redirect('/orders/' + req.params.id + '/summary');
  // ok: js-express-open-redirect
  res.redirect(`/search?q=${encodeURIComponent(req.query.q)}`);
  // ok: js-express-open-redirect
  res.redirect('https://shop.example.com/orders/' + req.params.id);
  // ok: js-express-open-redirect
  res.redirect(safeRedirectTarget(req.query.next));
  // ok: js-express-open-redirect
  res.redirect('https://' + req.headers.host + req.url);
  // ok: js-express-open-redirect
  res.redirect('/dashboard');
});

function afterLogin(params) {
  // ruleid: js-dom-open-redirect
  window.location.href = params.get('returnTo');
  // ruleid: js-dom-open-redirect
  location.assign(new URLSearchParams(location.search).get('next'));
  // ruleid: js-dom-open-redirect
  window.open(decodeURIComponent(location.hash.slice(1)));
  // ok: js-dom-open-redirect
  location.href = '/dashboard?tab=' + params.get('tab');
  // ok: js-dom-open-redirect
  location.href = '#' + params.get('section');
  // ok: js-dom-open-redirect
  window.location = config.homeUrl;
  // ok: js-dom-open-redirect
  window.open('https://docs.example.com/help?q=' + params.get('q'));
}

module.exports = { app, afterLogin };
