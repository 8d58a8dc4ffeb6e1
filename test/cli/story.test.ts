/**
 * The story end to end on the real engine: the Exchange 2003 queue error, the delay DSN and the #4.4.7
 * NDR from Microsoft KB 329636 (test/cli/fixtures.ts), through the CLI in-process and the compiled bin.
 */
import { execFile } from 'node:child_process';
import { PassThrough, Writable } from 'node:stream';
import { runCli } from '../../src/cli/run';
import { ErrorCode } from '../../src/errors';
import { BIN, ensureBuilt } from './build';
import { fixtureDir, QUEUE_LINE } from './fixtures';

class Capture extends Writable {
  text = '';
  _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(argv: string[], stdinText = '') {
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(argv, { stdin, stdout, stderr, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const { dir, files } = fixtureDir();

describe('the story: "The remote SMTP service rejected AUTH negotiation"', () => {
  it('names the outbound-auth-mismatch cause with the Exchange 2003 steps: Outbound Security → Anonymous access', async () => {
    const r = await run(['diagnose', '-'], QUEUE_LINE);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Cause: Outbound SMTP authentication/m);
    expect(r.stdout).toMatch(/Server said\s+"The remote SMTP service rejected AUTH negotiation"/);
    expect(r.stdout).toMatch(/What to do — Exchange Server 2003:/);
    const steps = r.stdout.slice(r.stdout.indexOf('What to do'));
    expect(steps.replace(/\s+/g, ' ')).toMatch(/Default SMTP Virtual Server → Properties → Delivery tab → Outbound Security → select Anonymous access/);
    expect(steps.replace(/\s+/g, ' ')).toMatch(/SMTP connector → Properties → Advanced tab → Outbound Security → select Anonymous access/);
  });

  it('gives the same cause in JSON, with steps for every platform', async () => {
    const r = await run(['diagnose', '--json', files.queue]);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ file: files.queue, source: { format: 'line', mta: 'exchange2003' }, platform: 'exchange-2003' });
    expect(json.recipients[0]).toMatchObject({ cause: 'outbound-auth-mismatch', command: 'AUTH', diagnostic: QUEUE_LINE });
    expect(json.causes[0]).toMatchObject({ id: 'outbound-auth-mismatch', rank: 1 });
    expect(Object.keys(json.causes[0].steps)).toEqual(expect.arrayContaining(['generic', 'exchange-2003', 'exchange-onprem', 'postfix']));
  });

  it('switches to Exchange 2007+ shell steps with --platform', async () => {
    const r = await run(['diagnose', files.queue, '--platform', 'exchange-2016']);
    expect(r.stdout).toMatch(/What to do — Exchange Server \(on-premises\):/);
    expect(r.stdout).toContain('Set-SendConnector');
    expect(r.stdout).not.toMatch(/Default SMTP Virtual Server → Properties/);
  });

  it('reads the #4.4.7 expiry NDR as a symptom, with outbound authentication first among what may lie behind it', async () => {
    const r = await run(['diagnose', files.expiry]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Status\s+4\.4\.7/);
    expect(r.stdout).toMatch(/^Cause: Delivery retries ran out/m);
    expect(r.stdout).toMatch(/What may lie behind it, most likely first:\n  1\. Outbound SMTP authentication[^.]*\n     Tell apart: /);
    expect(r.stdout).toMatch(/\n  2\. [^\n]+\n     Tell apart: /);
  });
});

describe('smtpcheck diagnose --jsonl over a directory (real engine)', () => {
  it('prints one line per file, an error line for unreadable ones, and exits 0', async () => {
    const r = await run(['diagnose', '--jsonl', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    const byFile = Object.fromEntries(lines.map((l) => [l.file, l]));
    expect(lines).toHaveLength(Object.keys(files).length);
    expect(byFile[files.queue].causes[0].id).toBe('outbound-auth-mismatch');
    expect(byFile[files.delay].kind).toBe('delay');
    expect(byFile[files.expiry].recipients[0]).toMatchObject({ address: 'someone@example.com', status: '4.4.7' });
    expect(byFile[files.postfix]).toMatchObject({ kind: 'bounce', source: { format: 'mime' } });
    expect(byFile[files.postfix].recipients[0]).toMatchObject({ address: 'nobody@example.org', status: '5.1.1', replyCode: '550', cause: 'recipient-unknown', hard: true });
    expect(byFile[files.chat].kind).toBe('not-a-bounce');
    expect(byFile[files.binary]).toEqual({ file: files.binary, error: expect.stringMatching(/not a bounce/), code: ErrorCode.BinaryInput });
    expect(byFile[files.empty]).toEqual({ file: files.empty, error: expect.stringMatching(/empty/), code: ErrorCode.BadInput });
  });

  it('exits 1 for an input that is not a bounce', async () => {
    const r = await run(['diagnose', files.chat]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/does not look like a bounce/);
  });
});

describe('the compiled bin on the story', () => {
  beforeAll(() => ensureBuilt(), 120000);

  it('prints the Exchange 2003 fix for the queue line piped on stdin', async () => {
    const out = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [BIN, 'diagnose'], { env: { PATH: process.env.PATH, NO_COLOR: '1' } }, (err, stdout, stderr) => {
        resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
      });
      child.stdin?.end(`${QUEUE_LINE}\n`);
    });
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout.replace(/\s+/g, ' ')).toMatch(/Outbound Security → select Anonymous access/);
  });
});
