/**
 * The compiled `smtpcheck` bin (dist/cli/index.js) as a user runs it: a child process, real engine,
 * loopback-only network (a dns2 server and a scripted smtp-server peer from test/helpers).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, BIN } from './build';
import { startLoopbackMx, type LoopbackMx } from '../helpers/loopback-mx';
import { allCommands, type ScriptedPeer } from '../helpers/smtp-servers';

interface Result { code: number; stdout: string; stderr: string }

/** Environment with nothing inherited that could change the outcome (no .env, no colour, no tokens). */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...extra };
}

function smtpcheck(args: string[], opts: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: cleanEnv(opts.env), cwd: opts.cwd ?? tmp, timeout: 25000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
    child.stdin?.end(opts.stdin ?? '');
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'smtpcheck-bin-'));

beforeAll(() => ensureBuilt(), 120000);

describe('smtpcheck (compiled bin)', () => {
  it('prints its version and help', async () => {
    const version = await smtpcheck(['--version']);
    expect(version).toEqual({ code: 0, stdout: `smtpcheck ${require('../../package.json').version}\n`, stderr: '' });
    const help = await smtpcheck(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit status: 0 when a report/);
  });

  it('answers usage errors with one line on stderr and status 2, never a stack trace', async () => {
    for (const args of [['bogus'], ['probe'], ['diagnose', '--json', '--jsonl'], ['probe', 'example.com', '--port', 'x']]) {
      const r = await smtpcheck(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^smtpcheck: .+\n$/);
    }
  });

  it('reports an unreadable file in one line and exits 2', async () => {
    const r = await smtpcheck(['diagnose', join(tmp, 'missing.eml')]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `smtpcheck: ${join(tmp, 'missing.eml')}: no such file\n` });
  });

  it('refuses a bad configuration before doing anything', async () => {
    const r = await smtpcheck(['probe', 'example.com'], { env: { SMTPCHECK_DNS_SERVERS: 'not-an-ip' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^smtpcheck: configuration error: SMTPCHECK_DNS_SERVERS contains "not-an-ip"/);
  });

  it('reads settings from .env in the working directory without printing anything about it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smtpcheck-dotenv-'));
    writeFileSync(join(dir, '.env'), 'SMTPCHECK_PROBE_TIMEOUT_MS=5\n');
    const r = await smtpcheck(['probe', 'example.com'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('smtpcheck: configuration error: SMTPCHECK_PROBE_TIMEOUT_MS is "5". Set it to a whole number from 1000 to 120000, or remove it to use 20000.\n');
  });

  it('refuses to probe a loopback address unless SMTPCHECK_ALLOW_PRIVATE=1', async () => {
    const r = await smtpcheck(['probe', '127.0.0.1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^smtpcheck: .*(private|loopback|local)/i);
  });

  describe('probing a loopback MX that offers no AUTH (the story\'s remote host)', () => {
    let world: LoopbackMx;
    let peer: ScriptedPeer;
    let env: Record<string, string>;

    beforeAll(async () => {
      world = await startLoopbackMx();
      ({ peer, env } = world);
    });
    afterAll(async () => {
      await world?.stop();
    });

    it('prints the verdict first, steps with timings and the findings, and never sends DATA', async () => {
      const r = await smtpcheck(['probe', 'example.test', '--port', String(peer.port), '--transcript'], { env });
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).toBe('');
      const [verdict, ...rest] = r.stdout.split('\n');
      expect(verdict).toMatch(/^(PASS|WARN|FAIL|SKIP|ERROR): /);
      const body = rest.join('\n');
      expect(body).toMatch(new RegExp(`MX\\s+10 ${peer.name.replace(/\./g, '\\.')} \\(127\\.0\\.0\\.1\\)`));
      expect(body).toMatch(/^\s+banner\s+\d+ ms\s+ok\s+220 /m);
      expect(body).toMatch(/AUTH\s+before TLS: none offered/);
      expect(body).toMatch(/\nPassed:\n  \[PASS\] /);
      expect(body).toMatch(/Transcript .*127\.0\.0\.1.*\n(  [*SC] .*\n)+/);
      expect(allCommands()).not.toContain('DATA');
      expect(peer.commands.some((c) => /^DATA/i.test(c))).toBe(false);
    });

    it('prints the ProbeReport alone with --json', async () => {
      const r = await smtpcheck(['probe', 'example.test', '--port', String(peer.port), '--json'], { env });
      const report = JSON.parse(r.stdout);
      expect(report).toMatchObject({ target: 'example.test', kind: 'domain', hosts: [{ ip: '127.0.0.1', port: peer.port }] });
      expect(report.hosts[0].auth.before ?? []).toEqual([]);
      expect(r.code).toBe(report.outcome === 'fail' || report.outcome === 'error' ? 1 : 0);
      expect(r.stderr).toBe('');
    });
  });
});
