/**
 * Header blocks: split, unfold, decode (RFC 2047 via libmime, raw 8-bit as UTF-8 when valid).
 * Values are decoded lazily: most headers of a bounce are never read.
 */
import type Libmime from 'libmime';
import type { HeaderView } from './text/types';
import { MIME_LIMITS } from './limits';

// libmime loads its charset tables, iconv-lite and encoding-japanese with it (about 35 ms, synchronously);
// only encoded words (=?…?=) and unusual Content-Types need it, so it is loaded on first use.
let libmimeModule: typeof Libmime | undefined;
function libmime(): typeof Libmime {
  libmimeModule ??= require('libmime') as typeof Libmime;
  return libmimeModule;
}

/** A header field name: printable ASCII except ':' (RFC 5322 §2.2). */
const FIELD_NAME = /^[!-9;-~]+$/;

/**
 * The field name of the line text[from, to) ("Name: value", tolerating spaces before the colon),
 * or undefined when the line is no header. The common case — the name is plain printable ASCII up to
 * the colon — is checked in place; anything else takes the general path (slice, trim, pattern).
 */
function fieldName(text: string, from: number, to: number, colon: number): string | undefined {
  if (colon <= from || colon >= to) return undefined;
  let plain = true;
  for (let i = from; i < colon; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) { plain = false; break; }
  }
  if (plain) return text.slice(from, colon);
  const name = text.slice(from, colon).trimEnd();
  return name && FIELD_NAME.test(name) ? name : undefined;
}

/** Every character whitespace (as String.prototype.trim sees it)? Only non-ASCII can be, besides the usual. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) return false;
  }
  return text.slice(from, to).trim() === '';
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
      v = libmime().decodeWords(v);
    } catch {
      // keep the encoded form: still readable enough for a diagnosis
    }
  }
  return v.trim();
}

export class HeaderMap implements HeaderView {
  // Set in the constructor, not as field initializers: one is made for every header block, and V8
  // runs field initializers as a separate function call (slow until it is optimised).
  private declare readonly raw: Map<string, string[]>;
  /** Decoded values, made on first read: most header blocks (MIME parts, originals) are barely read. */
  private declare decoded: Map<string, string[]> | undefined;
  /** Names in the order they appeared (lower case, with repeats). */
  declare readonly order: string[];

  constructor() {
    this.raw = new Map();
    this.decoded = undefined;
    this.order = [];
  }

  add(name: string, value: string): void {
    const key = name.toLowerCase();
    const list = this.raw.get(key);
    if (list) list.push(value);
    else this.raw.set(key, [value]);
    this.order.push(key);
  }

  getAll(name: string): string[] {
    const key = name.toLowerCase();
    const cached = this.decoded?.get(key);
    if (cached) return cached;
    const raw = this.raw.get(key);
    if (!raw) return [];
    const values = raw.map(decodeHeaderValue);
    (this.decoded ??= new Map()).set(key, values);
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
 * Add one field to a block unless the block is past its limits (MIME_LIMITS.maxHeaderBytes of values,
 * maxHeaderFields fields). Returns the budget of value characters left, or -1 once past a limit: from
 * then on the rest of the block is walked to its end but nothing more is kept.
 */
function keepField(headers: HeaderMap, name: string, value: string, budget: number): number {
  if (value.length > budget || headers.size >= MIME_LIMITS.maxHeaderFields) return -1;
  headers.add(name, value);
  return budget - value.length;
}

/**
 * Parse the header block that starts at `start` in LF-normalised text. Stops at the first blank line,
 * or at a line that is neither a header nor a continuation (pasted text has no blank line after it).
 *
 * The limits bound what is kept, never where the block ends: a value is cut at maxHeaderValueChars
 * (the rest of the line, and further folded lines, are stepped over unread), and past maxHeaderBytes
 * or maxHeaderFields the remaining lines are only walked to find the block's end. Cutting the block
 * short instead would turn the rest of it, and the whole body under it, into "body" text. Each line is
 * visited once, so the walk stays linear however large the block is.
 */
export function parseHeaderBlock(text: string, start = 0): HeaderBlock {
  const headers = new HeaderMap();
  const maxValue = MIME_LIMITS.maxHeaderValueChars;
  let budget: number = MIME_LIMITS.maxHeaderBytes;
  let pos = start;
  let name = '';
  let value = '';
  const end = (bodyStart: number, terminated: boolean): HeaderBlock => {
    if (name && budget >= 0) keepField(headers, name, value, budget);
    return { headers, bodyStart, terminated };
  };
  // Lines are read in place (indexes into text); only names and values are sliced out.
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const c = text.charCodeAt(pos);
    if (c === 0x20 || c === 0x09) {
      // a whitespace-only line ends the block like a blank line does
      if (isBlank(text, pos, eol)) return end(Math.min(eol + 1, text.length), true);
      // indented text before any header: not a header block
      if (!name) return end(pos, false);
      if (budget >= 0 && value.length < maxValue) {
        value += ' ' + text.slice(pos, Math.min(eol, pos + maxValue)).trim();
        if (value.length > maxValue) value = value.slice(0, maxValue);
      }
    } else {
      if (eol === pos || (name === '' && isBlank(text, pos, eol))) return end(Math.min(eol + 1, text.length), true);
      const colon = text.indexOf(':', pos);
      const field = fieldName(text, pos, eol, colon);
      if (field === undefined) return end(pos, false);
      if (name && budget >= 0) budget = keepField(headers, name, value, budget);
      name = field;
      value = budget >= 0 ? text.slice(colon + 1, Math.min(eol, colon + 1 + maxValue)).trim() : '';
    }
    pos = eol + 1;
  }
  return end(Math.min(pos, text.length), false);
}

