import type { Request, Response } from 'express';
import merge from 'lodash/merge';
import { dset } from 'dset';

export function update(req: Request, res: Response): void {
  const config: Record<string, unknown> = {};
  // ruleid: js-prototype-pollution-deep-merge
  merge(config, req.body as object);
  // ruleid: js-prototype-pollution-path-set
  dset(config, req.query.key as string, true);
  // ok: js-prototype-pollution-path-set
  dset(config, 'flags.beta', true);
  // ruleid: js-object-assign-request-body
  const patch = Object.assign({}, req.body);
  res.json({ config, patch });
}
