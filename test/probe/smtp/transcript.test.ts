/**
 * The transcript recorder in isolation, fed the way nodemailer 10.6.1 calls its logger with
 * transactionLog: (meta {tnx:'client'|'server'|'network'|'smtp'}, message, ...formatArgs).
 */
import { Transcript } from '../../../src/probe/smtp/transcript';

const PASS = 'Tr0ub4dor&3';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function feed(t: Transcript, entries: [string, string][]): void {
  const log = t.logger();
  for (const [tnx, msg] of entries) log.debug({ tnx }, msg);
}

describe('Transcript', () => {
  test('records S:/C: lines, splitting multi-line replies', () => {
    const t = new Transcript();
    feed(t, [['server', '220-mx.example.test ESMTP\n220 ready'], ['client', 'EHLO probe.example'], ['server', '250-mx\n250 SIZE 1000']]);
    expect(t.lines()).toEqual(['S: 220-mx.example.test ESMTP', 'S: 220 ready', 'C: EHLO probe.example', 'S: 250-mx', 'S: 250 SIZE 1000']);
  });

  test('AUTH PLAIN initial response is replaced, mechanism kept', () => {
    const t = new Transcript([PASS]);
    // nodemailer logs the user in clear inside the base64 and the password as "/* secret */".
    feed(t, [['client', `AUTH PLAIN ${b64('\0probe@example.test\0/* secret */')}`], ['server', '235 2.7.0 Authentication successful']]);
    expect(t.lines()).toEqual(['C: AUTH PLAIN [redacted]', 'S: 235 2.7.0 Authentication successful']);
  });

  test('AUTH LOGIN continuation lines are replaced until the final reply, then recording resumes', () => {
    const t = new Transcript([PASS]);
    feed(t, [
      ['client', 'AUTH LOGIN'],
      ['server', '334 VXNlcm5hbWU6'],
      ['client', b64('probe@example.test')],
      ['server', '334 UGFzc3dvcmQ6'],
      ['client', b64(PASS)],
      ['server', '535 5.7.8 Error: authentication failed'],
      ['client', 'MAIL FROM:<>'],
    ]);
    expect(t.lines()).toEqual([
      'C: AUTH LOGIN',
      'S: 334 VXNlcm5hbWU6',
      'C: [redacted]',
      'S: 334 UGFzc3dvcmQ6',
      'C: [redacted]',
      'S: 535 5.7.8 Error: authentication failed',
      'C: MAIL FROM:<>',
    ]);
  });

  test('the password and its base64 form are scrubbed from any text, server replies included', () => {
    const t = new Transcript([PASS]);
    feed(t, [['server', `535 5.7.8 bad password ${PASS} (${b64(PASS)})`]]);
    const text = t.lines().join('\n');
    expect(text).not.toContain(PASS);
    expect(text).not.toContain(b64(PASS));
    expect(t.scrub(`x ${PASS} y`)).toBe('x [redacted] y');
  });

  test('customAuth commands masked by nodemailer are restored in order', () => {
    const t = new Transcript();
    t.expectMaskedCommand('MAIL FROM:<>');
    t.expectMaskedCommand('RCPT TO:<a@example.test>');
    feed(t, [['client', '/* secret */'], ['server', '250 ok'], ['client', '/* secret */'], ['server', '550 5.1.1 no']]);
    expect(t.lines()).toEqual(['C: MAIL FROM:<>', 'S: 250 ok', 'C: RCPT TO:<a@example.test>', 'S: 550 5.1.1 no']);
  });

  test('a masked command nobody announced stays masked', () => {
    const t = new Transcript();
    feed(t, [['client', '/* secret */']]);
    expect(t.lines()).toEqual(['C: /* secret */']);
  });

  test('bounded: entries, bytes and line length are capped and truncation is said', () => {
    const t = new Transcript([], { maxEntries: 3, maxBytes: 10_000, maxEntryChars: 50, maxLineChars: 20, maxLines: 100 });
    feed(t, [['server', '250 ' + 'x'.repeat(200)], ['client', 'NOOP'], ['server', '250 ok'], ['client', 'QUIT']]);
    const lines = t.lines();
    expect(t.truncated).toBe(true);
    expect(t.entries).toHaveLength(3);
    expect(lines[0].length).toBeLessThanOrEqual(22);
    expect(lines[lines.length - 1]).toBe('* transcript truncated (size limit)');
  });

  test('bounded: a reply made of many short lines is cut at maxLines', () => {
    const t = new Transcript([], { maxEntries: 10, maxBytes: 10_000, maxEntryChars: 10_000, maxLineChars: 100, maxLines: 5 });
    feed(t, [['server', Array.from({ length: 50 }, (_, i) => `250-X${i}`).join('\n')]]);
    const lines = t.lines();
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('* transcript truncated (size limit)');
  });

  test('listeners see entries even after the record is full (TLS grading hooks on them)', () => {
    const t = new Transcript([], { maxEntries: 1, maxBytes: 10_000, maxEntryChars: 100, maxLineChars: 100, maxLines: 100 });
    const seen: string[] = [];
    t.onEntry = (e) => seen.push(e.kind);
    feed(t, [['server', '220 hi'], ['smtp', 'Connection upgraded with STARTTLS']]);
    expect(seen).toEqual(['server', 'tls-up']);
    expect(t.entries).toHaveLength(1);
  });

  test('network markers become notes; format arguments are applied', () => {
    const t = new Transcript();
    const log = t.logger();
    log.info({ tnx: 'network' }, '%s established to %s:%s', 'Secure connection', '127.0.0.1', 465);
    log.info({ tnx: 'smtp' }, 'Connection upgraded with STARTTLS');
    log.warn({ tnx: 'smtp' }, 'Discarded %s bytes received in plaintext after the STARTTLS response', 12);
    log.info({ tnx: 'network' }, 'Connection closed');
    log.info({ tnx: 'network' }, 'Connection closed');
    expect(t.lines()).toEqual([
      '* TLS established (implicit TLS)',
      '* TLS established (STARTTLS)',
      '* Discarded 12 bytes received in plaintext after the STARTTLS response',
      '* connection closed',
    ]);
  });
});
