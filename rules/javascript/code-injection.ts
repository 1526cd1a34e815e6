import type { Request, Response } from 'express';
import * as vm from 'node:vm';

export function calculate(req: Request, res: Response): void {
  const expr = req.query.expr as string;
  // ruleid: js-eval-dynamic
  const value: number = eval(expr);
  // ok: js-eval-dynamic
  const two: number = eval('1 + 1');
  // ruleid: js-function-constructor-dynamic
  const fn = new Function('x', `return x ${expr}`) as (x: number) => number;
  // ok: js-function-constructor-dynamic
  const id = new Function('x', 'return x') as (x: number) => number;
  // ruleid: js-vm-dynamic-code
  const out: unknown = vm.runInNewContext(expr as string, {});
  // ok: js-vm-dynamic-code
  const ver: unknown = vm.runInThisContext(`process.version`);
  // ruleid: js-timer-string-code
  setTimeout(`update(${value})`, 10);
  // ok: js-timer-string-code
  setTimeout(() => fn(value), 10);
  res.json({ value, two, out, ver, id });
}
