import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export function seal(key: Buffer, plain: Buffer): Buffer {
  // ruleid: js-weak-cipher-algorithm
  const c = createCipheriv('bf-cbc', key, randomBytes(8));
  return Buffer.concat([c.update(plain), c.final()]);
}

export function open(key: Buffer, nonce: Buffer, sealed: Buffer): Buffer {
  // ok: js-weak-cipher-algorithm
  const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  return d.update(sealed);
}
