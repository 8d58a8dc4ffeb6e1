/**
 * Standard 2, end to end: the whole diagnose() on pathological 1–2 MiB pastes must complete.
 * Each runs in a killable worker (./isolate.ts) with a generous 20 s limit: this is a hang detector,
 * not a timing assertion — how long each takes is measured by bench/redos.js.
 *
 * The inputs are what regular expressions with nested or adjacent quantifiers choke on: long runs of
 * spaces and blank lines, repeated tokens, one enormous line — placed where the readers look (the
 * recipient block of an Exchange NDR, the body of a Postfix bounce) and sent down every intake path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPIRY_NDR_TEXT } from '../cli/fixtures';
import * as I from './inputs';
import { IsolatedEngine, type Outcome } from './isolate';

const engine = new IsolatedEngine();
afterAll(() => engine.close());

const LIMIT_MS = 20000;
const TEST_MS = 90000;
const TWO_MIB = 2 * I.MiB;

/** The visible text of an Exchange Online NDR (shape: Microsoft Learn, "Email non-delivery reports in Exchange Online"). */
const OFFICE365_PASTE = [
  'Your message to sales@tailspintoys.example couldn\'t be delivered.',
  'sales wasn\'t found at tailspintoys.example.',
  '',
  'Diagnostic information for administrators:',
  '',
  'Generating server: SN6PR11MB3456.namprd11.prod.outlook.com',
  '',
  'sales@tailspintoys.example',
  'Remote Server returned \'550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\'',
  '',
].join('\n');

/** Exchange 2000/2003 expiry NDR and delay notice as pasted from Outlook (shape: Microsoft KB 329636). */
const EXCHANGE2003_NDR = `${EXPIRY_NDR_TEXT}\n`;
const EXCHANGE2003_DELAY = [
  'This is an automatically generated Delivery Status Notification.',
  '',
  'THIS IS A WARNING MESSAGE ONLY.',
  '',
  'YOU DO NOT NEED TO RESEND YOUR MESSAGE',
  '',
  'Delivery to the following recipients has been delayed.',
  '',
  '       someone@example.com',
  '',
].join('\n');

function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** `text` followed by `unit` repeated up to about `total` bytes. */
function padded(text: string, unit: string, total = TWO_MIB - 64): string {
  return text + fill(unit, total - text.length);
}

async function expectCompletes(input: string | Buffer, origin: 'paste' | 'slack' | 'file'): Promise<Outcome> {
  const o = await engine.run('diagnose', input, { origin }, LIMIT_MS);
  expect(o.status).not.toBe('hung');
  if (o.status === 'refused') expect(o.name).toBe('SmtpcheckError');
  return o;
}

const ORIGINS = ['paste', 'file'] as const;

