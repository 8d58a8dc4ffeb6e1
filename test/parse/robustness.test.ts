/**
 * Bad input never crashes parseReport: malformed MIME, truncated messages, binary-ish text, huge
 * input, adversarial lines. Only intake refuses input, and always with a SmtpcheckError.
 */
import { readdirSync } from 'fs';
import { readInput } from '../../src/intake';
import { parseReport } from '../../src/parse';
import { SmtpcheckError } from '../../src/errors';
import { MIME_LIMITS } from '../../src/parse/limits';
import { FIXTURES, fixtureBytes, parseBytes } from './fixture-helpers';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function parseOrIntakeError(bytes: Buffer): void {
  let raw;
  try {
    raw = readInput(bytes, { origin: 'file' });
  } catch (err) {
    expect(err).toBeInstanceOf(SmtpcheckError);
    return;
  }
  const report = parseReport(raw);
  expect(Array.isArray(report.recipients)).toBe(true);
  expect(typeof report.text).toBe('string');
}

describe('malformed MIME', () => {
  it.each([
    ['headers only', 'From: MAILER-DAEMON@x.example\nSubject: Undelivered Mail Returned to Sender\nContent-Type: multipart/report; boundary=B\n'],
    ['multipart without boundary parameter', 'MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status\n\n550 5.1.1 <a@example.com>: user unknown\n'],
    ['unterminated multipart', 'MIME-Version: 1.0\nContent-Type: multipart/report; boundary=B\n\n--B\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\n'],
    ['broken base64', 'MIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n%%%% not base64 ****\n'],
    ['unknown charset', 'MIME-Version: 1.0\nContent-Type: text/plain; charset=x-klingon\n\n550 5.1.1 user unknown\n'],
    ['garbage Content-Type', 'MIME-Version: 1.0\nContent-Type: ;;;===;\n\nhello\n'],
    ['boundary that is a regex metacharacter soup', 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="(.*)+[?]"\n\n--(.*)+[?]\nContent-Type: text/plain\n\n550 5.1.1 x\n--(.*)+[?]--\n'],
  ])('%s', (_what, text) => {
    const report = parseBytes(text);
    expect(report.kind).toBeDefined();
  });

  it('reads a DSN part that lost its part headers', () => {
    const report = parseBytes('MIME-Version: 1.0\nContent-Type: multipart/report; boundary=B\n\n--B\nReporting-MTA: dns; x.example\n\nFinal-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\n--B--\n');
    expect(report.recipients[0]).toMatchObject({ address: 'a@example.com', status: '5.1.1' });
  });

  it('reads MIME parts of a message that has no MIME headers at all', () => {
    const report = parseBytes(
      'From: Mail Delivery Subsystem <MAILER-DAEMON@x.example>\nSubject: Returned mail: see transcript for details\nDate: Sat, 9 Jun 2018 14:56:09 +0900\n\nThis is a MIME-encapsulated message\n\n--XYZ123456/x.example\n\n   ----- The following addresses had permanent fatal errors -----\n<a@example.com>\n    (reason: 550 Unauthenticated senders not allowed)\n\n--XYZ123456/x.example\nContent-Type: message/delivery-status\n\nFinal-Recipient: RFC822; a@example.com\nAction: failed\nStatus: 5.0.0\n\n--XYZ123456/x.example--\n',
    );
    expect(report.recipients).toEqual([expect.objectContaining({ address: 'a@example.com', status: '5.0.0', diagnostic: '550 Unauthenticated senders not allowed' })]);
    expect(report.warnings.join(' ')).toMatch(/no Content-Type header/);
  });
});

describe('truncated and fuzzed input', () => {
  const names = readdirSync(FIXTURES).filter((f) => !f.startsWith('longtail-'));
  it.each(names)('never throws on %s cut at random points', (name) => {
    const bytes = fixtureBytes(name);
    const rand = prng(name.length * 7919);
    for (let i = 0; i < 12; i++) parseOrIntakeError(bytes.subarray(0, Math.floor(rand() * bytes.length)));
  });

  it('never throws on random bytes and random text', () => {
    const rand = prng(42);
    const alphabet = 'abc@.:;<>[]()-=\n\r\t 0123456789#"\'';
    for (let i = 0; i < 200; i++) {
      const len = Math.floor(rand() * 3000);
      const bytes = Buffer.alloc(len);
      const asText = rand() < 0.7;
      for (let j = 0; j < len; j++) bytes[j] = asText ? alphabet.charCodeAt(Math.floor(rand() * alphabet.length)) : Math.floor(rand() * 256);
      parseOrIntakeError(bytes);
    }
  });

  it('never throws on shuffled fixture lines', () => {
    const rand = prng(7);
    for (const name of names) {
      const lines = fixtureBytes(name).toString('latin1').split('\n');
      for (let k = lines.length - 1; k > 0; k--) {
        const j = Math.floor(rand() * (k + 1));
        [lines[k], lines[j]] = [lines[j], lines[k]];
      }
      parseOrIntakeError(Buffer.from(lines.join('\n'), 'latin1'));
    }
  });
});

describe('size', () => {
  it('reads a bounce whose returned original is huge, truncated by intake, and says so', () => {
    const head = fixtureBytes('postfix-bounce.eml').toString('latin1').replace(/--4QxYzK1n2bz9sWp\.1686042137\/mail\.example\.org--\n$/, '');
    const attachment = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n'.repeat(150_000); // ~5.7 MB of base64
    const bytes = Buffer.from(head + 'Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n' + attachment, 'latin1');
    const report = parseReport(readInput(bytes, { origin: 'file' }));
    expect(report.recipients.map((r) => r.status)).toEqual(['5.1.1', '5.2.2']);
    expect(report.warnings.join(' ')).toMatch(/larger than 2\.0 MiB/);
  });

  it('keeps ParsedReport.text bounded', () => {
    const text = 'This is the mail system at host x.example.\n\n<a@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 unknown\n\n' + 'filler line of text\n'.repeat(20_000);
    const report = parseBytes(text, 'paste');
    expect(report.text.length).toBeLessThanOrEqual(MIME_LIMITS.maxReportTextChars);
    expect(report.recipients[0]).toMatchObject({ address: 'a@example.com', status: '5.1.1' });
  });

  it('bounds a server that pastes its whole banner into one diagnostic', () => {
    const report = parseBytes('Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 550 ' + 'x'.repeat(50_000) + '\n', 'paste');
    expect(report.recipients[0].diagnostic.length).toBeLessThanOrEqual(MIME_LIMITS.maxDiagnosticChars + 1);
  });

  it('copes with adversarial long lines', () => {
    // each of these once made a regex backtrack quadratically; the test would hang if one came back
    const lines = ['a@'.repeat(100_000), '<a@b'.repeat(50_000), '550-'.repeat(50_000), ' 5.5.5.5'.repeat(40_000), '-'.repeat(300_000), 'host a[1.2.3.4'.repeat(15_000), '=?'.repeat(100_000), 'word '.repeat(80_000)];
    for (const line of lines) {
      const report = parseBytes(`Subject: Undeliverable: x\nFrom: MAILER-DAEMON@x.example\nReceived: by x\n\n${line}\n`);
      expect(report).toBeDefined();
    }
  });

  it('copes with long runs of white space in every origin', () => {
    for (const origin of ['slack', 'paste', 'file'] as const) {
      for (const filler of [' '.repeat(500_000), '\n'.repeat(500_000), ' \n'.repeat(250_000)]) {
        const report = parseReport(readInput(`Delivery has failed to these recipients or groups:\n\na@example.com\n${filler}550 5.1.1 user unknown\n`, { origin }));
        expect(report.recipients[0]?.address).toBe('a@example.com');
      }
    }
  });

  it('copes with HTML that never closes its comments or scripts', () => {
    const html = `MIME-Version: 1.0\nContent-Type: text/html\n\n<p>Delivery has failed</p>${'<!--'.repeat(50_000)}${'<script>'.repeat(50_000)}${'<a'.repeat(50_000)}`;
    expect(parseBytes(html).text).toContain('Delivery has failed');
  });

  it('reports at most maxRecipients recipients, and says so', () => {
    const blocks = Array.from({ length: MIME_LIMITS.maxRecipients + 50 }, (_, i) => `Final-Recipient: rfc822; u${i}@example.com\nAction: failed\nStatus: 5.1.1\n`).join('\n');
    const report = parseBytes(`MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=B\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x.example\n\n${blocks}--B--\n`);
    expect(report.recipients).toHaveLength(MIME_LIMITS.maxRecipients);
    expect(report.recipients[MIME_LIMITS.maxRecipients - 1].address).toBe(`u${MIME_LIMITS.maxRecipients - 1}@example.com`);
    expect(report.warnings.join(' ')).toMatch(/lists 1050 recipients/);
  });
});
