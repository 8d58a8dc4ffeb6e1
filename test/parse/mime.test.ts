/**
 * The MIME walker: header unfolding and RFC 2047, multipart splitting, transfer encodings, charsets,
 * HTML, the returned original, mbox separators, and its limits.
 */
import { readMessage, splitMultipart, splitMailbox } from '../../src/parse/mime';
import { parseHeaderBlock, parseContentType, decodeHeaderValue } from '../../src/parse/headers';
import { decodeCharset, decodeTransfer } from '../../src/parse/decode';
import { htmlToText } from '../../src/parse/html';
import { MIME_LIMITS } from '../../src/parse/limits';
import { findInlineOriginal } from '../../src/parse/original';

const msg = (s: string) => readMessage(Buffer.from(s, 'latin1'));

describe('headers', () => {
  it('unfolds continuation lines and finds the body', () => {
    const block = parseHeaderBlock('Subject: a\n long\n\tsubject\nTo: x@example.com\n\nbody\n');
    expect(block.headers.get('subject')).toBe('a long subject');
    expect(block.headers.get('TO')).toBe('x@example.com');
    expect(block.terminated).toBe(true);
    expect('Subject: a\n long\n\tsubject\nTo: x@example.com\n\nbody\n'.slice(block.bodyStart)).toBe('body\n');
  });

  it('decodes RFC 2047 words, ISO-2022-JP included, and raw UTF-8', () => {
    expect(decodeHeaderValue('=?UTF-8?Q?R=C3=BCckmeldung?= zum Angebot')).toBe('Rückmeldung zum Angebot');
    expect(decodeHeaderValue('=?ISO-2022-JP?B?GyRCJVElJiVzJTklYSE8JWsbKEI=?=')).toBe('パウンスメール');
    expect(decodeHeaderValue(Buffer.from('Réponse', 'utf8').toString('latin1'))).toBe('Réponse');
  });

  it('keeps every value of a repeated header', () => {
    const block = parseHeaderBlock('Received: a\nReceived: b\n\n');
    expect(block.headers.getAll('received')).toEqual(['a', 'b']);
  });

  it('parses Content-Type parameters, quoted and RFC 2231', () => {
    expect(parseContentType('multipart/report; report-type=delivery-status;\n\tboundary="a/b c"')).toEqual({
      type: 'multipart/report',
      params: { 'report-type': 'delivery-status', boundary: 'a/b c' },
    });
    expect(parseContentType(undefined).type).toBe('text/plain');
    expect(parseContentType('garbage').type).toBe('text/plain');
  });
});

describe('decoding', () => {
  it('decodes base64 and quoted-printable', () => {
    expect(decodeTransfer('NTUwIDUuMS4x\nIHVzZXIgdW5rbm93bg==', 'base64').toString()).toBe('550 5.1.1 user unknown');
    expect(decodeTransfer('Mailbox=20full=\n and soft =3D break', 'quoted-printable').toString()).toBe('Mailbox full and soft = break');
  });

  it('decodes charsets, and ISO-2022-JP even when mislabelled', () => {
    const jp = Buffer.from('1b2442475b3f2e2447242d245e243b247324472437243f21231b2842', 'hex');
    expect(decodeCharset(jp, 'iso-2022-jp').text).toBe('配信できませんでした。');
    expect(decodeCharset(jp, 'us-ascii').text).toBe('配信できませんでした。');
    expect(decodeCharset(Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65]), 'iso-8859-1').text).toBe('Grüße');
    expect(decodeCharset(Buffer.from('Grüße', 'utf8'), undefined).text).toBe('Grüße');
    expect(decodeCharset(Buffer.from('82a082a2', 'hex'), 'shift_jis').text).toBe('あい');
  });

  it('reads invalid UTF-8 as Windows-1252 and says so', () => {
    const out = decodeCharset(Buffer.from([0x93, 0x68, 0x69, 0x94]), 'utf-8');
    expect(out.text).toBe('“hi”');
    expect(out.warning).toMatch(/Windows-1252/);
  });

  it('turns HTML into readable text', () => {
    expect(htmlToText('<html><head><style>p{}</style></head><body><p>Delivery has failed:</p><p>a@b.example<br>Remote Server returned &#39;550 5.1.1&#39; &amp; more</p></body></html>')).toBe(
      "Delivery has failed:\n\na@b.example\nRemote Server returned '550 5.1.1' & more",
    );
  });
});

