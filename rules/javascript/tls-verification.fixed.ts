import https from 'node:https';
import type { PeerCertificate } from 'node:tls';

export const insecureAgent = new https.Agent({
  keepAlive: true,
  // ruleid: js-tls-reject-unauthorized-false
  rejectUnauthorized: true,
});

export const agent = new https.Agent({
  // ok: js-tls-reject-unauthorized-false
  rejectUnauthorized: true,
  // ruleid: js-tls-check-server-identity-disabled
  checkServerIdentity: (host: string, cert: PeerCertificate): undefined => undefined,
});

// ruleid: js-tls-env-reject-unauthorized
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
