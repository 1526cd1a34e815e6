// PHP session reader: `unserialize` here comes from php-serialize, not node-serialize.
import { unserialize } from 'php-serialize';

export function readSession(payload) {
  // ok: js-node-serialize-unserialize
  return unserialize(payload);
}
