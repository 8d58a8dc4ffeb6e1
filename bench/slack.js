#!/usr/bin/env node
'use strict';
/**
 * Slack bot benchmark, through the fake Slack over Socket Mode (the transport people run by default).
 *
 *   this process   the real bot: dist/slack startSlack with the real engine (intake → parse → classify →
 *                  explain → Block Kit; probes with the real SMTP/DNS stack), so memory is the bot's alone
 *   driver process the fake Slack (test/fake-slack), a dns2 server and an smtp-server peer (test/helpers);
 *                  it plays the users and times what the bot does on the wire (bench/slack/driver.js)
 *
 *   paste   a pasted bounce event → the event's ack, and → the threaded reply reaching chat.postMessage
 *   slash   `/smtpcheck mx.example.test:<peer>` → the ack, → the first visible answer (the root
 *           "Checking …"), → the probe report in the thread, → the root updated with the verdict
 *   memory  RSS and heap at rest (after warm-up, after GC), after 500 more diagnoses, after 500 more
 *
 * Targets: ack < 50 ms, bounce reply < 200 ms (no probe), memory steady between the two 500s.
 * Usage: node bench/slack.js [--runs 50] [--memory-runs 500] [--json]. Build first (npx tsc -p tsconfig.build.json).
 * Talks to 127.0.0.0/8 only.
 */
