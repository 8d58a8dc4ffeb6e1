#!/usr/bin/env node
'use strict';
/**
 * Probe benchmark: a whole-domain probe (3 MX hosts on loopback) against swaks on the same hosts.
 *
 *   DNS    the test dns2 server (test/helpers/dns-server.ts) serves example.test: 3 MX, SPF, DMARC,
 *          TLS-RPT, PTRs, an empty DNSBL zone — every lookup the probe makes is answered locally
 *   SMTP   mx1 → 127.0.0.1:2500, Debian Postfix when it is running there (see .ci/postfix-setup.sh),
 *          else an smtp-server; mx2 → 127.0.0.2:2500 and mx3 → 127.0.0.3:2500, smtp-server instances
 *          with STARTTLS (smtp-server's built-in certificate); RCPT postmaster@example.test accepted
 *   ours   runProbe('postmaster@example.test', port 2500): MX/A/PTR/SPF/DMARC/MTA-STS/TLS-RPT/DNSBL,
 *          then per host banner, EHLO, STARTTLS, certificate, EHLO again, MAIL/RCPT, RSET, QUIT
 *          — all hosts in parallel. Warm = in this process after a first run; cold = a fresh
 *          `node` per run (what the CLI pays), timed from outside with /usr/bin/time.
 *   swaks  `swaks --server <host:2500> --quit-after RCPT --to postmaster@example.test` per host, one
 *          after another (plain, and with -tls for a like-for-like STARTTLS session)
 *
 * Prints medians of N runs (--runs N, default 9) and peak RSS. --json for machine output.
 * Build first: npx tsc -p tsconfig.build.json. Talks to 127.0.0.0/8 only.
 */
const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');
const { loadTs } = require('./probe/load-ts');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const AS_JSON = process.argv.includes('--json');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 9) : 9;
const PORT = 2500;
const RCPT = 'postmaster@example.test';
const HOSTS = [
  { name: 'mx1.example.test', ip: '127.0.0.1' },
  { name: 'mx2.example.test', ip: '127.0.0.2' },
  { name: 'mx3.example.test', ip: '127.0.0.3' },
];

function fail(msg) {
  process.stderr.write(`bench/probe: ${msg}\n`);
  process.exit(2);
}

if (!fs.existsSync(path.join(DIST, 'probe', 'index.js'))) fail('dist/ is missing: run `npx tsc -p tsconfig.build.json` first.');
const { runProbe } = require(path.join(DIST, 'probe'));
const { startDnsServer, ptrName } = loadTs(path.join(ROOT, 'test', 'helpers', 'dns-server.ts'));
const { SMTPServer } = require('smtp-server');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (n) => Math.round(n * 10) / 10;

function listening(ip, port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: ip, port });
    s.setTimeout(1000, () => { s.destroy(); resolve(false); });
    s.once('error', () => resolve(false));
    s.once('connect', () => { s.destroy(); resolve(true); });
  });
}

async function startSmtp(ip) {
  const server = new SMTPServer({
    name: 'mx.example.test',
    disableReverseLookup: true,
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address === RCPT) return cb();
      return cb(Object.assign(new Error('5.1.1 User unknown'), { responseCode: 550 }));
    },
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => cb(Object.assign(new Error('5.7.1 benchmark peers accept no message'), { responseCode: 554 })));
    },
  });
  server.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(PORT, ip, resolve);
  });
  return server;
}

/**
 * Wall time (ms) and peak RSS (KB) of one command, measured by /usr/bin/time. Asynchronous on
 * purpose: the DNS server and smtp-server peers live in this process and must keep answering.
 */
function timed(cmd, args) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'RSS_KB=%M', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const killer = setTimeout(() => child.kill('SIGKILL'), 60000);
    child.on('close', (status) => {
      clearTimeout(killer);
      const rss = Number((/RSS_KB=(\d+)/.exec(stderr) || [])[1]);
      resolve({ ms: performance.now() - started, rssKb: rss, status, stdout, stderr });
    });
  });
}

