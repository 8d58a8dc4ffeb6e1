/**
 * Standard 3: secrets never leak — not in logs, error messages, probe transcripts or JSON, CLI or
 * console output.
 *
 * End to end: a hostile submission server (smtp-server on a random 127.x.y.z, port 2525 — a port
 * where smtpcheck sends its configured credentials) that, after STARTTLS, answers AUTH with a 535
 * echoing everything it received: the user name, the decoded password and the AUTH PLAIN payload.
 * A local dns2 server publishes its name; the certificate comes from the test CA (test/helpers/certs),
 * trusted by the probe (runProbe's trustedCa, the bin's NODE_EXTRA_CA_CERTS). The password is then
 * looked for, in every encoding a leak could take, in the ProbeReport JSON, the compiled bin's stdout
 * and stderr (text with --transcript, and --json), and the console's output and log lines.
 *
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import type { ProbeConfig } from '../../src/config';
import { loadConfig } from '../../src/config';
import { createEngine } from '../../src/bot/engine';
import { runConsole } from '../../src/console';
import { ErrorCode, SmtpcheckError } from '../../src/errors';
import { createLogger } from '../../src/logger';
import { registerSecret, redactSecrets } from '../../src/redact';
import { runProbe } from '../../src/probe';
import { ensureBuilt, BIN } from '../cli/build';
import { getTestCerts, TEST_MX_NAME } from '../helpers/certs';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';

const USER = 'relay-account@example.test';
// Quote and backslash on purpose: they are escaped in JSON, which is where a naive redaction misses them.
const PASS = 'Qx7"sm4ll\\Batt3ry-Stap1e';
const SUBMISSION_PORT = 2525;

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** Forms in which the password could appear. */
const LEAK_FORMS: Record<string, string> = {
  raw: PASS,
  'JSON-escaped': JSON.stringify(PASS).slice(1, -1),
  base64: b64(PASS),
};
/** The AUTH PLAIN initial response: base64 of NUL user NUL password — decodes straight to the password. */
const PLAIN_PAYLOAD = b64(`\0${USER}\0${PASS}`);

function leaksIn(text: string): string[] {
  return Object.entries(LEAK_FORMS).filter(([, form]) => text.includes(form)).map(([name]) => name);
}

// ---------------------------------------------------------------------------------------------
// a hostile submission server that echoes the credentials it receives

interface HostilePeer {
  ip: string;
  authAttempts: number;
  commands: string[];
  stop(): Promise<void>;
}

