import type { Request, Response } from 'express';

export function callback(req: Request, res: Response): void {
  const next = req.query.next as string;
  // ruleid: js-express-open-redirect
  res.redirect(req.query.next as string);
  // ok: js-express-open-redirect
  res.redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');
}

export function goBack(searchParams: URLSearchParams): void {
  // ruleid: js-dom-open-redirect
  window.location.replace(searchParams.get('redirect') ?? '/');
  // ok: js-dom-open-redirect
  window.location.replace('/home');
}
