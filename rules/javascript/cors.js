const express = require('express');
const cors = require('cors');
const { Server } = require('socket.io');

const ALLOWED_ORIGINS = new Set(['https://app.example.com']);
const app = express();

// ruleid: js-cors-credentials-any-origin
app.use(cors({ origin: true, credentials: true }));

app.use(
  '/api',
  cors({
    // ruleid: js-cors-credentials-any-origin
    origin: '*',
    methods: ['GET', 'POST'],
    credentials: true,
  }),
);

// ok: js-cors-credentials-any-origin
app.use('/public', cors({ origin: '*' }));
// ok: js-cors-credentials-any-origin
app.use('/app', cors({ origin: ['https://app.example.com'], credentials: true }));
// ok: js-cors-credentials-any-origin
app.use('/v2', cors({ origin: 'https://app.example.com', credentials: true }));

// ruleid: js-cors-credentials-any-origin
const io = new Server(server, { cors: { origin: '*', credentials: true } });

app.use((req, res, next) => {
  // ruleid: js-cors-reflected-origin
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});

app.use((req, res, next) => {
  // ruleid: js-cors-reflected-origin
  res.header('access-control-allow-origin', req.get('Origin') || '*');
  next();
});

app.use((req, res, next) => {
  if (ALLOWED_ORIGINS.has(req.headers.origin)) {
    // ok: js-cors-reflected-origin
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    res.setHeader('Vary', 'Origin');
  }
  // ok: js-cors-reflected-origin
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  // ok: js-cors-reflected-origin
  res.setHeader('X-Request-Origin', req.headers.origin);
  next();
});

module.exports = { app, io };
