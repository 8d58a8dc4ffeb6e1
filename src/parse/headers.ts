/**
 * Header blocks: split, unfold, decode (RFC 2047 via libmime, raw 8-bit as UTF-8 when valid).
 * Values are decoded lazily: most headers of a bounce are never read.
 */
import libmime from 'libmime';
import type { HeaderView } from './text/types';
import { MIME_LIMITS } from './limits';

/** A header field name: printable ASCII except ':' (RFC 5322 §2.2). */
const FIELD_NAME = /^[!-9;-~]+$/;

/** Split "Name: value" (tolerating spaces before the colon); undefined when the line is no header. */
function splitHeaderLine(line: string): [string, string] | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  const name = line.slice(0, colon).trimEnd();
  if (!name || !FIELD_NAME.test(name)) return undefined;
  return [name, line.slice(colon + 1).trim()];
}

/** Decode a raw header value held as a latin1 ("binary") string. */
export function decodeHeaderValue(raw: string): string {
  let v = raw;
  // Raw 8-bit bytes (held one char per byte) are usually UTF-8; text that is already Unicode is left alone.
  if (/[\x80-\xff]/.test(v) && !/[^\x00-\xff]/.test(v)) {
    const utf8 = Buffer.from(v, 'latin1').toString('utf8');
    if (!utf8.includes('\ufffd')) v = utf8;
  }
  if (v.includes('=?')) {
    try {
      v = libmime.decodeWords(v);
    } catch {
      // keep the encoded form: still readable enough for a diagnosis
    }
  }
  return v.trim();
}

export class HeaderMap implements HeaderView {
  private readonly raw = new Map<string, string[]>();
  private readonly decoded = new Map<string, string[]>();
  /** Names in the order they appeared (lower case, with repeats). */
  readonly order: string[] = [];

  add(name: string, value: string): void {
    const key = name.toLowerCase();
    const list = this.raw.get(key);
    if (list) list.push(value);
    else this.raw.set(key, [value]);
    this.order.push(key);
  }

  getAll(name: string): string[] {
    const key = name.toLowerCase();
    const cached = this.decoded.get(key);
    if (cached) return cached;
    const raw = this.raw.get(key);
    if (!raw) return [];
    const values = raw.map(decodeHeaderValue);
    this.decoded.set(key, values);
    return values;
  }

  get(name: string): string | undefined {
    return this.getAll(name)[0];
  }

  /** The raw (undecoded, unfolded) value: Content-Type parameters must be parsed before RFC 2047 decoding. */
  getRaw(name: string): string | undefined {
    return this.raw.get(name.toLowerCase())?.[0];
  }

  has(name: string): boolean {
    return this.raw.has(name.toLowerCase());
  }

  get size(): number {
    return this.order.length;
  }
}

export const EMPTY_HEADERS: HeaderView = new HeaderMap();

export interface HeaderBlock {
  headers: HeaderMap;
  /** Offset of the first body character (after the blank line), or text.length. */
  bodyStart: number;
  /** True when the block ended at a blank line (not at the end of input). */
  terminated: boolean;
}

/**
 * Parse the header block that starts at `start` in LF-normalised text. Stops at the first blank line,
 * or at a line that is neither a header nor a continuation (pasted text has no blank line after it).
 */
export function parseHeaderBlock(text: string, start = 0): HeaderBlock {
  const headers = new HeaderMap();
  const limit = Math.min(text.length, start + MIME_LIMITS.maxHeaderBytes);
  let pos = start;
  let name = '';
  let value = '';
  const flush = () => {
    if (name) headers.add(name, value);
    name = '';
    value = '';
  };
  while (pos < limit) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol);
    if (line === '' || line.trim() === '' && name === '') {
      flush();
      return { headers, bodyStart: Math.min(eol + 1, text.length), terminated: true };
    }
    const c = line.charCodeAt(0);
    if ((c === 0x20 || c === 0x09) && name) {
      if (line.trim() === '') {
        // a whitespace-only line ends the block like a blank line does
        flush();
        return { headers, bodyStart: Math.min(eol + 1, text.length), terminated: true };
      }
      value += ' ' + line.trim();
    } else {
      const field = splitHeaderLine(line);
      if (!field) {
        flush();
        return { headers, bodyStart: pos, terminated: false };
      }
      flush();
      [name, value] = field;
    }
    pos = eol + 1;
  }
  flush();
  return { headers, bodyStart: Math.min(pos, text.length), terminated: false };
}

export interface ContentType {
  /** Lower-case type/subtype, 'text/plain' when absent. */
  type: string;
  params: Record<string, string>;
}

/** The common shape, "type/subtype; name=value; name=\"quoted value\"", read without libmime. */
const SIMPLE_CONTENT_TYPE = /^\s*([A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+)\s*((?:;\s*[A-Za-z0-9_.-]+\s*=\s*(?:"[^"\\]*"|[^;\s"]*)\s*)*);?\s*$/;
const SIMPLE_PARAM = /;\s*([A-Za-z0-9_.-]+)\s*=\s*(?:"([^"\\]*)"|([^;\s"]*))/g;

/** Parse Content-Type (RFC 2045); RFC 2231 and other unusual values go through libmime. */
export function parseContentType(raw: string | undefined): ContentType {
  if (!raw) return { type: 'text/plain', params: {} };
  const simple = raw.length > 1000 || raw.includes('*') || raw.includes('=?') ? null : SIMPLE_CONTENT_TYPE.exec(raw);
  if (simple) {
    const params: Record<string, string> = {};
    SIMPLE_PARAM.lastIndex = 0;
    for (let m = SIMPLE_PARAM.exec(simple[2]); m; m = SIMPLE_PARAM.exec(simple[2])) params[m[1].toLowerCase()] = m[2] ?? m[3];
    return { type: simple[1].toLowerCase(), params };
  }
  try {
    const parsed = libmime.parseHeaderValue(raw);
    const type = String(parsed.value || '').toLowerCase().trim() || 'text/plain';
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed.params ?? {})) params[k.toLowerCase()] = String(v);
    return { type: type.includes('/') ? type : 'text/plain', params };
  } catch {
    return { type: 'text/plain', params: {} };
  }
}
