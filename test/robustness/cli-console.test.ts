/**
 * Standard 1 at the user's surface: the compiled CLI (`smtpcheck diagnose`) and the local console
 * (`npm start` → dist/main.js without Slack tokens, stdin piped) given bad input. Every run is a child
 * process with a kill timer: it must end by itself, with exit status 0/1/2, and write nothing a user
 * should not see — no stack trace, no "Something went wrong inside smtpcheck", only `smtpcheck: …` lines
 * on stderr — and machine output (--json, --jsonl) must stay parseable.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ensureBuilt } from '../cli/build';
import * as I from './inputs';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
const tmp = mkdtempSync(join(tmpdir(), 'smtpcheck-robust-cli-'));
const badDir = join(tmp, 'bad');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the kill timer had to end it. */
  killed: boolean;
  /** Bytes of stdin the child took before it ended (for endless input). */
  written: number;
}

/** Runs node with `args`; stdin gets `input`, or an endless stream of `endless` until the child ends. */
function run(args: string[], opts: { input?: string | Buffer; endless?: Buffer; limitMs?: number; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: tmp,
      env: { PATH: process.env.PATH, HOME: tmp, NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    let written = 0;
    let ended = false;
    child.stdout.on('data', (c) => { stdout += c; });
    child.stderr.on('data', (c) => { stderr += c; });
    child.stdin.on('error', () => undefined); // EPIPE once the child stops reading: expected
    const timer = setTimeout(() => { killed = true; child.kill('SIGKILL'); }, opts.limitMs ?? 20000);
    child.on('close', (code) => {
      ended = true;
      clearTimeout(timer);
      resolve({ code, stdout, stderr, killed, written });
    });
    if (opts.endless) {
      const chunk = opts.endless;
      const pump = () => {
        while (!ended && child.stdin.writable) {
          written += chunk.length;
          if (!child.stdin.write(chunk)) {
            child.stdin.once('drain', pump);
            return;
          }
        }
      };
      pump();
    } else {
      child.stdin.end(opts.input ?? '');
    }
  });
}

/** What no run may ever show a user. */
function expectClean(r: Run): void {
  expect(r.killed).toBe(false);
  expect([0, 1, 2]).toContain(r.code);
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)|\n\s+at node:/);
  expect(all).not.toMatch(/Something went wrong inside smtpcheck/);
  expect(all).not.toMatch(/(?:TypeError|RangeError|ReferenceError|SyntaxError): /);
  for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^smtpcheck: |^Paste the bounce/);
}

const BAD_FILES: Record<string, string | Buffer> = {
  'empty.eml': '',
  'blank.txt': '  \n\t\n',
  'image.png': I.BINARY.png,
  'archive.zip': I.BINARY.zip,
  'document.pdf': I.BINARY.pdf,
  'outlook.msg': I.BINARY.msg,
  'noise.bin': I.BINARY.noise,
  'nested-1000.eml': I.nestedDeep(1000),
  'parts-10k.eml': I.tenThousandParts(),
  'header-1mb.eml': I.hugeHeaderLine(1024 * 1024),
  'utf16.txt': I.utf16(I.PASTED_POSTFIX, 'le', true),
  'cr-only.eml': I.crOnly(I.postfixBounce()),
  'long-line.txt': 'x'.repeat(2 * I.MiB - 1),
  'dsn-5000.eml': I.dsnWithRecipients(5000),
  'mbox-30.mbox': I.mbox(30),
  'slack-broken.txt': I.brokenSlackMarkup(),
  'over-2mib.eml': I.paddedBounce(2 * I.MiB + 100),
};

beforeAll(() => {
  ensureBuilt();
  mkdirSync(badDir, { recursive: true });
  for (const [name, content] of Object.entries(BAD_FILES)) writeFileSync(join(badDir, name), content);
  writeFileSync(join(tmp, 'huge.eml'), Buffer.alloc(50 * 1024 * 1024, 0x61));
}, 120000);

