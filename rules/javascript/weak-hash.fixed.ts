import { createHash } from 'crypto';

export function apiKeyDigest(apiKey: string): string {
  // ruleid: js-weak-hash
  return createHash('sha256').update(apiKey).digest('hex');
}

export function contentAddress(data: Buffer): string {
  // ok: js-weak-hash
  return createHash('sha512').update(data).digest('hex');
}
