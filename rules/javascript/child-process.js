const express = require('express');
const { exec, execSync, execFile, spawn } = require('child_process');
const path = require('path');

const GIT_STATUS = 'git status --porcelain';
const router = express.Router();

router.get('/thumb', (req, res) => {
  // ruleid: js-child-process-exec-interpolated
  exec(`convert ${req.query.file} -resize 100x100 out.png`, (err) => {
    if (err) return res.status(500).end();
    res.sendStatus(204);
  });
});

router.post('/unpack', (req, res) => {
  const target = path.join('/srv/uploads', req.body.name);
  // ruleid: js-child-process-exec-interpolated
  execSync('tar -xzf ' + target + ' -C /srv/out');
  const cmd = buildCommand(req.body);
  // ruleid: js-child-process-exec-non-literal
  execSync(cmd);
  // ruleid: js-child-process-exec-non-literal
  exec(req.body.command, () => res.end());
  // ok: js-child-process-exec-non-literal, js-child-process-exec-interpolated
  execSync(GIT_STATUS);
  // ok: js-child-process-exec-non-literal, js-child-process-exec-interpolated
  execSync('git rev-parse HEAD');
  // ok: js-child-process-exec-non-literal, js-child-process-exec-interpolated
  execSync(`git rev-parse --abbrev-ref HEAD`);
  // ok: js-child-process-exec-non-literal, js-child-process-exec-interpolated
  execFile('tar', ['-xzf', target, '-C', '/srv/out'], () => res.end());
  // ok: js-child-process-exec-non-literal, js-child-process-exec-interpolated
  const m = /^v(\d+)/.exec(req.body.version);
  // ok: js-child-process-exec-non-literal, js-child-process-exec-interpolated
  const row = db.prepare('SELECT 1').exec(`PRAGMA user_version = ${m[1]}`);
  res.json({ row });
});

function inline(branch) {
  // ruleid: js-child-process-exec-interpolated
  return require('child_process').execSync(`git log ${branch}`).toString();
}

router.get('/ping', (req, res) => {
  const host = req.query.host;
  // ruleid: js-child-process-shell-spawn
  const p1 = spawn('ping', ['-c', '1', host], { shell: true });
  // ruleid: js-child-process-shell-spawn
  const p2 = spawn('sh', ['-c', `ping -c 1 ${host}`]);
  // ruleid: js-child-process-shell-spawn
  const p3 = spawn(req.query.tool, { shell: true, stdio: 'inherit' });
  // ok: js-child-process-shell-spawn
  const p4 = spawn('ping', ['-c', '1', host]);
  // ok: js-child-process-shell-spawn
  const p5 = spawn('npm', ['run', 'build'], { shell: true });
  // ok: js-child-process-shell-spawn
  const p6 = spawn('sh', ['./scripts/deploy.sh', host]);
  // ok: js-child-process-shell-spawn
  const p7 = spawn('ping', ['-c', '1', host], { shell: false });
  res.json([p1, p2, p3, p4, p5, p6, p7].map((p) => p.pid));
});

module.exports = router;
