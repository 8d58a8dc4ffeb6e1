/**
 * Header block limits (MIME_LIMITS.maxHeaderValueChars, maxHeaderBytes, maxHeaderFields): they bound
 * what is kept, never where the block ends — the body under an absurd header block is still the body.
 *
 * Shapes: an RFC 5322 header block (field lines, folded continuation lines, a blank line) with one
 * field grown absurdly, as a broken relay writes it, above a Postfix-style RFC 3462 multipart/report
 * (bounce(8) wording, RFC 3464 fields). Built in code.
 */
import { parseHeaderBlock } from '../../src/parse/headers';
import { MIME_LIMITS } from '../../src/parse/limits';
import { readMessage } from '../../src/parse/mime';

const BODY = 'the body\n';

const REPORT = [
  'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
  '',
  '--B',
  'Content-Type: text/plain',
  '',
  'This is the mail system at host mail.example.org.',
  '',
  '<user@example.com>: host mx.example.com[192.0.2.25] said: 550 5.1.1 <user@example.com>: Recipient address rejected: User unknown',
  '',
  '--B',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mail.example.org',
  '',
  'Final-Recipient: rfc822; user@example.com',
  'Action: failed',
  'Status: 5.1.1',
  '',
  '--B--',
  '',
].join('\n');

describe('one value past maxHeaderValueChars', () => {
  const max = MIME_LIMITS.maxHeaderValueChars;

  it('a single long line is cut, and the fields after it (long ones too) are still read whole', () => {
    const long = 'b'.repeat(max - 100);
    const text = `X-Junk: ${'a'.repeat(4 * max)}\nX-Long: ${long}\n continued\nSubject: after the junk\nTo: x@example.com\n\n${BODY}`;
    const block = parseHeaderBlock(text);
    const junk = block.headers.getRaw('x-junk') ?? '';
    // cut at the limit (the space after the colon is counted, then trimmed)
    expect(junk.length).toBeLessThanOrEqual(max);
    expect(junk.length).toBeGreaterThanOrEqual(max - 1);
    expect(/^a+$/.test(junk)).toBe(true);
    expect(block.headers.getRaw('x-long') === `${long} continued`).toBe(true);
    expect(block.headers.get('subject')).toBe('after the junk');
    expect(block.headers.get('to')).toBe('x@example.com');
    expect(block.terminated).toBe(true);
    expect(block.bodyStart).toBe(text.length - BODY.length);
  });

  it('thousands of folded lines are cut at the limit, and the block ends at its blank line', () => {
    const line = ' folded continuation of a very long header value\n';
    const text = `X-Junk: start\n${line.repeat(Math.ceil((4 * max) / line.length))}Subject: after the junk\n\n${BODY}`;
    const block = parseHeaderBlock(text);
    const junk = block.headers.getRaw('x-junk') ?? '';
    expect(junk.length).toBe(max);
    expect(junk.startsWith('start folded continuation of a very long header value folded')).toBe(true);
    expect(block.headers.get('subject')).toBe('after the junk');
    expect(block.terminated).toBe(true);
    expect(block.bodyStart).toBe(text.length - BODY.length);
  });
});

