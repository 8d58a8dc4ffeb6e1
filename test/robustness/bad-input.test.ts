/**
 * Standard 1: bad input never crashes and always gets a clear message.
 *
 * Every input goes through diagnose() (and, where it matters, parseReport(readInput())) in a killable
 * worker (./isolate.ts): an answer, or a SmtpcheckError with a code other than "internal" and a message
 * a user can read — never another exception, a stack trace or a hang. Then, per input, what a user
 * should get: the recipient read despite the damage, or the specific refusal.
 *
 * Tests marked it.failing pin bugs found by QA (see the report of H8); each says what it expects.
 * When the owner fixes the bug the test starts to pass, jest reports it, and `.failing` comes off.
 */
import { ErrorCode } from '../../src/errors';
import * as I from './inputs';
import { IsolatedEngine, type Outcome } from './isolate';

const engine = new IsolatedEngine();
afterAll(() => engine.close());

const LIMIT_MS = 20000;
const TEST_MS = 60000;

/** The contract every input must meet, whatever it is. */
function expectAnswerOrClearRefusal(o: Outcome): void {
  expect(o.status).not.toBe('hung');
  if (o.status === 'refused') {
    // Only our own error vocabulary reaches a user, and never "something went wrong inside".
    expect({ name: o.name, code: o.code }).toEqual({ name: 'SmtpcheckError', code: expect.stringMatching(/^smtpcheck_/) });
    expect(o.code).not.toBe(ErrorCode.Internal);
    expect(o.message.length).toBeGreaterThan(20);
    expect(o.message.length).toBeLessThan(400);
    expect(o.message).not.toMatch(/\n\s+at |undefined|\[object |TypeError|RangeError/);
  }
}

async function diagnose(input: string | Buffer, origin: 'paste' | 'slack' | 'file' = 'paste'): Promise<Outcome> {
  const o = await engine.run('diagnose', input, { origin }, LIMIT_MS);
  expectAnswerOrClearRefusal(o);
  return o;
}

async function answered(input: string | Buffer, origin: 'paste' | 'slack' | 'file' = 'paste') {
  const o = await diagnose(input, origin);
  if (o.status !== 'ok') throw new Error(`expected an answer, got ${JSON.stringify(o).slice(0, 300)}`);
  return o;
}

async function refused(input: string | Buffer, origin: 'paste' | 'slack' | 'file' = 'paste') {
  const o = await diagnose(input, origin);
  if (o.status !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(o).slice(0, 300)}`);
  return o;
}

describe('empty and blank input', () => {
  it.each([
    ['empty string', ''],
    ['empty buffer', Buffer.alloc(0)],
    ['whitespace only', ' \t\r\n\n   \f\n'],
  ])('%s is refused as bad input with a hint', async (_name, input) => {
    for (const origin of ['paste', 'slack', 'file'] as const) {
      const o = await refused(input, origin);
      expect(o.code).toBe(ErrorCode.BadInput);
      expect(o.message).toMatch(/nothing to read/i);
    }
  }, TEST_MS);

  it('Slack markup that leaves nothing once removed is refused, not diagnosed', async () => {
    const o = await refused('``` ```\n```\n```', 'slack');
    expect(o.code).toBe(ErrorCode.BadInput);
  }, TEST_MS);
});

describe('malformed MIME still yields the recipient', () => {
  it('an unterminated multipart (paste cut short)', async () => {
    const o = await answered(I.unterminatedBoundary());
    expect(o.recipients).toEqual(['user@example.com']);
    expect(o.causes?.[0]).toBe('recipient-unknown');
  }, TEST_MS);

  it('parts that re-declare their parent\'s boundary (a boundary loop)', async () => {
    const o = await answered(I.boundaryLoop());
    expect(o.recipients).toEqual(['user@example.com']);
  }, TEST_MS);

  it('10,000 parts: the first is read and a warning says the rest were skipped', async () => {
    const o = await answered(I.tenThousandParts());
    expect(o.recipients).toEqual(['user@example.com']);
    expect(o.warnings?.join(' ')).toMatch(/more than \d+ MIME parts/);
  }, TEST_MS);

  it('multiparts nested 1,000 deep complete with a warning', async () => {
    const o = await answered(I.nestedDeep(1000));
    expect(o.warnings?.join(' ')).toMatch(/nested deeper than \d+ levels/);
  }, TEST_MS);

  it('invalid base64 and quoted-printable do not hide the DSN', async () => {
    const o = await answered(I.invalidBase64AndQp());
    expect(o.recipients).toEqual(['user@example.com']);
  }, TEST_MS);

  it('a charset nobody knows is read as best it can', async () => {
    for (const cs of ['x-klingon-99', 'utf-7', 'shift_jis', '"iso-8859-1']) {
      const o = await answered(I.charsetBounce(cs));
      expect(o.recipients).toEqual(['user@example.com']);
    }
  }, TEST_MS);

  // BUG (parse/decode.ts, H1): 8-bit Latin-1 text labelled charset="utf-16" is decoded as UTF-16 and
  // turns into CJK noise; the bounce is lost and the user is told it is not a bounce. A body with no NUL
  // bytes and mostly ASCII cannot be UTF-16/UTF-32/UCS-2: the label is a lie and should be ignored.
  it('a charset that lies (Latin-1 bytes labelled UTF-16) does not hide the bounce', async () => {
    for (const cs of ['utf-16', 'utf-16le', 'ucs-2', 'utf-32']) {
      const o = await answered(I.charsetBounce(cs));
      expect(o.recipients).toEqual(['user@example.com']);
    }
  }, TEST_MS);

  it('stray NUL bytes in the middle are dropped with a warning', async () => {
    const o = await answered(I.nulInMiddle());
    expect(o.recipients).toEqual(['user@example.com']);
    expect(o.warnings?.join(' ')).toMatch(/NUL/);
  }, TEST_MS);

  it.each([
    ['UTF-16LE with BOM', () => I.utf16(I.postfixBounce(), 'le', true)],
    ['UTF-16BE with BOM', () => I.utf16(I.postfixBounce(), 'be', true)],
    ['UTF-16LE without BOM', () => I.utf16(I.PASTED_POSTFIX, 'le', false)],
    ['UTF-16BE without BOM', () => I.utf16(I.PASTED_POSTFIX, 'be', false)],
  ])('%s text (Windows "Unicode" .txt) is read', async (_name, make) => {
    const o = await answered(make(), 'file');
    expect(o.recipients).toEqual(['user@example.com']);
  }, TEST_MS);

  it('CR-only line endings (classic Mac, some copy buffers)', async () => {
    expect((await answered(I.crOnly(I.postfixBounce()))).recipients).toEqual(['user@example.com']);
    expect((await answered(I.crOnly(I.PASTED_POSTFIX))).recipients).toEqual(['user@example.com']);
  }, TEST_MS);

  // BUG (parse/headers.ts + parse/mime.ts, H1): a header block longer than MIME_LIMITS.maxHeaderBytes
  // (256 KiB) is cut there and everything after the cut — the rest of the header block and the whole
  // multipart body — becomes "body" text, which is then truncated at 512 K characters. The bounce under
  // a 1 MB header line is lost and the user is told "That does not look like a bounce". Expected: skip
  // the rest of an oversized header block up to its blank line (one indexOf), then walk the body.
  it('a 1 MB header line above a real bounce does not hide it', async () => {
    const o = await answered(I.hugeHeaderLine(1024 * 1024));
    expect(o.recipients).toEqual(['user@example.com']);
  }, TEST_MS);

  it('1 MB of folded header continuation lines above a real bounce does not hide it', async () => {
    const o = await answered(I.hugeFoldedHeader(1024 * 1024));
    expect(o.recipients).toEqual(['user@example.com']);
  }, TEST_MS);

  it('a 1 MB header line never crashes or hangs', async () => {
    await diagnose(I.hugeHeaderLine(1024 * 1024));
    await diagnose(I.hugeFoldedHeader(1024 * 1024));
  }, TEST_MS);
});

describe('size limits', () => {
  it('exactly 2 MiB is read whole, without a truncation warning', async () => {
    const o = await answered(I.paddedBounce(2 * I.MiB), 'file');
    expect(o.recipients).toEqual(['big@example.com']);
    expect(o.warnings?.join(' ') ?? '').not.toMatch(/larger than/);
  }, TEST_MS);

  it('one byte over 2 MiB is read up to the limit, with a warning', async () => {
    const o = await answered(I.paddedBounce(2 * I.MiB + 1), 'file');
    expect(o.recipients).toEqual(['big@example.com']);
    expect(o.warnings?.join(' ')).toMatch(/larger than 2\.0 MiB/);
  }, TEST_MS);

  it('50 MB is refused as too large, naming the limit', async () => {
    const o = await refused(Buffer.alloc(50 * 1024 * 1024, 0x61), 'file');
    expect(o.code).toBe(ErrorCode.InputTooLarge);
    expect(o.message).toMatch(/50\.0 MiB.*2\.0 MiB/);
  }, TEST_MS);

  it('a single 2 MiB line without a line break completes', async () => {
    const o = await answered('x'.repeat(2 * I.MiB - 1) + '\n');
    expect(o.kind).toBe('not-a-bounce');
  }, TEST_MS);
});

describe('binary files are named, not diagnosed', () => {
  it.each([
    ['png', /PNG image/],
    ['zip', /ZIP archive/],
    ['pdf', /PDF file/],
    ['msg', /Outlook \.msg/],
    ['noise', /binary data/],
  ])('%s', async (name, what) => {
    for (const origin of ['file', 'paste'] as const) {
      const o = await refused(I.BINARY[name], origin);
      expect(o.code).toBe(ErrorCode.BinaryInput);
      expect(o.message).toMatch(what);
      expect(o.message).toMatch(/\.eml/);
    }
  }, TEST_MS);

  it('binary bytes arriving as a latin1 string (how the Slack adapter passes file bytes) are refused the same way', async () => {
    const o = await refused(Buffer.from(I.BINARY.msg.toString('latin1'), 'latin1'), 'file');
    expect(o.code).toBe(ErrorCode.BinaryInput);
  }, TEST_MS);
});

describe('many messages, many recipients', () => {
  it('a DSN with 5,000 recipients lists all of them, or the first ones with a warning giving the total', async () => {
    const o = await answered(I.dsnWithRecipients(5000), 'file');
    const n = o.recipients!.length;
    expect(n).toBeGreaterThan(0);
    expect(new Set(o.recipients).size).toBe(n);
    expect(o.recipients!.slice(0, 3)).toEqual(['r0@example.com', 'r1@example.com', 'r2@example.com']);
    if (n < 5000) expect(o.warnings?.join(' ')).toMatch(new RegExp(`\\b5,?000\\b.*\\b${n}\\b`));
  }, TEST_MS);

  it('an mbox with 50 bounces completes and yields bounces', async () => {
    const o = await answered(I.mbox(50), 'file');
    expect(o.kind).toBe('bounce');
    expect(o.recipients?.length).toBeGreaterThan(0);
  }, TEST_MS);

  // BUG (parse/index.ts + parse/mime.ts, H1): only the first MAX_MBOX_MESSAGES (20) messages of an mbox
  // are read, and the warnings then say both "only the first was read" and "a mailbox with 20 messages;
  // the recipients of all of them are listed" — for a mailbox of 50. Expected: all recipients, or a
  // warning that gives the real count and says how many were skipped (and no contradictory warning).
  it('an mbox with 50 bounces says truthfully what was read', async () => {
    const o = await answered(I.mbox(50), 'file');
    const warnings = o.warnings?.join(' ') ?? '';
    expect(warnings).not.toMatch(/only the first was read/);
    if (o.recipients?.length !== 50) expect(warnings).toMatch(/\b50\b/);
  }, TEST_MS);
});

describe('Slack-escaped text', () => {
  it('broken <…|…> markup and entities complete and keep the bounce', async () => {
    const o = await answered(I.brokenSlackMarkup(), 'slack');
    expect(o.recipients).toEqual(['user@example.com']);
  }, TEST_MS);

  it('a paste inside ``` fences with escaped angle brackets is read', async () => {
    const text = '```' + I.PASTED_POSTFIX.replace(/</g, '&lt;').replace(/>/g, '&gt;') + '```';
    const o = await answered(text, 'slack');
    expect(o.recipients).toEqual(['user@example.com']);
  }, TEST_MS);
});