describe('multipart', () => {
  it('splits on delimiter lines only, ignoring longer boundaries that start with ours', () => {
    const body = 'preamble\n--b\nA\n--bb\nnot a delimiter\n--b\nB\n--b--\nepilogue';
    const split = splitMultipart(body, 'b');
    expect(split?.parts).toEqual(['A\n--bb\nnot a delimiter', 'B']);
    expect(split?.preamble).toBe('preamble\n');
  });

  it('keeps the last part of a truncated message', () => {
    expect(splitMultipart('--b\nA\n--b\nB cut off', 'b')?.parts).toEqual(['A', 'B cut off']);
  });

  it('keeps delivery-status apart from the text, and the original only as headers', () => {
    const m = msg(
      'From: MAILER-DAEMON@x.example\nSubject: Undelivered\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="B"\n\n' +
        '--B\nContent-Type: text/plain\n\nHuman words.\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x.example\n\nFinal-Recipient: rfc822; a@example.com\nStatus: 5.1.1\n' +
        '--B\nContent-Type: message/rfc822\n\nSubject: Original\nTo: a@example.com\n\nsecret body words\n--B--\n',
    );
    expect(m.format).toBe('mime');
    expect(m.reportType).toBe('delivery-status');
    expect(m.body.trim()).toBe('Human words.');
    expect(m.deliveryStatus).toContain('Final-Recipient: rfc822; a@example.com');
    expect(m.originalHeaders?.get('subject')).toBe('Original');
    expect(m.body).not.toContain('secret body words');
  });

  it('prefers text/plain in multipart/alternative and falls back to HTML', () => {
    const alt = (parts: string) => msg(`Content-Type: multipart/alternative; boundary=A\nMIME-Version: 1.0\n\n${parts}--A--\n`).body.trim();
    expect(alt('--A\nContent-Type: text/plain\n\nplain words\n--A\nContent-Type: text/html\n\n<p>html words</p>\n')).toBe('plain words');
    expect(alt('--A\nContent-Type: text/html\n\n<p>html words</p>\n')).toBe('html words');
  });

  it('decodes text parts by their own transfer encoding and charset', () => {
    const m = msg('MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n' + Buffer.from('Zustellung fehlgeschlagen: Empfänger unbekannt').toString('base64') + '\n');
    expect(m.body.trim()).toBe('Zustellung fehlgeschlagen: Empfänger unbekannt');
  });

  it('finds the parts when the declared boundary is wrong, and warns', () => {
    const m = msg('MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="WRONG"\n\n--RIGHT-123456\nContent-Type: text/plain\n\nthe words\n--RIGHT-123456--\n');
    expect(m.body.trim()).toBe('the words');
    expect(m.warnings.join(' ')).toMatch(/boundary/);
  });

  it('reads a multipart without any delimiter as text, with a warning', () => {
    const m = msg('MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="NOPE"\n\nonly words here\n');
    expect(m.body).toContain('only words here');
    expect(m.warnings.length).toBeGreaterThan(0);
  });

  it('stops at the nesting limit instead of recursing forever', () => {
    const nest = (depth: number): string =>
      depth === 0 ? 'Content-Type: text/plain\n\ndeepest words\n' : `Content-Type: multipart/mixed; boundary="n${depth}"\n\n--n${depth}\n${nest(depth - 1)}--n${depth}--\n`;
    const m = msg(`MIME-Version: 1.0\n${nest(40)}`);
    expect(m.warnings.join(' ')).toMatch(new RegExp(`deeper than ${MIME_LIMITS.maxDepth}`));
  });

  it('stops after the part limit', () => {
    const parts = Array.from({ length: MIME_LIMITS.maxParts + 20 }, (_, i) => `--P\nContent-Type: text/plain\n\npart ${i}\n`).join('');
    const m = msg(`MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=P\n\n${parts}--P--\n`);
    expect(m.warnings.join(' ')).toMatch(/more than \d+ MIME parts/);
    expect(m.body).toContain('part 0');
    expect(m.body).not.toContain(`part ${MIME_LIMITS.maxParts + 10}`);
  });
});

