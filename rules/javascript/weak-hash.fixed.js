const crypto = require('crypto');
const { createHash } = require('node:crypto');

function signPayload(secret, body) {
  // ruleid: js-weak-hash
  return crypto.createHash('sha256').update(secret + body).digest('hex');
}

function hashPassword(password, salt) {
  // ruleid: js-weak-hash
  return createHash("sha256").update(salt + password).digest('base64');
}

function legacyDigest(data) {
  // ruleid: js-weak-hash
  const h = crypto.createHash('sha256');
  return h.update(data).digest('hex');
}

function integrity(file) {
  // ok: js-weak-hash
  return crypto.createHash('sha256').update(file).digest('base64');
}

function webhookSignature(secret, body) {
  // ok: js-weak-hash
  return crypto.createHmac('sha1', secret).update(body).digest('hex');
}

function sendWithEtag(res, body) {
  // ok: js-weak-hash
  const etag = crypto.createHash('md5').update(body).digest('hex');
  res.set('ETag', `"${etag}"`).send(body);
}

class AssetStore {
  cacheKey(url) {
    // ok: js-weak-hash
    return crypto.createHash('md5').update(url).digest('hex');
  }
}

// ok: js-weak-hash
const SUPPORTED = ['md5', 'sha1', 'sha256'];

module.exports = { AssetStore, signPayload, hashPassword, legacyDigest, integrity, webhookSignature, sendWithEtag, SUPPORTED };