describe('parseReport(readInput(…)) on its own', () => {
  // The corpus bench and the Slack file path call the two stages directly: the same contract holds.
  it.each([
    ['empty', () => ''],
    ['boundary loop', () => I.boundaryLoop()],
    ['10k parts', () => I.tenThousandParts()],
    ['nested 1,000 deep', () => I.nestedDeep(1000)],
    ['1 MB header line', () => I.hugeHeaderLine(1024 * 1024)],
    ['invalid base64/QP', () => I.invalidBase64AndQp()],
    ['lying charset', () => I.charsetBounce('utf-16')],
    ['NUL in the middle', () => I.nulInMiddle()],
    ['UTF-16BE', () => I.utf16(I.postfixBounce(), 'be', true)],
    ['CR only', () => I.crOnly(I.postfixBounce())],
    ['Outlook .msg', () => I.BINARY.msg],
    ['mbox of 50', () => I.mbox(50)],
    ['5,000 recipients', () => I.dsnWithRecipients(5000)],
    ['broken Slack markup', () => I.brokenSlackMarkup()],
  ])('%s', async (_name, make) => {
    for (const origin of ['file', 'slack'] as const) {
      const o = await engine.run('parse', make(), { origin }, LIMIT_MS);
      expectAnswerOrClearRefusal(o);
      if (o.status === 'ok') expect(Array.isArray(o.warnings)).toBe(true);
    }
  }, TEST_MS);
});

describe('every answer can be explained and rendered', () => {
  it.each([
    ['boundary loop', () => I.boundaryLoop()],
    ['10k parts', () => I.tenThousandParts()],
    ['5,000 recipients', () => I.dsnWithRecipients(5000)],
    ['mbox', () => I.mbox(30)],
    ['UTF-16', () => I.utf16(I.postfixBounce(), 'le', true)],
    ['broken Slack markup', () => I.brokenSlackMarkup()],
  ])('%s → text, and Block Kit inside Slack\'s limits', async (_name, make) => {
    const o = await engine.run('explainAndRender', make(), { origin: 'file' }, LIMIT_MS);
    expectAnswerOrClearRefusal(o);
    expect(o.status).toBe('ok');
    if (o.status !== 'ok') return;
    const v = o.value as { textLength: number; blocks: number; blockText: number; fallback: number };
    expect(v.textLength).toBeGreaterThan(0);
    // Slack refuses more than 50 blocks, and a message past ~12k characters of block text.
    expect(v.blocks).toBeLessThanOrEqual(50);
    expect(v.blockText).toBeLessThanOrEqual(12000);
    expect(v.fallback).toBeLessThanOrEqual(40000);
  }, TEST_MS);
});
