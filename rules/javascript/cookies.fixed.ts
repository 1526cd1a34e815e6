import type { Response } from 'express';
import cookieSession from 'cookie-session';

// ruleid: js-cookie-flag-disabled
export const sessions = cookieSession({ name: 'sess', keys: ['k1'], httpOnly: true });

export function remember(res: Response, userId: string): void {
  // ruleid: js-cookie-missing-flags
  res.cookie('remember_me', userId, { maxAge: 30 * 24 * 3600 * 1000, httpOnly: true });
  // ok: js-cookie-missing-flags
  res.cookie('remember_me', userId, { maxAge: 1000, httpOnly: true, secure: true });
}
