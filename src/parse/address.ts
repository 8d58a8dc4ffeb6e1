/** Email address helpers: pull addresses out of header values and free text, normalise them. */

/**
 * Addresses are found by scanning out from each '@' (bounded: 64 chars of local part, 255 of domain)
 * rather than with one regex over the text: a regex like [chars]+@ backtracks quadratically on long
 * runs of address characters with no '@' (a pasted hex dump, a line of digits).
 */
/** Character classes as lookup tables (this runs per character). */
const LOCAL_CHARS = new Uint8Array(128);
const DOMAIN_CHARS = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~.-") LOCAL_CHARS[c.charCodeAt(0)] = 1;
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-') DOMAIN_CHARS[c.charCodeAt(0)] = 1;
const isLocal = (code: number) => code < 128 && LOCAL_CHARS[code] === 1;
const isDomain = (code: number) => code < 128 && DOMAIN_CHARS[code] === 1;
const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*/;

interface Span {
  start: number;
  end: number;
}

function addressAt(text: string, at: number): Span | undefined {
  let start = at;
  while (start > 0 && at - start < 64 && isLocal(text.charCodeAt(start - 1))) start--;
  if (start === at) return undefined;
  let end = at + 1;
  while (end < text.length && end - at <= 255 && isDomain(text.charCodeAt(end))) end++;
  const domain = DOMAIN.exec(text.slice(at + 1, end));
  if (!domain) return undefined;
  return { start, end: at + 1 + domain[0].length };
}

/** The first address span at or after `from` (a plain function, not a generator: this runs for every address field). */
function nextSpan(text: string, from: number): Span | undefined {
  for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', at + 1)) {
    const span = addressAt(text, at);
    if (span) return span;
  }
  return undefined;
}

function firstSpan(text: string): string | undefined {
  const span = nextSpan(text, 0);
  return span ? text.slice(span.start, span.end) : undefined;
}

const LEADING_JUNK = new Set(['"', "'", '<', '(', '[']);
const TRAILING_JUNK = new Set(['"', "'", '>', ')', ']', '.', ',', ';', ':']);

/** Strip characters from both ends with loops (a regex like [.,;:]+$ rescans long runs of them). */
function trimChars(v: string, lead: Set<string>, trail: Set<string>): string {
  let start = 0;
  let end = v.length;
  while (start < end && lead.has(v[start])) start++;
  while (end > start && trail.has(v[end - 1])) end--;
  return v.slice(start, end);
}

const DOTS = new Set(['.']);

/** Lower-case the domain, strip brackets, quotes, a type prefix and trailing dots. '' when no address. */
export function normalizeAddress(value: string | undefined): string {
  if (!value) return '';
  let v = value.trim();
  // An address is at most 254 characters (RFC 5321); in anything much longer, take the first one found.
  if (v.length > 1024) {
    const first = firstSpan(v);
    return first ? normalizeAddress(first) : '';
  }
  const semi = v.indexOf(';');
  if (semi >= 0 && semi < 12 && /^[a-z0-9-]+;/i.test(v)) v = v.slice(semi + 1).trim();
  const angle = /<([^<>\s@]+@[^<>\s@]+)>/.exec(v);
  if (angle) v = angle[1];
  v = trimChars(v, LEADING_JUNK, TRAILING_JUNK);
  if (v.toLowerCase().startsWith('mailto:')) v = v.slice(7);
  const found = firstSpan(v);
  if (!found) return '';
  const addr = trimChars(found, DOTS, DOTS);
  const at = addr.lastIndexOf('@');
  if (at <= 0 || at === addr.length - 1) return '';
  return addr.slice(0, at) + '@' + addr.slice(at + 1).toLowerCase();
}

/** Every address in a text, in order, de-duplicated (case-insensitive). */
export function findAddresses(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let span = nextSpan(text, 0); span; span = nextSpan(text, span.end)) {
    const a = normalizeAddress(text.slice(span.start, span.end));
    const key = a.toLowerCase();
    if (a && !seen.has(key)) {
      seen.add(key);
      out.push(a);
    }
  }
  return out;
}

/** The first address in a text, or ''. */
export function firstAddress(text: string): string {
  const found = firstSpan(text);
  return found ? normalizeAddress(found) : '';
}

export function sameAddress(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}
