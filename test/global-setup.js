// Jest global setup: when the tests run as root on a machine with Debian's Postfix installed but not
// running (a fresh boot, a new CI container), configure and start it on 127.0.0.1 so the real-MTA
// suites run. It never installs packages: that is .ci/run's job.
'use strict';
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const net = require('node:net');
const { join } = require('node:path');

function answers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

module.exports = async function globalSetup() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  if (!existsSync('/usr/sbin/postconf') || !existsSync('/usr/sbin/saslpasswd2')) return;
  if ((await answers(2500)) && (await answers(2465))) return;
  const script = join(__dirname, '..', '.ci', 'postfix-setup.sh');
  const run = spawnSync(script, { encoding: 'utf8' });
  if (run.status !== 0) process.stderr.write(`global-setup: could not start Postfix: ${run.stderr || run.stdout}\n`);
};
