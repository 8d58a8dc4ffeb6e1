/**
 * Content decoding: transfer encodings (base64 via Buffer, quoted-printable via libqp) and charsets
 * (fast paths for ASCII/UTF-8/Latin-1, iconv-lite and encoding-japanese through libmime otherwise).
 * Input strings are "binary" (latin1) strings: one char per byte, as the MIME walker holds them.
 */
import { isAscii } from 'node:buffer'; // a native scan: every decoded part is checked
import { decode as qpDecode } from 'libqp';
import type { decode as CharsetDecode } from 'libmime/lib/charset.js';

// libmime's charset module pulls in iconv-lite, encoding-japanese and libmime's charset tables (about
// 30 ms to load, synchronously), which only text that is not ASCII or valid UTF-8 needs: loaded on first
// use, so a CLI run on such text never pays for it. See also parse/headers (libmime itself).
let charsetDecoder: typeof CharsetDecode | undefined;
function charsetDecode(buf: Buffer, charset: string): string {
  charsetDecoder ??= (require('libmime/lib/charset.js') as { decode: typeof CharsetDecode }).decode;
  return charsetDecoder(buf, charset);
}

export function decodeTransfer(body: string, encoding: string | undefined): Buffer {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === 'base64') return Buffer.from(body, 'base64');
  if (enc === 'quoted-printable') return qpDecode(body);
  return Buffer.from(body, 'latin1');
}

/** ISO-2022-JP text is 7-bit with ESC sequences; it is often mislabelled (or not labelled at all). */
function hasIso2022Escapes(buf: Buffer): boolean {
  const esc = buf.indexOf(0x1b);
  if (esc < 0 || esc + 2 >= buf.length) return false;
  return buf[esc + 1] === 0x24 /* $ */ || buf[esc + 1] === 0x28 /* ( */;
}

const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii', 'ansi_x3.4-1968', '7bit', '8bit', '']);
const LATIN1_NAMES = new Set(['iso-8859-1', 'latin1', 'iso_8859-1', 'l1']);

/** Labels of the wide Unicode encodings (UTF-16, UTF-32, UCS-2, UCS-4 and their aliases). */
const WIDE_CHARSET = /^(?:utf-?(?:16|32)|ucs-?[24]|unicode|csunicode|iso-10646-ucs)/;

/**
 * Bytes that cannot be UTF-16/UTF-32 whatever the label says: no NUL byte at all (UTF-32 always has
 * them; UTF-16 has one in every ASCII character, line breaks included) and at least 90% ASCII text
 * bytes — printable, tab, line breaks (UTF-16 CJK text without a single ASCII character stays well
 * below that: about half its bytes are high or control bytes). Latin-1 or UTF-8 text from a mailer
 * that labels everything "utf-16" looks exactly like this; decoding it as UTF-16 would turn the
 * bounce into CJK noise. One pass over the bytes, and only for the rare wide labels.
 */
function isEightBitText(buf: Buffer): boolean {
  if (buf.indexOf(0) >= 0) return false;
  let other = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b >= 0x7f || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) other++;
  }
  return other * 10 <= buf.length;
}

export interface DecodedText {
  text: string;
  /** Set when the declared charset could not be honoured. */
  warning?: string;
}

export function decodeCharset(buf: Buffer, charset: string | undefined): DecodedText {
  const cs = (charset ?? '').trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (hasIso2022Escapes(buf) && (UTF8_NAMES.has(cs) || cs.startsWith('iso-2022-jp'))) {
    return { text: charsetDecode(buf, 'ISO-2022-JP') };
  }
  if (isAscii(buf)) return { text: buf.toString('latin1') };
  if (UTF8_NAMES.has(cs)) {
    const text = buf.toString('utf8');
    if (!text.includes('\ufffd')) return { text };
    // Undeclared or wrongly declared 8-bit text: Windows-1252 is the usual culprit.
    return { text: charsetDecode(buf, 'windows-1252'), ...(cs ? { warning: `Text declared as ${cs} was not valid ${cs}; read it as Windows-1252.` } : {}) };
  }
  if (LATIN1_NAMES.has(cs)) return { text: charsetDecode(buf, 'windows-1252') };
  if (WIDE_CHARSET.test(cs) && isEightBitText(buf)) {
    return { text: decodeCharset(buf, undefined).text, warning: `Text declared as ${cs} was 8-bit text; the charset label was ignored.` };
  }
  try {
    return { text: charsetDecode(buf, cs) };
  } catch {
    return { text: buf.toString('utf8'), warning: `Unknown charset ${cs}; read the text as UTF-8.` };
  }
}