describe('diagnose() completes on pathological 1–2 MiB input', () => {
  it.each([
    ['a bounce followed by 2 MiB of blank lines', () => padded(I.PASTED_POSTFIX, '\n')],
    ['a bounce followed by 2 MiB of " \\n"', () => padded(I.PASTED_POSTFIX, ' \n')],
    ['a bounce followed by "550 5.1.1 " repeated', () => padded(I.PASTED_POSTFIX, '550 5.1.1 ')],
    ['a bounce followed by "<a@b.c> " repeated', () => padded(I.PASTED_POSTFIX, '<a@b.example> ')],
    ['a bounce followed by "a: b" header-like lines', () => padded(I.PASTED_POSTFIX, 'X-Header: value\n')],
    ['one 2 MiB line of "a"', () => fill('a', TWO_MIB - 1) + '\n'],
    ['one 2 MiB line of "-"', () => fill('-', TWO_MIB - 1) + '\n'],
    ['2 MiB of "--boundary" lines', () => padded('Content-Type: multipart/mixed; boundary="x"\nMIME-Version: 1.0\n\n', '--x\n')],
    ['a MIME bounce whose returned original is 2 MiB of spaces', () => I.postfixBounce('user@example.com', fill(' ', TWO_MIB - 4096))],
    ['an mbox of 2 MiB of "From " lines', () => padded('From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n', 'From x\n\n')],
  ])('%s', async (_name, make) => {
    const input = make();
    for (const origin of ORIGINS) await expectCompletes(input, origin);
  }, TEST_MS);

  it('a 2 MiB DSN with ~9,000 recipients completes and lists recipients', async () => {
    let s = I.dsnWithRecipients(0).replace(/--R--\n$/, '');
    for (let i = 0; s.length < TWO_MIB - 400; i++) s += I.dsnRecipient(`r${i}@example.com`) + '\n';
    const o = await expectCompletes(s + '--R--\n', 'file');
    expect(o.status === 'ok' && o.recipients!.length).toBeGreaterThan(0);
  }, TEST_MS);

  // Was a bug found by QA (intake/slack.ts stripCodeFences: /[ \t]*```…/g rescanned every run of
  // spaces, O(n²): 80,000 spaces 2.5 s, 2 MiB ~25 min). Fixed by its owner; this guards it.
  it('a bounce followed by 2 MiB of spaces, from Slack', async () => {
    await expectCompletes(padded(I.PASTED_POSTFIX, ' '), 'slack');
  }, TEST_MS);

  it('a bounce followed by 2 MiB of spaces, pasted or as a file', async () => {
    for (const origin of ORIGINS) await expectCompletes(padded(I.PASTED_POSTFIX, ' '), origin);
  }, TEST_MS);

  // Was a bug found by QA (parse/text/exchange.ts ADDRESS_LINE: `\s*`, a lazy class that included
  // spaces and `\s+` split a run of spaces in O(n²) ways per try, O(n³) per line: 4,000 spaces 21 s,
  // 10,000 about 5 minutes). Fixed by its owner; this guards it.
  it('an Exchange Online NDR with one line of 10,000 spaces (a 10 KB paste)', async () => {
    const text = OFFICE365_PASTE.replace('Generating server:', `${fill(' ', 10000)}x\nGenerating server:`);
    await expectCompletes(text, 'paste');
  }, TEST_MS);

  // Was a bug found by QA (parse/text/exchange.ts DELAY_START and RECEIVING: ^\s* with the m flag ran
  // across every following blank line, O(n²): 80,000 blank lines 5.7 s). Fixed by its owner with
  // ^[ \t]*; this guards it. bench/redos.js lists the readers that still have the shape.
  it('an Exchange Online NDR followed by 1 MiB of blank lines', async () => {
    await expectCompletes(OFFICE365_PASTE + fill('\n', I.MiB) + 'end\n', 'paste');
  }, TEST_MS);

  // Was a bug found by QA (parse/text/exchange2003.ts RECIPIENT_ON: ^\s*(.+?) on … split a line of spaces
  // in O(n²) ways: 80,000 spaces 6.3 s). Fixed by its owner (^[ \t]*(\S.*?)); this guards it.
  it('an Exchange 2003 NDR with one 200 KB line of spaces in its recipient list', async () => {
    const text = EXCHANGE2003_NDR.replace('someone@example.com on', `${fill(' ', 200 * 1024)}x\nsomeone@example.com on`);
    await expectCompletes(text, 'paste');
  }, TEST_MS);

  // Was a bug found by QA (parse/address.ts normalizeAddress: the trim /^["'<(\[]+|["'>)\].,;:]+$/g was
  // O(n²) on a token of those characters: 80,000 ':' 5.7 s). Fixed by its owner; this guards it.
  it('an Exchange 2003 delay notice with a 200 KB line of ":" in its recipient list', async () => {
    const text = EXCHANGE2003_DELAY.replace('has been delayed.\n', `has been delayed.\n\n${fill(':', 200 * 1024)}x\n`);
    await expectCompletes(text, 'paste');
  }, TEST_MS);

  it('the Exchange texts themselves are read (guards the inputs above)', async () => {
    const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'bounces', 'office365-pasted.txt'), 'utf8');
    const o = await expectCompletes(fixture, 'paste');
    expect(o.status === 'ok' && o.recipients).toEqual(['sales@tailspintoys.com']);
    const mine = await expectCompletes(OFFICE365_PASTE, 'paste');
    expect(mine.status === 'ok' && mine.recipients).toEqual(['sales@tailspintoys.example']);
    const ndr = await expectCompletes(EXCHANGE2003_NDR, 'paste');
    expect(ndr.status === 'ok' && ndr.recipients).toEqual(['someone@example.com']);
    const delay = await expectCompletes(EXCHANGE2003_DELAY, 'paste');
    expect(delay.status === 'ok' && [delay.kind, delay.recipients]).toEqual(['delay', ['someone@example.com']]);
  }, TEST_MS);
});

