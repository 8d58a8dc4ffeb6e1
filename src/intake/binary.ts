/**
 * Is this input text we can read? Catches files people attach by mistake (Outlook .msg, PDF, ZIP,
 * images) with a specific message, and turns UTF-16 text (Windows "Unicode" .txt) into UTF-8.
 */
import { BINARY_SAMPLE_BYTES, MAX_CONTROL_RATIO, MAX_STRAY_NULS } from './limits';

interface Magic {
  bytes: number[];
  what: string;
}

/** Signatures of binary formats users attach instead of a bounce, with what to tell them. */
const KNOWN_BINARY: Magic[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an Outlook .msg file (or another Office document); open the bounce and paste its text, or save it as .eml' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF file' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a .docx/.xlsx file)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
];

export type TextCheck =
  | { ok: true; bytes: Buffer; note?: string }
  | { ok: false; what: string };

function startsWith(buf: Buffer, sig: number[]): boolean {
  if (buf.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (buf[i] !== sig[i]) return false;
  return true;
}

/** UTF-16 without a BOM: in ASCII-heavy text every other byte is zero. */
function utf16Endianness(sample: Buffer): 'le' | 'be' | undefined {
  if (sample.length < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  const pairs = Math.floor(sample.length / 2);
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'be';
  return undefined;
}

function decodeUtf16(buf: Buffer, endian: 'le' | 'be', skipBom: boolean): Buffer {
  let body = skipBom ? buf.subarray(2) : buf;
  if (body.length % 2 === 1) body = body.subarray(0, body.length - 1);
  if (endian === 'be') {
    const swapped = Buffer.from(body);
    swapped.swap16();
    body = swapped;
  }
  return Buffer.from(body.toString('utf16le'), 'utf8');
}

/** Bytes that never occur in mail text (a 256-entry table: this runs on every input).
 *  ESC (0x1b) is allowed: ISO-2022-JP uses it. */
const CONTROL = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) CONTROL[b] = b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x1b ? 0 : 1;
CONTROL[0x7f] = 1;
/** The same bytes as a character class, for the scan of the common case. */
const ANY_CONTROL = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]/;

export function checkText(input: Buffer): TextCheck {
  for (const m of KNOWN_BINARY) {
    if (startsWith(input, m.bytes)) return { ok: false, what: m.what };
  }
  if (startsWith(input, [0xff, 0xfe])) return { ok: true, bytes: decodeUtf16(input, 'le', true), note: 'The input was UTF-16 text; read it as UTF-8.' };
  if (startsWith(input, [0xfe, 0xff])) return { ok: true, bytes: decodeUtf16(input, 'be', true), note: 'The input was UTF-16 text; read it as UTF-8.' };

  const sample = input.subarray(0, BINARY_SAMPLE_BYTES);
  let note: string | undefined;
  if (input.indexOf(0) >= 0) {
    const endian = utf16Endianness(sample);
    if (endian) return { ok: true, bytes: decodeUtf16(input, endian, false), note: 'The input was UTF-16 text; read it as UTF-8.' };
    // Binary files are full of NULs; a mail that picked up a stray one on its way is still text.
    let nuls = 0;
    for (let at = input.indexOf(0); at >= 0 && nuls <= MAX_STRAY_NULS; at = input.indexOf(0, at + 1)) nuls++;
    if (nuls > MAX_STRAY_NULS) return { ok: false, what: 'binary data (it contains NUL bytes)' };
    input = Buffer.from(input.filter((b) => b !== 0));
    note = 'The input contained stray NUL bytes; they were ignored.';
  }
  let controls = 0;
  // Mail text has no such bytes: one native scan says so; only input that has some is counted byte by byte.
  if (ANY_CONTROL.test(sample.toString('latin1'))) for (let i = 0; i < sample.length; i++) controls += CONTROL[sample[i]];
  if (controls > sample.length * MAX_CONTROL_RATIO) return { ok: false, what: 'binary data (mostly non-text bytes)' };
  return { ok: true, bytes: input, ...(note ? { note } : {}) };
}
