import { verify, type JwtPayload } from 'jsonwebtoken';

const SECRET = process.env.JWT_SECRET!;

export function readClaims(token: string): JwtPayload {
  // ruleid: js-jwt-verify-without-algorithms
  return verify(token, SECRET) as JwtPayload;
}

export function readClaimsStrict(token: string): JwtPayload {
  // ok: js-jwt-verify-without-algorithms
  return verify(token, SECRET, { algorithms: ['HS256'] }) as JwtPayload;
}

export const lenient = {
  // ruleid: js-jwt-none-algorithm
  algorithms: ['HS256', 'NONE'] as const,
};
