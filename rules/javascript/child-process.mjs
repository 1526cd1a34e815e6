// No child_process import here: `exec` is the query helper of a database client.
import { exec, spawn } from './db/client.mjs';

export async function loadUser(id, tableName) {
  // ok: js-child-process-exec-interpolated
  const rows = await exec(`SELECT name FROM users WHERE id = ${Number(id)}`);
  // ok: js-child-process-exec-non-literal
  const count = await exec(tableName);
  // ok: js-child-process-shell-spawn
  const worker = spawn('./worker.mjs', [tableName]);
  return { rows, count, worker };
}
