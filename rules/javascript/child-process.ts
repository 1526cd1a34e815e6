import * as cp from 'node:child_process';
import { promisify } from 'node:util';

const execAsync = promisify(cp.exec);

export async function checkout(branch: string, repoDir: string): Promise<string> {
  // ruleid: js-child-process-exec-interpolated
  const out = cp.execSync(`git -C ${repoDir} checkout ${branch}`, { encoding: 'utf8' });
  // ok: js-child-process-exec-interpolated, js-child-process-exec-non-literal
  cp.execFileSync('git', ['-C', repoDir, 'checkout', '--', branch]);
  // ok: js-child-process-exec-interpolated
  const { stdout } = await execAsync(`git status`);
  // ruleid: js-child-process-shell-spawn
  cp.spawnSync('bash', ['-c', 'git fetch && git merge ' + branch]);
  // ok: js-child-process-shell-spawn
  cp.spawnSync('git', ['merge', branch], { cwd: repoDir });
  return out + stdout;
}

export function legacy(cmd: string): void {
  // ruleid: js-child-process-exec-non-literal
  cp.exec(cmd);
}
