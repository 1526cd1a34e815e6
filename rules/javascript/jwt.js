const jwt = require('jsonwebtoken');
const express = require('express');

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY;
const router = express.Router();

function authenticate(req, res, next) {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  try {
    // ruleid: js-jwt-verify-without-algorithms
    req.user = jwt.verify(token, PUBLIC_KEY);
    next();
  } catch (err) {
    res.status(401).end();
  }
}

function authenticateAsync(req, res, next) {
  // ruleid: js-jwt-verify-without-algorithms
  jwt.verify(req.cookies.session, PUBLIC_KEY, (err, claims) => {
    if (err) return res.status(401).end();
    req.user = claims;
    next();
  });
}

function checkAudience(token) {
  // ruleid: js-jwt-verify-without-algorithms
  return jwt.verify(token, PUBLIC_KEY, { audience: 'api', issuer: 'auth' });
}

function strict(token) {
  // ok: js-jwt-verify-without-algorithms
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'], audience: 'api' });
}

function withOptions(token, verifyOptions) {
  // ok: js-jwt-verify-without-algorithms
  return jwt.verify(token, PUBLIC_KEY, verifyOptions);
}

function checkSignature(data, signature, key) {
  // ok: js-jwt-verify-without-algorithms
  return crypto.verify('sha256', data, key, signature);
}

function insecure(token) {
  // ruleid: js-jwt-none-algorithm
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256', 'none'] });
}

function issueDebugToken(user) {
  // ruleid: js-jwt-none-algorithm
  return jwt.sign({ sub: user.id }, null, { algorithm: 'none' });
}

function issue(user, key) {
  // ok: js-jwt-none-algorithm
  return jwt.sign({ sub: user.id }, key, { algorithm: 'RS256', expiresIn: '15m' });
}

// ok: js-jwt-none-algorithm
const compression = { algorithm: 'gzip', level: 6 };

router.use(authenticate);
module.exports = { router, authenticateAsync, checkAudience, strict, withOptions, checkSignature, insecure, issueDebugToken, issue, compression };
