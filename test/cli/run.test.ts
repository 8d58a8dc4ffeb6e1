/**
 * The CLI in-process, on the fake engine (test/bot/fakes): exit statuses, output shapes and error
 * lines. test/cli/bin.test.ts runs the compiled bin on the real engine.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { runCli } from '../../src/cli/run';
import { ErrorCode, SmtpcheckError } from '../../src/errors';
import { AUTH_LINE, F, fakeEngine, report, type FakeEngine } from '../bot/fakes';

class Capture extends Writable {
  text = '';
  isTTY?: boolean;
  _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(argv: string[], opts: { stdin?: string; engine?: FakeEngine; env?: Record<string, string>; stderrTTY?: boolean } = {}) {
  const stdin = new PassThrough();
  stdin.end(opts.stdin ?? '');
  const stdout = new Capture();
  const stderr = new Capture();
  stderr.isTTY = opts.stderrTTY;
  const engine = opts.engine ?? fakeEngine();
  const code = await runCli(argv, { stdin, stdout, stderr, env: opts.env ?? {}, engine: () => engine });
  return { code, stdout: stdout.text, stderr: stderr.text, engine };
}

const dir = mkdtempSync(join(tmpdir(), 'smtpcheck-cli-'));
const files = {
  auth: join(dir, 'queue-auth.txt'),
  unknown: join(dir, 'nested', 'user-unknown.txt'),
  chat: join(dir, 'chat.txt'),
  binary: join(dir, 'image.bin'),
};
mkdirSync(join(dir, 'nested'));
writeFileSync(files.auth, `${AUTH_LINE}\n`);
writeFileSync(files.unknown, '550 5.1.1 <nobody@example.org>: User unknown\n');
writeFileSync(files.chat, 'lunch at noon?\n');
writeFileSync(files.binary, 'BINARY');
writeFileSync(join(dir, '.hidden'), `${AUTH_LINE}\n`);

describe('smtpcheck diagnose', () => {
  it('prints the explanation for one file and exits 0', async () => {
    const r = await run(['diagnose', files.auth]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Outbound SMTP authentication mismatch\n/);
    expect(r.stdout).toMatch(/What to do — Exchange Server 2003:\n  In Exchange System Manager/);
  });

  it('switches the steps with --platform', async () => {
    const r = await run(['diagnose', files.auth, '--platform', 'exchange-onprem']);
    expect(r.stdout).toMatch(/What to do — Exchange Server \(on-premises\):/);
    expect(r.stdout).toContain('`Set-SendConnector -SmartHostAuthMechanism None`');
    expect(r.engine.calls.explainPlatforms).toEqual(['exchange-onprem']);
  });

  it('reads standard input for - and when no file is given', async () => {
    for (const argv of [['diagnose', '-'], ['diagnose']]) {
      const r = await run(argv, { stdin: AUTH_LINE });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Outbound SMTP authentication mismatch/);
    }
  });

  it('prints one JSON object with --json, with file only when it came from a file', async () => {
    const fromFile = JSON.parse((await run(['diagnose', files.auth, '--json'])).stdout);
    expect(fromFile).toMatchObject({ file: files.auth, kind: 'bounce', causes: [{ id: 'outbound-auth-mismatch', rank: 1 }] });
    const fromStdin = JSON.parse((await run(['diagnose', '--json'], { stdin: AUTH_LINE })).stdout);
    expect(fromStdin).not.toHaveProperty('file');
    expect(fromStdin.recipients[0]).toMatchObject({ status: '4.4.7', cause: 'outbound-auth-mismatch' });
  });

  it('refuses --json for several inputs and points to --jsonl', async () => {
    const r = await run(['diagnose', files.auth, files.chat, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^smtpcheck: --json prints one object for one input, and there are 2\. Use --jsonl/);
  });

  it('prints one line per input with --jsonl, walking directories and carrying on past a bad file', async () => {
    const r = await run(['diagnose', '--jsonl', dir, join(dir, 'missing.eml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([files.chat, files.binary, files.unknown, files.auth, join(dir, 'missing.eml')]);
    expect(lines[0]).toMatchObject({ kind: 'not-a-bounce', recipients: [] });
    expect(lines[1]).toEqual({ file: files.binary, error: 'That looks like a binary file, not a bounce message.', code: ErrorCode.BinaryInput });
    expect(lines[2]).toMatchObject({ kind: 'bounce', causes: [{ id: 'recipient-unknown' }] });
    expect(lines[3]).toMatchObject({ kind: 'bounce', causes: [{ id: 'outbound-auth-mismatch' }] });
    expect(lines[4]).toEqual({ file: join(dir, 'missing.eml'), error: 'no such file', code: ErrorCode.BadInput });
  });

  it('exits 1 when what was read is not a bounce, and 2 when nothing could be read', async () => {
    const chat = await run(['diagnose', files.chat]);
    expect(chat.code).toBe(1);
    expect(chat.stdout).toMatch(/does not look like a bounce/);
    const bad = await run(['diagnose', files.binary]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(`smtpcheck: ${files.binary}: That looks like a binary file, not a bounce message.\n`);
    const missing = await run(['diagnose', join(dir, 'nope.eml'), '--jsonl']);
    expect(missing.code).toBe(2);
  });

  it('heads each input in text mode when there are several', async () => {
    const r = await run(['diagnose', files.auth, files.chat]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^==> ${files.auth} <==\\n`));
    expect(r.stdout).toContain(`\n==> ${files.chat} <==\nThat does not look like a bounce`);
  });

  it('reports a configuration error in one line and exits 2', async () => {
    const r = await run(['diagnose', files.auth], { env: { SMTPCHECK_MAX_INPUT_BYTES: 'lots' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^smtpcheck: configuration error: SMTPCHECK_MAX_INPUT_BYTES is "lots"\. Set it to a whole number/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('smtpcheck probe', () => {
  it('prints the report, verdict first, and exits 1 when a check failed', async () => {
    const r = await run(['probe', 'example.com'], { engine: fakeEngine([report([F.mxOk, F.tlsFail])]) });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('FAIL: STARTTLS handshake failed');
    expect(r.stdout).not.toContain('C: EHLO');
    expect(r.stderr).toBe('');
  });

  it('exits 0 when nothing failed, warnings included', async () => {
    const r = await run(['probe', 'example.com'], { engine: fakeEngine([report([F.mxOk, F.authNone])]) });
    expect(r.code).toBe(0);
  });

  it('passes port and rcpt to the probe and appends the transcript on request', async () => {
    const r = await run(['probe', 'mx.example.com', '--port', '587', '--rcpt', 'a@example.com', '--transcript']);
    expect(r.engine.calls.probes[0]).toMatchObject({ target: 'mx.example.com', opts: { port: 587, rcpt: 'a@example.com' } });
    expect(r.stdout).toMatch(/Transcript mx\.example\.com\[192\.0\.2\.10\]:25\n  S: 220/);
  });

  it('prints the ProbeReport alone as JSON, with progress on stderr only for a terminal', async () => {
    const engine = fakeEngine([report([F.mxOk])]);
    const inner = engine.probe;
    engine.probe = async (t, o) => {
      o.onProgress?.({ stage: 'dns', message: 'MX example.com: 1 host', elapsedMs: 12 });
      return inner(t, o);
    };
    const piped = await run(['probe', 'example.com', '--json'], { engine });
    expect(JSON.parse(piped.stdout)).toMatchObject({ target: 'example.com', outcome: 'pass', findings: [{ id: 'mx-ok' }] });
    expect(piped.stderr).toBe('');
    const tty = await run(['probe', 'example.com', '--json'], { engine, stderrTTY: true });
    expect(JSON.parse(tty.stdout).target).toBe('example.com');
    expect(tty.stderr).toMatch(/Probing example\.com[\s\S]*12 ms  MX example\.com: 1 host/);
  });

  it('exits 2 with one line for a refused target, and hides internal errors unless SMTPCHECK_DEBUG=1', async () => {
    const engine = fakeEngine();
    engine.probe = async () => { throw new SmtpcheckError(ErrorCode.TargetRefused, '127.0.0.1 is a loopback address; smtpcheck does not probe those.'); };
    const refused = await run(['probe', '127.0.0.1'], { engine });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('smtpcheck: 127.0.0.1 is a loopback address; smtpcheck does not probe those.\n');
    engine.probe = async () => { throw new TypeError('x is undefined'); };
    const crash = await run(['probe', 'example.com'], { engine });
    expect(crash.code).toBe(2);
    expect(crash.stderr).toBe('smtpcheck: Something went wrong inside smtpcheck.\n');
    const debug = await run(['probe', 'example.com'], { engine, env: { SMTPCHECK_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/Something went wrong[\s\S]*TypeError: x is undefined\n\s+at /);
  });
});

describe('smtpcheck help and version', () => {
  it('prints help on stdout and exits 0; usage errors go to stderr with 2', async () => {
    const help = await run(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/smtpcheck diagnose \[FILE\|DIR…\|-\]/);
    const version = await run(['--version']);
    expect(version.stdout).toMatch(/^smtpcheck \d+\.\d+\.\d+\n$/);
    const bad = await run(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^smtpcheck: Unknown command "frobnicate"/);
  });
});
