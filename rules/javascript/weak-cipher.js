const crypto = require('crypto');

function encryptLegacy(text, password) {
  // ruleid: js-crypto-create-cipher-no-iv
  const cipher = crypto.createCipher('aes-256-cbc', password);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function decryptLegacy(hex, password) {
  // ruleid: js-crypto-create-cipher-no-iv, js-weak-cipher-algorithm
  const decipher = crypto.createDecipher('des', password);
  return decipher.update(hex, 'hex', 'utf8') + decipher.final('utf8');
}

function encryptCard(pan, key) {
  // ruleid: js-weak-cipher-algorithm
  const c = crypto.createCipheriv('aes-128-ecb', key, null);
  return Buffer.concat([c.update(pan), c.final()]);
}

function decryptOld(buf, key, iv) {
  // ruleid: js-weak-cipher-algorithm
  const d = crypto.createDecipheriv('des-ede3-cbc', key, iv);
  return Buffer.concat([d.update(buf), d.final()]);
}

function streamCipher(key) {
  // ruleid: js-weak-cipher-algorithm
  return crypto.createCipheriv('rc4', key, '');
}

function encrypt(text, key) {
  const iv = crypto.randomBytes(12);
  // ok: js-crypto-create-cipher-no-iv, js-weak-cipher-algorithm
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return { iv, data, tag: cipher.getAuthTag() };
}

function decrypt({ iv, data, tag }, key) {
  // ok: js-crypto-create-cipher-no-iv, js-weak-cipher-algorithm
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString();
}

// ok: js-weak-cipher-algorithm
const LABEL = 'des-ede3-cbc';

module.exports = { encryptLegacy, decryptLegacy, encryptCard, decryptOld, streamCipher, encrypt, decrypt, LABEL };