export interface ContentType {
  /** Lower-case type/subtype, 'text/plain' when absent. */
  type: string;
  params: Record<string, string>;
}

/** The common shape, "type/subtype; name=value; name=\"quoted value\"", read without libmime. */
const SIMPLE_CONTENT_TYPE = /^\s*([A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+)\s*((?:;\s*[A-Za-z0-9_.-]+\s*=\s*(?:"[^"\\]*"|[^;\s"]*)\s*)*);?\s*$/;
const SIMPLE_PARAM = /;\s*([A-Za-z0-9_.-]+)\s*=\s*(?:"([^"\\]*)"|([^;\s"]*))/g;

/**
 * Parsed values by raw header value: most parts carry one of a few Content-Types ("text/plain;
 * charset=us-ascii", "message/delivery-status" …), read again for every message. Results are frozen,
 * since they are shared; the map is emptied when it grows (boundaries make some values unique).
 */
const CONTENT_TYPES = new Map<string, ContentType>();
const MAX_CONTENT_TYPES = 512;

/** Parse Content-Type (RFC 2045); RFC 2231 and other unusual values go through libmime. */
export function parseContentType(raw: string | undefined): ContentType {
  if (!raw) return { type: 'text/plain', params: {} };
  let ct = CONTENT_TYPES.get(raw);
  if (!ct) {
    const parsed = parseContentTypeUncached(raw);
    ct = Object.freeze({ type: parsed.type, params: Object.freeze(parsed.params) });
    if (CONTENT_TYPES.size >= MAX_CONTENT_TYPES) CONTENT_TYPES.clear();
    CONTENT_TYPES.set(raw, ct);
  }
  return ct;
}

function parseContentTypeUncached(raw: string): ContentType {
  const simple = raw.length > 1000 || raw.includes('*') || raw.includes('=?') ? null : SIMPLE_CONTENT_TYPE.exec(raw);
  if (simple) {
    const params: Record<string, string> = {};
    SIMPLE_PARAM.lastIndex = 0;
    for (let m = SIMPLE_PARAM.exec(simple[2]); m; m = SIMPLE_PARAM.exec(simple[2])) params[m[1].toLowerCase()] = m[2] ?? m[3];
    return { type: simple[1].toLowerCase(), params };
  }
  try {
    const parsed = libmime().parseHeaderValue(raw);
    const type = String(parsed.value || '').toLowerCase().trim() || 'text/plain';
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed.params ?? {})) params[k.toLowerCase()] = String(v);
    return { type: type.includes('/') ? type : 'text/plain', params };
  } catch {
    return { type: 'text/plain', params: {} };
  }
}
