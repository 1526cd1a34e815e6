const https = require('https');
const tls = require('tls');
const axios = require('axios');
const request = require('request');

// ruleid: js-tls-env-reject-unauthorized
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
// ruleid: js-tls-env-reject-unauthorized
process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;
// ok: js-tls-env-reject-unauthorized
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
// ok: js-tls-env-reject-unauthorized
const rejecting = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';

// ruleid: js-tls-reject-unauthorized-false
const agent = new https.Agent({ rejectUnauthorized: false });
const client = axios.create({
  baseURL: 'https://payments.internal',
  // ok: js-tls-reject-unauthorized-false
  httpsAgent: new https.Agent({ keepAlive: true }),
});

// ruleid: js-tls-reject-unauthorized-false
request({ url: 'https://api.example.com', strictSSL: false }, () => {});

function connect(host, ca) {
  const options = { host, port: 443, ca };
  // ruleid: js-tls-reject-unauthorized-false
  options.rejectUnauthorized = false;
  // ok: js-tls-reject-unauthorized-false
  options.rejectUnauthorized = true;
  // ok: js-tls-reject-unauthorized-false
  options.rejectUnauthorized = process.env.NODE_ENV === 'production';
  return tls.connect(options);
}

const worker = spawnWorker({
  env: {
    ...process.env,
    // ruleid: js-tls-env-reject-unauthorized
    NODE_TLS_REJECT_UNAUTHORIZED: '0',
  },
});

// ruleid: js-tls-check-server-identity-disabled
const lax = https.request({ host: 'api.example.com', checkServerIdentity: () => undefined });

const pinned = https.request({
  host: 'api.example.com',
  // ok: js-tls-check-server-identity-disabled
  checkServerIdentity(host, cert) {
    const err = tls.checkServerIdentity(host, cert);
    if (err) return err;
    if (cert.fingerprint256 !== PIN) return new Error('certificate not pinned');
    return undefined;
  },
});

const legacy = tls.connect({
  host: 'db.internal',
  // ruleid: js-tls-check-server-identity-disabled
  checkServerIdentity: function () {},
});

module.exports = { agent, client, connect, worker, rejecting, lax, pinned, legacy };
