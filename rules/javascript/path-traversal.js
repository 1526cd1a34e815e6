const express = require('express');
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

const UPLOADS = path.join(__dirname, 'uploads');
const app = express();

app.get('/files/:name', (req, res) => {
  // ruleid: js-path-traversal-request
  fs.readFile(path.join(UPLOADS, req.params.name), (err, data) => {
    if (err) return res.sendStatus(404);
    res.send(data);
  });
});

app.delete('/files', async (req, res) => {
  // ruleid: js-path-traversal-request
  await fsp.unlink(UPLOADS + '/' + req.body.file);
  // ruleid: js-path-traversal-request
  const target = path.resolve(UPLOADS, req.query.dir);
  res.json({ target });
});

app.get('/avatar', (req, res) => {
  // ok: js-path-traversal-request
  const file = path.join(UPLOADS, path.basename(req.query.name));
  // ok: js-path-traversal-request
  const stream = fs.createReadStream(path.join(UPLOADS, 'default.png'));
  // ok: js-path-traversal-request
  const logo = fs.readFileSync(path.join(__dirname, 'static', 'logo.svg'));
  res.json({ file, stream, logo });
});

app.get('/docs/:page', (req, res) => {
  // ok: js-path-traversal-request
  const file = path.resolve(UPLOADS, req.params.page);
  if (!file.startsWith(UPLOADS + path.sep)) {
    return res.sendStatus(400);
  }
  // ok: js-path-traversal-request
  fs.readFile(file, (err, data) => res.send(data));
});

app.get('/download', (req, res) => {
  // ruleid: js-express-sendfile-request-path
  res.sendFile(req.query.file);
  // ruleid: js-express-sendfile-request-path
  res.download(`${req.query.dir}/${req.query.name}`);
  // ok: js-express-sendfile-request-path
  res.sendFile(req.query.file, { root: UPLOADS, dotfiles: 'deny' });
  // ok: js-express-sendfile-request-path
  res.sendFile(path.join(UPLOADS, path.basename(req.query.file)));
  // ok: js-express-sendfile-request-path
  res.download(path.join(__dirname, 'reports', 'latest.pdf'));
});

module.exports = app;
