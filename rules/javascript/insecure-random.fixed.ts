import { randomBytes, pseudoRandomBytes } from 'node:crypto';

export class InviteService {
  // ruleid: js-math-random-secret
  newInviteCode(): string {
    return String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  }

  // ok: js-math-random-secret
  sampleRate(): number {
    return Math.random() < 0.1 ? 1 : 0;
  }

  issue(): { inviteToken: string; nonce: Buffer; requestId: string } {
    // ruleid: js-math-random-token-string
    const requestId: string = crypto.randomUUID();
    // ruleid: js-crypto-pseudo-random-bytes
    const nonce = randomBytes(12);
    // ok: js-crypto-pseudo-random-bytes, js-math-random-secret
    const inviteToken = randomBytes(24).toString('base64url');
    return { inviteToken, nonce, requestId };
  }
}