describe('smtpcheck diagnose (compiled bin) on bad files', () => {
  it.each(Object.keys(BAD_FILES))('%s: text output', async (name) => {
    const r = await run([BIN, 'diagnose', join(badDir, name)]);
    expectClean(r);
    if (r.code === 2) expect(r.stderr).toMatch(new RegExp(`^smtpcheck: ${join(badDir, name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+\\.\n$`));
  }, 30000);

  it('every bad file at once as --jsonl: one parseable line per file, in order', async () => {
    const r = await run([BIN, 'diagnose', '--jsonl', badDir], { limitMs: 60000 });
    expectClean(r);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file?: string; error?: unknown });
    expect(lines).toHaveLength(Object.keys(BAD_FILES).length);
    expect(lines.map((l) => l.file)).toEqual(Object.keys(BAD_FILES).sort().map((n) => join(badDir, n)));
  }, 90000);

  it.each(['outlook.msg', 'empty.eml', 'dsn-5000.eml'])('%s as --json: one parseable object or one error line', async (name) => {
    const r = await run([BIN, 'diagnose', '--json', join(badDir, name)]);
    expectClean(r);
    if (r.code === 2) expect(r.stdout).toBe('');
    else expect(() => JSON.parse(r.stdout)).not.toThrow();
  }, 30000);

  it('a 50 MB file is refused as too large', async () => {
    const r = await run([BIN, 'diagnose', join(tmp, 'huge.eml')]);
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/50\.0 MiB; smtpcheck reads bounces up to 2\.0 MiB/);
  }, 30000);

  it('bad input on stdin: binary, empty, UTF-16', async () => {
    for (const input of [I.BINARY.msg, '', I.utf16(I.PASTED_POSTFIX, 'be', true)]) {
      const r = await run([BIN, 'diagnose', '-'], { input });
      expectClean(r);
    }
  }, 60000);

  it('a directory, a missing file and a file that is not readable are reported one line each', async () => {
    const r = await run([BIN, 'diagnose', join(tmp, 'missing.eml'), join(badDir, 'outlook.msg')]);
    expectClean(r);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  }, 30000);

  // Regression (QA): endless input (a device, a runaway pipe) is refused past the cap, not read for ever.
  it('an endless stdin is refused as too large instead of being read for ever', async () => {
    const r = await run([BIN, 'diagnose', '-'], { endless: Buffer.alloc(1024 * 1024, 0x61), limitMs: 20000 });
    expect(r.killed).toBe(false);
    expect(r.stderr).toMatch(/too large|reads bounces up to/);
  }, 30000);

  it('an endless device file (/dev/zero) is refused instead of being read for ever', async () => {
    const r = await run([BIN, 'diagnose', '/dev/zero'], { limitMs: 20000 });
    expect(r.killed).toBe(false);
    expect(r.code).toBe(2);
  }, 30000);
});

describe('text from a bounce cannot drive the terminal', () => {
  // A remote server writes the "Server said" words. This one carries an OSC 52 clipboard write, a
  // screen clear and colours (shape: a Postfix bounce, bounce(8), with a hostile reply text).
  const HOSTILE = [
    'This is the mail system at host mail.example.org.',
    '',
    '<user@example.com>: host mx.example.com[192.0.2.25] said: 550 5.1.1 \x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2J\x1b[31mUser unknown\x1b[0m \x9b31m (in reply to RCPT TO command)',
    '',
  ].join('\n');

  // Regression (QA): control characters from untrusted text never reach the terminal.
  it('smtpcheck diagnose prints no control characters from the bounce', async () => {
    writeFileSync(join(tmp, 'hostile.txt'), HOSTILE);
    const r = await run([BIN, 'diagnose', join(tmp, 'hostile.txt')]);
    expectClean(r);
    expect(r.stdout).toMatch(/User unknown/);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/);
  }, 30000);

  it('the console does not echo control characters from a paste either', async () => {
    const r = await run([MAIN], { input: HOSTILE + '.\nquit\n', limitMs: 30000 });
    expectClean(r);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/);
  }, 45000);
});

describe('the local console (dist/main.js, no Slack tokens) with piped stdin', () => {
  it('answers each bad paste with a clear line and keeps going', async () => {
    const input = [
      'hello, is this thing on?',
      '.',
      I.BINARY.noise.toString('latin1').replace(/\n/g, ' ').slice(0, 3000),
      '.',
      '<' + '<|'.repeat(5000),
      '.',
      I.PASTED_POSTFIX,
      '.',
      'probe 169.254.169.254',
      'probe [::ffff:127.0.0.1]:25',
      'probe example.test:22',
      'probe ' + 'a'.repeat(400) + '.test',
      'platform nonsense',
      'transcript',
      'recheck',
      'details',
      'quit',
      'this line comes after quit and is ignored',
      '',
    ].join('\n');
    const r = await run([MAIN], { input, limitMs: 30000 });
    expectClean(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Recipient address rejected|recipient|Recipient/);
    expect(r.stdout).toMatch(/will not probe[\s\S]*will not probe/);
    expect(r.stdout).toMatch(/does not probe port 22/);
    expect(r.stdout).toMatch(/too long/);
  }, 45000);

  it('a 2 MiB paste on stdin is read (or cut with a warning), and the console ends', async () => {
    const r = await run([MAIN], { input: I.paddedBounce(2 * I.MiB + 4096).toString('utf8') + '\n.\nquit\n', limitMs: 30000 });
    expectClean(r);
    expect(r.stdout).toMatch(/big@example\.com/);
  }, 45000);

  it('binary bytes on stdin do not crash it', async () => {
    const r = await run([MAIN], { input: Buffer.concat([I.BINARY.msg, Buffer.from('\n.\nquit\n')]), limitMs: 30000 });
    expectClean(r);
  }, 45000);
});
