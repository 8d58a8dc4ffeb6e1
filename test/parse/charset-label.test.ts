/**
 * A charset label that lies: 8-bit text (Latin-1, UTF-8) labelled as a wide Unicode encoding
 * (utf-16, utf-16le/be, ucs-2, utf-32) is read as the 8-bit text it is; real UTF-16/UTF-32 is still
 * read as labelled.
 *
 * Shapes: a text/plain part with a charset parameter (RFC 2045 §5.1, RFC 2046 §4.1.2) carrying the
 * visible text of a Postfix bounce (bounce(8) wording) with a few accented words in it, as a mailer
 * that labels every part "utf-16" sends it. Built in code.
 */
import { decodeCharset } from '../../src/parse/decode';
import { readMessage } from '../../src/parse/mime';

const TEXT = 'This is the mail system at host mail.example.org (Zurück an Absender, señor).\n\n<user@example.com>: host mx.example.com[192.0.2.25] said: 550 5.1.1 <user@example.com>: Recipient address rejected: User unknown\n';
const WIDE_LABELS = ['utf-16', 'UTF-16LE', 'utf-16be', 'ucs-2', 'utf-32', 'utf-32le', '"utf-16"'];

describe('a wide charset label on 8-bit text is ignored', () => {
  it.each(WIDE_LABELS)('Latin-1 bytes labelled %s read as Latin-1, with a warning', (label) => {
    const out = decodeCharset(Buffer.from(TEXT, 'latin1'), label);
    expect(out.text).toBe(TEXT);
    expect(out.warning).toMatch(/charset label was ignored/);
  });

  it.each(WIDE_LABELS)('UTF-8 bytes labelled %s read as UTF-8', (label) => {
    const out = decodeCharset(Buffer.from(TEXT, 'utf8'), label);
    expect(out.text).toBe(TEXT);
  });

  it('the MIME walk reads a lying utf-16 part as its text', () => {
    const source = Buffer.concat([
      Buffer.from('From: MAILER-DAEMON@mail.example.org\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: text/plain; charset="utf-16"\n\n'),
      Buffer.from(TEXT, 'latin1'),
    ]);
    const m = readMessage(source);
    expect(m.body).toContain('Recipient address rejected: User unknown');
    expect(m.body).toContain('Zurück an Absender, señor');
    expect(m.warnings.join(' ')).toMatch(/utf-16 was 8-bit text/);
  });
});

describe('real wide text is still read as labelled', () => {
  it.each([
    ['utf-16le', Buffer.from(TEXT, 'utf16le')],
    ['utf-16be', Buffer.from(TEXT, 'utf16le').swap16()],
    ['utf-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
  ])('%s', (label, bytes) => {
    const out = decodeCharset(bytes, label);
    expect(out.text.replace(/^\ufeff/, '')).toBe(TEXT);
    expect(out.warning).toBeUndefined();
  });

  it('UTF-16 CJK text with no NUL byte at all (no ASCII character in it) is still UTF-16', () => {
    const jp = '配信できませんでした。宛先のメールボックスが見つかりません';
    const bytes = Buffer.from(jp, 'utf16le').swap16();
    expect(bytes.includes(0)).toBe(false);
    const out = decodeCharset(bytes, 'utf-16be');
    expect(out.text).toBe(jp);
    expect(out.warning).toBeUndefined();
  });
});