async function startHostilePeer(key: string, cert: string): Promise<HostilePeer> {
  const commands: string[] = [];
  const peer = { authAttempts: 0 };
  const record = (meta: unknown, ...args: unknown[]) => {
    const m = meta as { tnx?: string } | undefined;
    if (m?.tnx === 'command' && args[0] === 'C:') commands.push(String(args[1] ?? ''));
  };
  const server = new SMTPServer({
    name: TEST_MX_NAME,
    key,
    cert,
    disableReverseLookup: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: { trace: record, debug: record, info: record, warn: record, error: record, fatal: record } as never,
    onConnect(session, cb) {
      session.disabledCommands = ['AUTH']; // AUTH only after STARTTLS, like Postfix smtpd_tls_auth_only
      cb();
    },
    onSecure(_socket, session, cb) {
      session.disabledCommands = [];
      cb();
    },
    onAuth(auth, _session, cb) {
      peer.authAttempts++;
      const err = new Error(`5.7.8 Authentication failed for ${auth.username} with password ${auth.password} (payload ${b64(`\0${auth.username}\0${auth.password}`)})`) as Error & { responseCode: number };
      err.responseCode = 535;
      cb(err);
    },
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => cb(Object.assign(new Error('5.7.1 never'), { responseCode: 554 })));
    },
  });
  server.on('error', () => undefined);
  // A random loopback address: port 2525 must be a submission port, and parallel runs must not collide.
  for (let attempt = 0; ; attempt++) {
    const ip = `127.${20 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
    try {
      await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.server.listen(SUBMISSION_PORT, ip, () => {
          server.server.off('error', reject);
          resolve();
        });
      });
      return Object.assign(peer, {
        ip,
        commands,
        stop: () => new Promise<void>((resolve) => {
          for (const c of (server as unknown as { connections: Set<{ close(): void }> }).connections) c.close();
          server.close(() => resolve());
        }),
      });
    } catch (err) {
      if (attempt >= 10) throw err;
    }
  }
}

// ---------------------------------------------------------------------------------------------

let dns: TestDnsServer;
let peer: HostilePeer;
let ca: string;
let caFile: string;
const tmp = mkdtempSync(join(tmpdir(), 'smtpcheck-secrets-'));

beforeAll(async () => {
  ensureBuilt();
  const certs = await getTestCerts();
  ca = certs.ca.cert;
  caFile = join(tmp, 'test-ca.pem');
  writeFileSync(caFile, ca);
  peer = await startHostilePeer(certs.good.key, certs.good.cert);
  dns = await startDnsServer({ [TEST_MX_NAME]: { A: [peer.ip] } });
}, 120000);

afterAll(async () => {
  await peer?.stop();
  await dns?.stop();
});

function probeConfig(): ProbeConfig {
  return {
    dnsServers: [dns.address],
    heloName: 'probe.smtpcheck.test',
    mailFrom: '',
    authUser: USER,
    authPass: PASS,
    authHosts: [TEST_MX_NAME],
    dnsblZones: [],
    timeoutMs: 8000,
    allowPrivate: true,
    allowedPorts: [25, 465, 587, SUBMISSION_PORT],
    maxConcurrent: 4,
  };
}

const TARGET = `${TEST_MX_NAME}:${SUBMISSION_PORT}`;

describe('the SMTP AUTH password against a server that echoes it', () => {
  it('runProbe: the password appears nowhere in the ProbeReport', async () => {
    const before = peer.authAttempts;
    const report = await runProbe(TARGET, { config: probeConfig(), trustedCa: ca });
    // Not vacuous: the credentials were really sent and refused with the echo.
    expect(peer.authAttempts).toBeGreaterThan(before);
    expect(report.hosts[0].transcript.join('\n')).toMatch(/535/);
    expect(leaksIn(JSON.stringify(report))).toEqual([]);
  });

  // Regression (QA): the AUTH PLAIN payload a server echoes back decodes to the password.
  it('runProbe: the AUTH PLAIN payload echoed by the server is scrubbed too', async () => {
    const report = await runProbe(TARGET, { config: probeConfig(), trustedCa: ca });
    expect(JSON.stringify(report)).not.toContain(PLAIN_PAYLOAD);
  });

  function cliEnv(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: tmp,
      NO_COLOR: '1',
      NODE_EXTRA_CA_CERTS: caFile,
      SMTPCHECK_DNS_SERVERS: dns.address,
      SMTPCHECK_DNSBL_ZONES: '',
      SMTPCHECK_ALLOW_PRIVATE: '1',
      SMTPCHECK_ALLOWED_PORTS: `25,465,587,${SUBMISSION_PORT}`,
      SMTPCHECK_AUTH_USER: USER,
      SMTPCHECK_AUTH_PASS: PASS,
      SMTPCHECK_AUTH_HOSTS: TEST_MX_NAME,
      SMTPCHECK_PROBE_TIMEOUT_MS: '8000',
      SMTPCHECK_DEBUG: '1',
      LOG_LEVEL: 'debug',
    };
  }

  function bin(args: string[]): Promise<{ code: number; out: string }> {
    return new Promise((resolve) => {
      const child = execFile(process.execPath, [BIN, ...args], { env: cliEnv(), cwd: tmp, timeout: 30000 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, out: `${stdout}\n${stderr}` });
      });
      child.stdin?.end();
    });
  }

  it.each([
    ['text with --transcript', ['probe', TARGET, '--transcript']],
    ['--json', ['probe', TARGET, '--json']],
  ])('the compiled CLI (%s): not on stdout or stderr, even with SMTPCHECK_DEBUG=1', async (_name, args) => {
    const before = peer.authAttempts;
    const r = await bin(args);
    expect(peer.authAttempts).toBeGreaterThan(before);
    expect(r.out).toMatch(/535/);
    expect(leaksIn(r.out)).toEqual([]);
  }, 60000);

  it('the console: not in its replies (probe, transcript) or its log lines', async () => {
    const logs: string[] = [];
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c) => { out += c.toString(); });
    const config = { ...loadConfig({}), probe: { ...probeConfig(), dnsServers: [dns.address] } };
    const before = peer.authAttempts;
    // The console's engine uses the system trust store: start it with the test CA through the probe seam.
    const base = createEngine(config);
    const engine = { ...base, probe: (t: string, o: Parameters<typeof base.probe>[1]) => runProbe(t, { ...o, config: config.probe, trustedCa: ca }) };
    const done = runConsole(config, { input: stdin, output: stdout }, { engine, logger: createLogger('debug', (l) => logs.push(l)), env: {} });
    stdin.end(`probe ${TARGET}\ntranscript\n`);
    await done;
    expect(peer.authAttempts).toBeGreaterThan(before);
    expect(out).toMatch(/535/);
    expect(leaksIn(out + logs.join('\n'))).toEqual([]);
  }, 60000);
});

describe('logs', () => {
  const TOKENS = {
    bot: 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
    user: 'xoxp-123456789012-123456789012-123456789012-0123456789abcdef0123456789abcdef',
    app: 'xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef',
  };

  it('Slack tokens are masked in the message, in fields, in nested objects and in errors', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    log.error(`posting with ${TOKENS.bot}`, {
      token: TOKENS.user,
      nested: { headers: { authorization: `Bearer ${TOKENS.bot}` }, list: [TOKENS.app] },
      err: new SmtpcheckError(ErrorCode.Internal, `socket mode failed for ${TOKENS.app}`),
      plain: new Error(`an_error: invalid_auth for ${TOKENS.bot}`),
    });
    const all = lines.join('\n');
    for (const t of Object.values(TOKENS)) expect(all).not.toContain(t);
    expect(all).toContain('[redacted]');
  });

  it('registered secrets (signing secret, SMTP password) are masked wherever they appear in plain text', () => {
    const signing = '8f14e45fceea167a5a36dedd4bea2543';
    registerSecret(signing);
    expect(redactSecrets(`signature check with ${signing} failed`)).not.toContain(signing);
  });

  // Regression (QA): secrets with characters JSON escapes are masked before escaping.
  it('a registered password containing a quote or backslash is masked in log lines', () => {
    registerSecret(PASS);
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    log.warn('smart host said', { reply: `535 5.7.8 bad password ${PASS}`, err: new Error(`login as ${USER} with ${PASS} failed`) });
    expect(leaksIn(lines.join('\n'))).toEqual([]);
  });
});

describe('error messages', () => {
  it('configuration errors never repeat a token they reject', () => {
    const cases: Record<string, string>[] = [
      { SLACK_BOT_TOKEN: 'xoxp-123456789012-123456789012-secretsecret' },
      { SLACK_BOT_TOKEN: 'xoxb-123456789012-1234567890123-secretsecret', SLACK_APP_TOKEN: 'xoxb-123456789012-1234567890123-othersecret' },
      { SLACK_BOT_TOKEN: 'xoxb-123456789012-1234567890123-secretsecret', SLACK_MODE: 'http' },
      { SMTPCHECK_AUTH_USER: 'someone' },
    ];
    for (const env of cases) {
      let message = '';
      try {
        loadConfig(env);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).not.toBe('');
      for (const [name, value] of Object.entries(env)) if (/TOKEN|SECRET|PASS/.test(name)) expect(message).not.toContain(value);
    }
  });

  // Regression (QA): error messages that quote a setting's value go through redaction.
  it('the CLI masks a token-shaped value quoted in an error message', async () => {
    const token = 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOp';
    const r = await new Promise<string>((resolve) => {
      const child = execFile(process.execPath, [BIN, 'probe', 'example.com'], {
        env: { PATH: process.env.PATH, HOME: tmp, NO_COLOR: '1', SMTPCHECK_DNS_SERVERS: token },
        cwd: tmp, timeout: 20000,
      }, (_err, stdout, stderr) => resolve(stdout + stderr));
      child.stdin?.end();
    });
    expect(r).toMatch(/SMTPCHECK_DNS_SERVERS/);
    expect(r).not.toContain(token);
  }, 30000);
});