describe('a block past maxHeaderBytes or maxHeaderFields', () => {
  it('keeps the fields within maxHeaderBytes, walks the rest, and ends the block at its blank line', () => {
    const value = 'v'.repeat(MIME_LIMITS.maxHeaderValueChars);
    const fields = Math.ceil(MIME_LIMITS.maxHeaderBytes / value.length) + 3;
    let text = '';
    for (let i = 0; i < fields; i++) text += `X-Field-${i}: ${value}\n`;
    text += 'Subject: past the limit\n\n' + BODY;
    const block = parseHeaderBlock(text);
    let kept = 0;
    for (const name of block.headers.order) kept += block.headers.getRaw(name)?.length ?? 0;
    expect(kept).toBeLessThanOrEqual(MIME_LIMITS.maxHeaderBytes);
    expect(block.headers.size).toBe(Math.floor(MIME_LIMITS.maxHeaderBytes / value.length));
    expect(block.headers.has('subject')).toBe(false);
    expect(block.terminated).toBe(true);
    expect(block.bodyStart).toBe(text.length - BODY.length);
  });

  it('keeps maxHeaderFields fields and ends the block at its blank line', () => {
    const fields = MIME_LIMITS.maxHeaderFields + 500;
    let text = '';
    for (let i = 0; i < fields; i++) text += `Received: from relay${i}.example.net by mx.example.org\n`;
    text += 'Subject: past the limit\n\n' + BODY;
    const block = parseHeaderBlock(text);
    expect(block.headers.size).toBe(MIME_LIMITS.maxHeaderFields);
    expect(block.headers.getAll('received').at(-1)).toBe(`from relay${MIME_LIMITS.maxHeaderFields - 1}.example.net by mx.example.org`);
    expect(block.headers.has('subject')).toBe(false);
    expect(block.terminated).toBe(true);
    expect(block.bodyStart).toBe(text.length - BODY.length);
  });

  it('past the limits, the block still ends where it would without them (whitespace-only line, non-header line)', () => {
    // more than maxHeaderFields fields, and more than maxHeaderBytes of text
    const many = `X-Field: ${'v'.repeat(80)}\n`.repeat(MIME_LIMITS.maxHeaderFields + 10);
    expect(many.length).toBeGreaterThan(MIME_LIMITS.maxHeaderBytes);
    const spaced = `${many}   \n${BODY}`;
    const a = parseHeaderBlock(spaced);
    expect(a.terminated).toBe(true);
    expect(a.bodyStart).toBe(spaced.length - BODY.length);
    // a paste: no blank line, the block ends at the first line that is no header
    const pasted = `${many}This is the mail system at host mail.example.org.\n`;
    const b = parseHeaderBlock(pasted);
    expect(b.terminated).toBe(false);
    expect(b.bodyStart).toBe(many.length);
  });
});

describe('the MIME walk under an absurd header block', () => {
  const [contentType, ...rest] = REPORT.split('\n');
  const parts = rest.join('\n');
  // A cut value does not cost the fields after it: the Content-Type comes last.
  it.each([
    ['a 1 MB header line', `X-Junk: ${'a'.repeat(1024 * 1024)}\n${contentType}\n`],
    ['1 MB of folded lines', `X-Junk: start\n${' folded continuation line\n'.repeat(42000)}${contentType}\n`],
  ])('%s above a multipart/report: the report parts are still walked', (_name, fields) => {
    const source = `Return-Path: <>\nFrom: MAILER-DAEMON@mail.example.org\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n${fields}${parts}`;
    const m = readMessage(Buffer.from(source, 'latin1'));
    expect(m.format).toBe('mime');
    expect(m.headers.get('subject')).toBe('Undelivered Mail Returned to Sender');
    expect(m.reportType).toBe('delivery-status');
    // (booleans, not toContain: a failure would print a megabyte of body)
    expect(m.body.includes('Recipient address rejected: User unknown')).toBe(true);
    expect(m.body.includes('--B')).toBe(false);
    expect(m.body.length).toBeLessThan(1000);
    expect(m.deliveryStatus?.includes('Final-Recipient: rfc822; user@example.com')).toBe(true);
  });

  it('a megabyte of Received fields (past maxHeaderFields) above a single-part bounce: the body is the bounce text', () => {
    const text = 'This is the mail system at host mail.example.org.\n\n<user@example.com>: host mx.example.com[192.0.2.25] said: 550 5.1.1 <user@example.com>: Recipient address rejected: User unknown\n';
    // short enough that maxHeaderFields is reached before maxHeaderBytes; 900 KB in all
    const received = 'Received: from relay.example.net by mx.example.org id 0123456789abcdef\n';
    const source = `Return-Path: <>\nFrom: MAILER-DAEMON@mail.example.org\nSubject: Undelivered Mail Returned to Sender\nContent-Type: text/plain; charset=us-ascii\n${received.repeat(13000)}\n${text}`;
    const m = readMessage(Buffer.from(source, 'latin1'));
    expect(m.format).toBe('mime');
    expect(m.headers.getAll('received').length).toBe(MIME_LIMITS.maxHeaderFields - 4);
    expect(m.body === text).toBe(true);
  });
});
