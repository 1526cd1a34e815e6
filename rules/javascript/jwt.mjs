// `verify` here is the Ed25519 helper of a signing library, not jsonwebtoken.
import { verify } from '@noble/ed25519';

export async function check(signature, message, publicKey) {
  // ok: js-jwt-verify-without-algorithms
  return verify(signature, message, publicKey);
}

export async function checkTwo(signature, message) {
  // ok: js-jwt-verify-without-algorithms
  return verify(signature, message);
}