const fs = require('fs');
const path = require('path');
const { fork, spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const args = process.argv.slice(2);
const flag = (name, def) => { const i = args.indexOf(name); return i >= 0 ? Math.max(1, Number(args[i + 1]) || def) : def; };
const RUNS = flag('--runs', 50);
const MEMORY_RUNS = flag('--memory-runs', 500);
const AS_JSON = args.includes('--json');

// GC before each memory reading, so the numbers are what stays, not what is waiting to be collected.
if (typeof global.gc !== 'function') {
  const r = spawnSync(process.execPath, ['--expose-gc', __filename, ...args], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (!fs.existsSync(path.join(DIST, 'slack', 'index.js'))) {
  process.stderr.write('bench/slack: dist/ is missing: run `npx tsc -p tsconfig.build.json` first.\n');
  process.exit(2);
}

/** Pastes as people make them (shapes: the seed document's Exchange 2003 NDR; RFC 3464 §A.2-style
 *  Postfix DSN text; a Gmail "Address not found" bounce as pasted from the web UI). */
const PASTES = [
  ['Your message did not reach some or all of the intended recipients.', '', '      Subject: Quarterly report', '      Sent: 2/10/2010 9:12 AM', '',
    'The following recipient(s) could not be reached:', '', '      someone@example.com on 2/12/2010 9:14 AM',
    '            Could not deliver the message in the time limit specified. Please retry or contact your administrator.',
    '            &lt;server.contoso.com #4.4.7&gt;'].join('\n'),
  ['This is the mail system at host mail.example.org.', '', "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients. It\'s attached below.', '', '                   The mail system', '',
    '&lt;bob@example.net&gt;: host mx.example.net[192.0.2.25] said: 550 5.1.1 &lt;bob@example.net&gt;:',
    '    Recipient address rejected: User unknown in virtual mailbox table (in reply to', '    RCPT TO command)'].join('\n'),
  ['** Address not found **', '', 'Your message wasn\'t delivered to nobody@example.com because the address couldn\'t be found, or is unable to receive mail.', '',
    'The response from the remote server was:', '550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient\'s email address for typos or unnecessary spaces.'].join('\n'),
];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
const r1 = (n) => Math.round(n * 10) / 10;
const mib = (b) => r1(b / 1048576);

function startDriver() {
  const child = fork(path.join(__dirname, 'slack', 'driver.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let seq = 0;
  const pending = new Map();
  const ready = new Promise((resolve) => child.once('message', resolve));
  child.on('message', (m) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.result); else p.reject(new Error(m.error));
  });
  const call = (cmd, a) => new Promise((resolve, reject) => { const id = ++seq; pending.set(id, { resolve, reject }); child.send({ id, cmd, args: a }); });
  return { child, ready, call };
}

function memory() {
  global.gc();
  global.gc();
  const m = process.memoryUsage();
  return { rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed), heapTotalMiB: mib(m.heapTotal), externalMiB: mib(m.external) };
}

async function main() {
  const driver = startDriver();
  await driver.ready;
  const env = await driver.call('start');

  const { loadConfig } = require(path.join(DIST, 'config'));
  const { createLogger } = require(path.join(DIST, 'logger'));
  const { startSlack } = require(path.join(DIST, 'slack'));
  const config = loadConfig({
    SLACK_BOT_TOKEN: env.botToken, SLACK_APP_TOKEN: env.appToken, SLACK_API_URL: env.apiUrl, PORT: '0',
    SMTPCHECK_ALLOW_PRIVATE: '1', SMTPCHECK_DNS_SERVERS: env.dns, SMTPCHECK_ALLOWED_PORTS: `25,${env.peerPort}`, SMTPCHECK_DNSBL_ZONES: '',
    SMTPCHECK_RATE_PER_USER: '1000', SMTPCHECK_RATE_PER_TEAM: '10000', SMTPCHECK_PROBE_TIMEOUT_MS: '10000', LOG_LEVEL: 'error',
  });
  const bot = await startSlack(config, createLogger('error'));

  await driver.call('paste', { runs: 10, texts: PASTES }); // warm-up: JIT, lazy-loaded stages
  await driver.call('slash', { runs: 2 });
  const atRest = memory();

  const paste = await driver.call('paste', { runs: RUNS, texts: PASTES });
  const slash = await driver.call('slash', { runs: RUNS });

  await driver.call('paste', { runs: MEMORY_RUNS, texts: PASTES });
  const after1 = memory();
  await driver.call('paste', { runs: MEMORY_RUNS, texts: PASTES });
  const after2 = memory();

  await bot.stop();
  await driver.call('stop');
  driver.child.disconnect();

  const stat = (xs) => ({ median: r1(median(xs)), p95: r1(p95(xs)) });
  const result = {
    runs: RUNS,
    paste: { ackMs: stat(paste.map((x) => x.ack)), replyMs: stat(paste.map((x) => x.reply)) },
    slash: {
      ackMs: stat(slash.map((x) => x.ack)), firstResultMs: stat(slash.map((x) => x.first)),
      probeReportMs: stat(slash.map((x) => x.report)), rootVerdictMs: stat(slash.map((x) => x.verdict)),
    },
    memory: { atRest, [`after${MEMORY_RUNS}`]: after1, [`after${2 * MEMORY_RUNS}`]: after2 },
    targets: {
      ackUnder50ms: median(slash.map((x) => x.ack)) < 50 && median(paste.map((x) => x.ack)) < 50,
      bounceReplyUnder200ms: median(paste.map((x) => x.reply)) < 200,
      heapGrowthSecond500MiB: r1(after2.heapUsedMiB - after1.heapUsedMiB),
    },
  };
  if (AS_JSON) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  const line = (label, s) => `  ${label.padEnd(34)} median ${String(s.median).padStart(7)} ms   p95 ${String(s.p95).padStart(7)} ms`;
  const memLine = (label, m) => `  ${label.padEnd(34)} RSS ${String(m.rssMiB).padStart(6)} MiB   heap ${String(m.heapUsedMiB).padStart(6)} MiB`;
  process.stdout.write([
    `Slack bot bench (Socket Mode, fake Slack on loopback, ${RUNS} runs each)`,
    line('pasted bounce → event ack', result.paste.ackMs),
    line('pasted bounce → threaded reply', result.paste.replyMs),
    line('/smtpcheck → ack', result.slash.ackMs),
    line('/smtpcheck → first result (root)', result.slash.firstResultMs),
    line('/smtpcheck → probe report (thread)', result.slash.probeReportMs),
    line('/smtpcheck → root verdict', result.slash.rootVerdictMs),
    memLine('memory at rest', atRest),
    memLine(`memory after ${MEMORY_RUNS} diagnoses`, after1),
    memLine(`memory after ${2 * MEMORY_RUNS} diagnoses`, after2),
    `  targets: ack < 50 ms ${result.targets.ackUnder50ms ? 'met' : 'MISSED'}; bounce reply < 200 ms ${result.targets.bounceReplyUnder200ms ? 'met' : 'MISSED'}; heap growth over the second ${MEMORY_RUNS}: ${result.targets.heapGrowthSecond500MiB} MiB`,
    '',
  ].join('\n'));
}

main().catch((err) => {
  process.stderr.write(`bench/slack: ${err && err.stack || err}\n`);
  process.exit(1);
});