describe('what kind of input', () => {
  it('treats a paste without a header block as text, whole', () => {
    const m = msg('Delivery has failed to these recipients or groups:\n\na@example.com\n');
    expect(m.format).toBe('text');
    expect(m.body).toContain('Delivery has failed');
  });

  it('reads the visible header lines of an Outlook paste but keeps it as text', () => {
    const m = msg('From: Microsoft Outlook <postmaster@contoso.com>\nSent: Monday, July 31, 2023 9:01 AM\nTo: Hana <hana@contoso.com>\nSubject: Undeliverable: Quote\n\nDelivery has failed to these recipients or groups:\n');
    expect(m.format).toBe('text');
    expect(m.headers.get('subject')).toBe('Undeliverable: Quote');
    expect(m.body).toContain('From: Microsoft Outlook');
  });

  it('skips a line of chat above a raw message source', () => {
    const m = msg('here is the bounce:\n\nReturn-Path: <>\nReceived: from x by y\nSubject: Undelivered Mail\n\nThe text.\n');
    expect(m.format).toBe('mime');
    expect(m.headers.get('subject')).toBe('Undelivered Mail');
    expect(m.warnings.join(' ')).toMatch(/before the message headers/);
  });

  it('skips an mbox "From " line and splits a mailbox into messages', () => {
    const one = 'From MAILER-DAEMON Thu Apr 29 23:34:45 2015\nFrom: MAILER-DAEMON@x.example\nSubject: First\n\nfirst body\n';
    const two = 'From MAILER-DAEMON Thu Apr 29 23:35:00 2015\nFrom: MAILER-DAEMON@x.example\nSubject: Second\n\nsecond body\n';
    expect(msg(one).headers.get('subject')).toBe('First');
    const parts = splitMailbox(Buffer.from(one + '\n' + two));
    expect(parts?.map((p) => readMessage(p).headers.get('subject'))).toEqual(['First', 'Second']);
    expect(splitMailbox(Buffer.from(one))).toBeUndefined();
  });

  it('unquotes a bounce forwarded with "> " quoting', () => {
    const m = msg('From: a@example.com\nDate: Mon, 1 May 2023 10:00:00 +0000\nSubject: Fwd: Returned mail\n\nBegin forwarded message:\n\n> Final-Recipient: rfc822; x@example.net\n> Action: failed\n> Status: 5.2.0\n> Diagnostic-Code: SMTP; 550 Unknown user\n> Remote-MTA: DNS; mx.example.net\n');
    expect(m.body).toContain('\nFinal-Recipient: rfc822; x@example.net\n');
  });
});

describe('inline original markers', () => {
  it.each([
    '------ This is a copy of the message, including all the headers. ------',
    '--- Below this line is a copy of the message.',
    '   ----- Original message follows -----',
    '   ----- Unsent message follows -----',
    'Original message headers:',
    '----- Original message -----',
    'Content-Type: message/rfc822',
  ])('recognises %s', (marker) => {
    const text = `error text\n\n${marker}\nSubject: x\n`;
    expect(findInlineOriginal(text)?.start).toBe(text.indexOf(marker));
  });
});