function swaks(ip, tls) {
  return timed('swaks', ['--server', `${ip}:${PORT}`, '--quit-after', 'RCPT', '--to', RCPT, '--from', 'probe@smtpcheck.example',
    '--helo', 'bench.smtpcheck.test', ...(tls ? ['-tls'] : [])]);
}

async function main() {
  const servers = [];
  const postfix = await listening('127.0.0.1', PORT);
  if (!postfix) servers.push(await startSmtp('127.0.0.1'));
  for (const h of HOSTS.slice(1)) {
    if (await listening(h.ip, PORT)) fail(`${h.ip}:${PORT} is already in use.`);
    servers.push(await startSmtp(h.ip));
  }

  const zone = {
    'example.test': { MX: HOSTS.map((h, i) => ({ priority: (i + 1) * 10, exchange: h.name })), TXT: ['v=spf1 mx -all'] },
    '_dmarc.example.test': { TXT: ['v=DMARC1; p=reject; rua=mailto:dmarc@example.test'] },
    '_smtp._tls.example.test': { TXT: ['v=TLSRPTv1; rua=mailto:tlsrpt@example.test'] },
  };
  for (const h of HOSTS) {
    zone[h.name] = { A: [h.ip] };
    zone[ptrName(h.ip)] = { PTR: [h.name] };
  }
  const dns = await startDnsServer(zone);
  const config = {
    dnsServers: [dns.address],
    heloName: 'bench.smtpcheck.test',
    mailFrom: 'probe@smtpcheck.example',
    dnsblZones: ['bl.example.test'],
    timeoutMs: 20000,
    allowPrivate: true,
    allowedPorts: [25, 465, 587, PORT],
    maxConcurrent: 4,
  };

  try {
    const single = `${HOSTS[0].ip}:${PORT}`;
    // Warm, in this process (the Slack bot's case). The first runs load modules and are not counted.
    const first = await runProbe(RCPT, { config, port: PORT });
    await runProbe(single, { config, rcpt: RCPT });
    const warm = [];
    const warmSingle = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      const report = await runProbe(RCPT, { config, port: PORT });
      warm.push(performance.now() - t);
      if (report.hosts.length !== HOSTS.length || report.hosts.some((h) => !h.banner)) fail(`probe did not complete ${HOSTS.length} sessions: ${report.verdict}`);
      t = performance.now();
      await runProbe(single, { config, rcpt: RCPT });
      warmSingle.push(performance.now() - t);
    }
    const warmRss = process.resourceUsage().maxRSS;

    // Cold: a fresh node per probe (the CLI's case).
    const cold = [];
    const coldSingle = [];
    const coldRss = [];
    const once = path.join(__dirname, 'probe', 'run-once.js');
    for (let i = 0; i < RUNS; i++) {
      let r = await timed(process.execPath, [once, JSON.stringify(config), RCPT, String(PORT)]);
      if (r.status !== 0) fail(`cold run failed: ${r.stderr.trim()}`);
      cold.push(r.ms);
      coldRss.push(r.rssKb);
      r = await timed(process.execPath, [once, JSON.stringify(config), single, String(PORT)]);
      if (r.status !== 0) fail(`cold single-host run failed: ${r.stderr.trim()}`);
      coldSingle.push(r.ms);
    }

    // swaks, one host after another, same run.
    const variants = {};
    for (const tls of [false, true]) {
      const perHost = HOSTS.map(() => []);
      const all = [];
      const rss = [];
      for (let i = 0; i < RUNS; i++) {
        let total = 0;
        for (const [k, h] of HOSTS.entries()) {
          const r = await swaks(h.ip, tls);
          if (r.status !== 0) fail(`swaks ${tls ? '-tls ' : ''}${h.ip}:${PORT} exited ${r.status}: ${(r.stdout + r.stderr).split('\n').slice(-4).join(' | ')}`);
          total += r.ms;
          perHost[k].push(r.ms);
          rss.push(r.rssKb);
        }
        all.push(total);
      }
      variants[tls ? 'swaks -tls' : 'swaks'] = {
        perHostMs: Object.fromEntries(HOSTS.map((h, k) => [h.name, round(median(perHost[k]))])),
        allHostsSequentialMs: round(median(all)),
        peakRssKb: Math.max(...rss),
      };
    }

    const kind = (h) => (h.ip === '127.0.0.1' && postfix ? 'Postfix' : 'smtp-server');
    const result = {
      runs: RUNS,
      hosts: HOSTS.map((h) => `${h.name} ${h.ip}:${PORT} (${kind(h)})`),
      smtpcheck: {
        domainWarmMs: round(median(warm)),
        domainColdMs: round(median(cold)),
        singleHostWarmMs: round(median(warmSingle)),
        singleHostColdMs: round(median(coldSingle)),
        warmProcessPeakRssKb: warmRss,
        coldPeakRssKb: Math.max(...coldRss),
        lookupsPerProbe: first.dns.lookups.length,
        findingsPerProbe: first.findings.length,
        verdict: first.verdict,
      },
      ...variants,
    };
    const tlsPerHost = Object.values(variants['swaks -tls'].perHostMs);
    // Our wall time is bounded below by the slowest host, so "one host" is read as the slowest one;
    // the Postfix-only comparison (same host, same work) is printed beside it.
    result.target = {
      swaksTlsSlowestOneHostMs: Math.max(...tlsPerHost),
      swaksTlsPostfixHostMs: tlsPerHost[0],
      domainWarmMet: result.smtpcheck.domainWarmMs <= Math.max(...tlsPerHost),
      domainColdMet: result.smtpcheck.domainColdMs <= Math.max(...tlsPerHost),
      singleHostWarmMet: result.smtpcheck.singleHostWarmMs <= tlsPerHost[0],
    };

    if (AS_JSON) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    const ms = (n) => `${String(n).padStart(7)} ms`;
    const mb = (kb) => `${(kb / 1024).toFixed(1)} MB`;
    const s = result.smtpcheck;
    const lines = [
      `probe bench — median of ${RUNS} runs, 3 MX hosts on loopback`,
      ...result.hosts.map((h) => `  ${h}`),
      '',
      'smtpcheck (DNS: MX, A/AAAA, PTR, SPF, DMARC, MTA-STS, TLS-RPT, DNSBL; per host: banner, EHLO, STARTTLS, cert, EHLO, MAIL, RCPT, RSET, QUIT)',
      `  whole domain, 3 hosts in parallel   warm ${ms(s.domainWarmMs)}   cold (fresh node) ${ms(s.domainColdMs)}`,
      `  one host (${single}, Postfix)   warm ${ms(s.singleHostWarmMs)}   cold (fresh node) ${ms(s.singleHostColdMs)}`,
      `  peak RSS: cold process ${mb(s.coldPeakRssKb)}; bench process after ${RUNS * 2 + 2} warm probes ${mb(s.warmProcessPeakRssKb)}`,
      `  ${s.lookupsPerProbe} DNS lookups and ${s.findingsPerProbe} findings per domain probe`,
      '',
      ...Object.entries(variants).map(([name, v]) => `${name.padEnd(11)} ${Object.entries(v.perHostMs).map(([h, t]) => `${h} ${t} ms`).join(', ')}; 3 hosts one after another ${v.allHostsSequentialMs} ms; peak RSS ${mb(v.peakRssKb)}`),
      '',
      `target: whole-domain probe no slower than swaks -tls on one host (slowest: ${result.target.swaksTlsSlowestOneHostMs} ms)`,
      `  warm ${result.target.domainWarmMet ? 'met' : 'NOT met'}, cold ${result.target.domainColdMet ? 'met' : 'NOT met'}; one Postfix host, warm, vs swaks -tls on it (${result.target.swaksTlsPostfixHostMs} ms): ${result.target.singleHostWarmMet ? 'met' : 'NOT met'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await dns.stop();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

main().catch((err) => fail(err.stack || err.message));
