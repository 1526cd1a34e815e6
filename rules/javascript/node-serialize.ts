import { unserialize } from 'node-serialize';

export function restore(state: string): unknown {
  // ruleid: js-node-serialize-unserialize
  return unserialize(state);
}

export function restoreJson(state: string): unknown {
  // ok: js-node-serialize-unserialize
  return JSON.parse(state);
}