/**
 * The project's own fixtures (test/fixtures/bounces), with a pathological run inserted at the start of
 * their first text/plain part: the reader that recognises the fixture then reads the run.
 */
function withRun(fixture: string, unit: string, bytes: number): Buffer {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'bounces', fixture), 'latin1');
  const part = /content-type:\s*text\/plain[^\n]*\n(?:[^\n]+\n)*\n/i.exec(text);
  const at = part ? part.index + part[0].length : text.indexOf('\n\n') + 2;
  return Buffer.from(text.slice(0, at) + fill(unit, bytes) + 'x\n' + text.slice(at), 'latin1');
}

describe('readers of the project\'s fixtures complete with a pathological run inside', () => {
  it.each([
    ['googlegroups.eml', '\n'],
    ['googlegroups.eml', ' '],
    ['longtail-courier-01.eml', ' '],
    ['longtail-courier-01.eml', 'a'],
    ['postfix-bounce.eml', '\n'],
    ['sendmail-dsn.eml', '\n'],
    ['exim-bounce.eml', '\n'],
    ['qmail-bounce.eml', '\n'],
  ])('%s with 1 MiB of %j', async (fixture, unit) => {
    await expectCompletes(withRun(fixture, unit, I.MiB), 'file');
  }, TEST_MS);

  // Was a bug found by QA (parse/text/google.ts, Google Groups: /\(([^)\s]+)\)/ on the whole body was
  // O(n²) on a run of "(": 50,000 took 1.3 s). Fixed by its owner; this guards it.
  it('googlegroups.eml with 400 KB of "("', async () => {
    await expectCompletes(withRun('googlegroups.eml', '(', 400 * 1024), 'file');
  }, TEST_MS);

  // Was a bug found by QA (courier: a super-linear pattern on the whole body); fixed by its owner, this guards it.
  it('longtail-courier-01.eml with 400 KB of blank lines', async () => {
    await expectCompletes(withRun('longtail-courier-01.eml', '\n', 400 * 1024), 'file');
  }, TEST_MS);

  // Was a bug found by QA (mcafee: a super-linear pattern on the whole body); fixed by its owner, this guards it.
  it('longtail-mcafee-01.eml with 400 KB of blank lines', async () => {
    await expectCompletes(withRun('longtail-mcafee-01.eml', '\n', 400 * 1024), 'file');
  }, TEST_MS);

  // Was a bug found by QA (surfcontrol: a super-linear pattern on the whole body); fixed by its owner, this guards it.
  it('longtail-surfcontrol-01.eml with a 400 KB line of "@"', async () => {
    await expectCompletes(withRun('longtail-surfcontrol-01.eml', '@', 400 * 1024), 'file');
  }, TEST_MS);

  // Was a bug found by QA (zoho: a super-linear pattern on the whole body); fixed by its owner, this guards it.
  it('longtail-zoho-01.eml with a 400 KB line of "@"', async () => {
    await expectCompletes(withRun('longtail-zoho-01.eml', '@', 400 * 1024), 'file');
  }, TEST_MS);
});

describe('the cheap sniff that runs on every Slack channel message completes', () => {
  it.each([
    ['40,000 spaces (Slack\'s message size limit)', fill(' ', 40000)],
    ['40,000 newlines', fill('\n', 40000)],
    ['40,000 characters of " \\n"', fill(' \n', 40000)],
    ['40,000 characters of "550 "', fill('550 ', 40000)],
    ['40,000 characters of "From: "', fill('From: x\n', 40000)],
  ])('%s', async (_name, text) => {
    const o = await engine.run('looksLikeBounce', text, {}, LIMIT_MS);
    expect(o).toEqual({ status: 'ok', value: false });
  }, TEST_MS);
});
