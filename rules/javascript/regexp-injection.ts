import type { Request, Response } from 'express';

export function filter(req: Request, res: Response): void {
  // ruleid: js-regexp-from-request
  const pattern = new RegExp(req.query.filter as string, 'g');
  // ok: js-regexp-from-request
  const literal = new RegExp('^/api/', 'g');
  res.json({ pattern: pattern.source, literal: literal.source });
}
