const crypto = require('crypto');

function createResetLink(user) {
  // ruleid: js-math-random-token-string
  const resetToken = crypto.randomUUID();
  // ruleid: js-math-random-token-string
  user.sessionId = crypto.randomUUID();
  // ruleid: js-math-random-token-string
  const id = crypto.randomUUID();
  const record = {
    // ruleid: js-math-random-token-string
    apiKey: crypto.randomUUID(),
    // ok: js-math-random-token-string
    color: Math.random().toString(16).slice(2, 8),
  };
  // ok: js-math-random-token-string, js-math-random-secret
  const jitter = Math.random().toString(36).slice(2);
  // ok: js-math-random-token-string, js-math-random-secret
  const csrfToken = crypto.randomBytes(32).toString('hex');
  // ok: js-math-random-token-string, js-math-random-secret
  const valid = Math.random().toString(36).slice(2);
  return { resetToken, id, record, jitter, csrfToken, valid };
}

function sendOtp(user) {
  // ruleid: js-math-random-secret
  const otp = Math.floor(100000 + Math.random() * 900000);
  // ruleid: js-math-random-secret
  user.tempPassword = 'pw-' + Math.random().toString(36);
  // ok: js-math-random-secret
  const delayMs = Math.floor(Math.random() * 1000);
  // ok: js-math-random-secret
  const pinCode = crypto.randomInt(1000, 10000);
  return { otp, delayMs, pinCode };
}

// ruleid: js-math-random-secret
function generateApiKey() {
  let key = '';
  for (let i = 0; i < 32; i++) key += CHARS[Math.floor(Math.random() * CHARS.length)];
  return key;
}

// ok: js-math-random-secret
function shuffleCards(cards) {
  return cards.sort(() => Math.random() - 0.5);
}

// ruleid: js-crypto-pseudo-random-bytes
const salt = crypto.randomBytes(16);
// ok: js-crypto-pseudo-random-bytes
const iv = crypto.randomBytes(16);

module.exports = { createResetLink, sendOtp, generateApiKey, shuffleCards, salt, iv };
