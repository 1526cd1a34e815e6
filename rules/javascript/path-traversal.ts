import type { Request, Response } from 'express';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = '/srv/templates';

export async function template(req: Request, res: Response): Promise<void> {
  // ruleid: js-path-traversal-request
  const html = await readFile(`${ROOT}/${req.params.name}.html`, 'utf8');
  // ok: js-path-traversal-request
  const layout = await readFile(path.join(ROOT, 'layout.html'), 'utf8');
  // ruleid: js-express-sendfile-request-path
  res.sendFile(req.params.asset as string);
  res.send(layout.replace('{{body}}', html));
}
