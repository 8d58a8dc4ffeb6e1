/**
 * Shared pieces for the long-tail readers: fingerprint tables, line helpers, and thin wrappers over the
 * parse stage's own code readers (smtp-reply, prefer, rfc3464, merge), so a long-tail reader's facts come
 * out the way the rest of the parse stage finishes them. Each reader file keeps only its markers and a
 * short extract.
 *
 * The shapes and markers follow what Sisimai's Lhost modules taught (BSD-2-Clause, © azumakuniyuki,
 * github.com/sisimai/p5-sisimai and go-sisimai); the code here is our own.
 */
import { firstAddress, normalizeAddress } from '../../address';
import { mergeFacts } from '../../merge';
import { preferStatus } from '../../prefer';
import { requiredLiterals } from '../../required-literals';
import { collapseWhitespace } from '../../whitespace';
import { parseDeliveryStatus, parseMta, splitTyped } from '../../rfc3464';
import { commandFromWord, findReply, findStatus } from '../../smtp-reply';
import type { RecipientFact } from '../../types';
import type { Extraction, MessageView } from '../types';

export type Fact = Partial<RecipientFact>;

// ---------------------------------------------------------------------------------------------
// Fingerprints: data, not if-chains
// ---------------------------------------------------------------------------------------------

/** One cheap test against the view: a header value, From, Subject, or the body text. */
export type Rule =
  | { header: string; pattern: RegExp }
  | { from: RegExp }
  | { subject: RegExp }
  | { body: RegExp };

/**
 * A reader's fingerprint: every rule in `all` must hold, and at least one rule in `any` (when given).
 * Header rules never hold for pasted text, so a reader that must also work on pastes puts a body
 * rule into `any`.
 */
export interface Fingerprint {
  all?: readonly Rule[];
  any?: readonly Rule[];
}

/** Detection reads at most this much of the body: markers sit near the top of every report. */
const DETECT_WINDOW = 16 * 1024;

/** The body as detection reads it, and its lower-case copy (made on first need), for the last report asked about. */
let windowFor: MessageView | undefined;
let bodyWindow = '';
let lower: string | undefined;

function detectWindow(view: MessageView): string {
  if (windowFor !== view) {
    bodyWindow = view.body.length > DETECT_WINDOW ? view.body.slice(0, DETECT_WINDOW) : view.body;
    lower = undefined;
    windowFor = view;
  }
  return bodyWindow;
}

function lowerWindow(view: MessageView): string {
  const w = detectWindow(view);
  return (lower ??= w.toLowerCase());
}

/**
 * A body pattern with the literals it cannot match without (worked out once, from the pattern itself,
 * when the reader's detect is built). Every reader's detect runs on every report the readers before it
 * did not claim, so a body pattern first checks for such a literal: one `includes` instead of a regex
 * scan of up to 16 KB. Case-insensitive patterns are checked on the lower-cased text, and only with
 * ASCII literals (where lower-casing is exact for /i matching).
 */
interface BodyTest {
  pattern: RegExp;
  literals: readonly string[] | null;
}

function bodyTest(re: RegExp): BodyTest {
  let lits = re.global || re.sticky ? null : requiredLiterals(re);
  if (lits && re.ignoreCase && lits.some((l) => /[^\x00-\x7f]/.test(l))) lits = null;
  return { pattern: re, literals: lits };
}

function containsAny(text: string, literals: readonly string[]): boolean {
  for (let i = 0; i < literals.length; i++) if (text.includes(literals[i] as string)) return true;
  return false;
}

function bodyHolds(view: MessageView, t: BodyTest): boolean {
  if (t.literals && !containsAny(t.pattern.ignoreCase ? lowerWindow(view) : detectWindow(view), t.literals)) return false;
  return t.pattern.test(detectWindow(view));
}

/** A fingerprint rule ready to test (body patterns carry their literal gates). */
type CompiledRule =
  | { header: string; pattern: RegExp }
  | { from: RegExp }
  | { subject: RegExp }
  | { body: BodyTest };

interface CompiledFingerprint {
  all: readonly CompiledRule[];
  any: readonly CompiledRule[];
  /** A fingerprint with no rule at all never holds. */
  empty: boolean;
}

function compileRule(rule: Rule): CompiledRule {
  return 'body' in rule ? { body: bodyTest(rule.body) } : rule;
}

function compileFingerprint(fp: Fingerprint): CompiledFingerprint {
  const all = (fp.all ?? []).map(compileRule);
  const any = (fp.any ?? []).map(compileRule);
  return { all, any, empty: all.length === 0 && any.length === 0 };
}

function ruleHolds(view: MessageView, rule: CompiledRule): boolean {
  if ('body' in rule) return bodyHolds(view, rule.body);
  if ('header' in rule) {
    for (const v of view.headers.getAll(rule.header)) if (rule.pattern.test(v)) return true;
    return false;
  }
  if ('from' in rule) return rule.from.test(view.from);
  return rule.subject.test(view.subject);
}

// Loops rather than every/some with arrow functions: every reader's detect runs on most reports.
function compiledHolds(view: MessageView, fp: CompiledFingerprint): boolean {
  for (const r of fp.all) if (!ruleHolds(view, r)) return false;
  if (fp.any.length > 0) {
    let one = false;
    for (const r of fp.any) if (ruleHolds(view, r)) { one = true; break; }
    if (!one) return false;
  }
  return !fp.empty;
}

export function fingerprintHolds(view: MessageView, fp: Fingerprint): boolean {
  return compiledHolds(view, compileFingerprint(fp));
}

/**
 * detect() for a reader with one or more alternative fingerprints, compiled once, on the first report
 * it reads (not at load: a process that never reads a report does not pay for the literal analysis).
 */
export function detectBy(...fps: readonly Fingerprint[]): (view: MessageView) => boolean {
  let compiledFps: readonly CompiledFingerprint[] | undefined;
  return (view) => {
    compiledFps ??= fps.map(compileFingerprint);
    for (const fp of compiledFps) if (compiledHolds(view, fp)) return true;
    return false;
  };
}

/**
 * Report headers a provider uses to say something the text does not (au's X-SPASIGN: NG marks mail its
 * spam filter refused), kept verbatim as fact extensions for the classifier.
 */
export function headerExtensions(view: MessageView, names: readonly string[]): { extensions?: Record<string, string> } {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = view.headers.get(name);
    if (v !== undefined) out[name] = v;
  }
  return Object.keys(out).length ? { extensions: out } : {};
}

/** True when any Received header of the report names the given text (e.g. an MTA's product name). */
export function receivedMentions(view: MessageView, pattern: RegExp): boolean {
  return view.headers.getAll('received').some((v) => pattern.test(v));
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

/** Collapse runs of white space; what a server said, without the line wrapping of the report. */
export function sweep(text: string): string {
  return collapseWhitespace(text).trim();
}

export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, ''));
}

/** The text before the first line matching any of the markers (the start of the returned original). */
export function cutAt(text: string, markers: readonly RegExp[]): string {
  let end = text.length;
  for (const re of markers) {
    const m = re.exec(text);
    if (m && m.index < end) end = m.index;
  }
  return text.slice(0, end);
}

/** The text after the first line matching `start` (that line excluded), or undefined. */
export function after(text: string, start: RegExp): string | undefined {
  const m = start.exec(text);
  if (!m) return undefined;
  const eol = text.indexOf('\n', m.index + m[0].length);
  return eol < 0 ? '' : text.slice(eol + 1);
}

/** Lines of text between `start` (exclusive) and the first of `ends` (exclusive). */
export function section(text: string, start: RegExp, ends: readonly RegExp[] = []): string[] | undefined {
  const rest = after(text, start);
  if (rest === undefined) return undefined;
  return splitLines(cutAt(rest, ends));
}

/** Read a report's recipient list as blocks: a line naming a recipient opens a block, the lines after it belong to it. */
export function blocksBy(
  lines: readonly string[],
  opens: (line: string) => string | undefined,
): { address: string; lines: string[] }[] {
  const out: { address: string; lines: string[] }[] = [];
  for (const line of lines) {
    const address = opens(line);
    if (address !== undefined) out.push({ address, lines: [] });
    else if (out.length > 0) out[out.length - 1].lines.push(line);
  }
  return out;
}

export { normalizeAddress };

/** How far into a text an address is looked for (the address scan is slow on long runs of word characters). */
const ADDRESS_WINDOW = 4096;

/**
 * Does a token read as an address: an "@" with something on both sides? Readers match the token with a
 * plain run (`\S+`, `[^\s:]+`) and ask this, instead of a pattern like `\S+@\S+`, which tries every
 * "@" of a long run as the split point and rescans the rest for each: quadratic on a line of "@".
 */
export function hasInnerAt(token: string): boolean {
  const at = token.indexOf('@', 1); // the first "@" after the first character
  return at >= 1 && at <= token.length - 2;
}

/** The first address written in angle brackets, else the first address at all ('' when none). */
export function firstBracketedAddress(text: string): string {
  const head = text.slice(0, ADDRESS_WINDOW);
  if (!head.includes('@')) return '';
  const m = /<([^<>\s]+@[^<>\s]+)>/.exec(head);
  return m ? normalizeAddress(m[1]) : firstAddress(head);
}

// ---------------------------------------------------------------------------------------------
// SMTP replies: reply code, enhanced status code, command
// ---------------------------------------------------------------------------------------------

const REPLY_AT_START = /^\s*(?:<<<\s*|[\[('"]\s*)?([245]\d\d)(?=[ \-]|$)/;

/** Basic reply code at the start of a server reply ("550 5.1.1 …", "<<< 550-…", "[554 …"). */
export function replyCodeAtStart(text: string): string | undefined {
  return REPLY_AT_START.exec(text)?.[1];
}

/** The reply code a server's words carry (the parse stage's scan), undefined when none. */
export function replyCodeIn(text: string, classHint?: string): string | undefined {
  return replyCodeAtStart(text) ?? (findReply(text, classHint) || undefined);
}

/** The enhanced status code a server's words mean (the parse stage's scan), undefined when none. */
export function statusIn(text: string): string | undefined {
  return findStatus(text) || undefined;
}

/**
 * Join the lines of a multi-line SMTP reply ("550-5.7.26 …", "550 5.7.26 …") into one sentence:
 * the first line keeps its codes, continuation lines lose the repeated prefix.
 */
export function joinReply(lines: readonly string[]): string {
  const parts: string[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    parts.push(i === 0 ? line : line.replace(/^[245]\d\d[ \-](?:[245]\.\d{1,3}\.\d{1,3}\s*)?/, ''));
  });
  return sweep(parts.join(' '));
}

/**
 * The SMTP command a report's phrase names ("RCPT TO:<…>", "end of DATA", "our final DATA",
 * ">>> MAIL FROM:<…>"), by the parse stage's word table. Addresses are masked first: "rcpt@…" or
 * "mail@…" inside one must not decide the stage.
 */
export function commandIn(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return commandFromWord(maskAddresses(text));
}

/**
 * `/<([^>]+@[^>]+)>/.exec(text)?.[1]` in linear time: the address in the first "<…>" that holds one
 * (an "@" with something on both sides). The regex retries every "<" of a long run and scans to the
 * next ">" from each; here each stretch up to a ">" is looked at once.
 */
export function angleAddress(text: string): string | undefined {
  let gt = -1;
  let lastAt = -1;
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
    if (gt <= lt) {
      gt = text.indexOf('>', lt + 1);
      if (gt < 0) return undefined; // no ">" after this "<", so none after any later one either
      const at = text.slice(lt + 1, gt - 1).lastIndexOf('@');
      lastAt = at < 0 ? -1 : lt + 1 + at;
    }
    if (lastAt >= lt + 2) return text.slice(lt + 1, gt);
  }
  return undefined;
}

/** The next `ch` after position i, or Infinity (so that a search that found nothing is never repeated). */
function indexAfter(text: string, ch: string, i: number): number {
  const at = text.indexOf(ch, i + 1);
  return at < 0 ? Infinity : at;
}

/** A run of non-space characters, read from a given position. */
const WORD = /\S+/y;

/**
 * `text.replace(/<[^<>]*>|\S+@\S+/g, ' ')` in linear time: "<…>" spans and words holding an address
 * become one space each. The regex form retries `\S+@\S+` at every character of a long word without
 * an address and rescans the rest of the word each time (quadratic on a long line of non-space); here
 * each word is measured once. Same matches, same order, same output.
 */
export function maskAddresses(text: string): string {
  if (!text.includes('<') && !text.includes('@')) return text;
  let out = '';
  let copied = 0; // text before this index is in `out`
  let nextGt = -1; // where the next ">" / "<" after the current position is (Infinity: none)
  let nextLt = -1;
  let wordEnd = -1; // the word holding the current position, and the last "@" inside it
  let lastAt = -1;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let end = -1;
    if (c === 0x3c) {
      // "<[^<>]*>": the next "<" or ">" after it is a ">"
      if (nextGt <= i) nextGt = indexAfter(text, '>', i);
      if (nextLt <= i) nextLt = indexAfter(text, '<', i);
      if (nextGt < nextLt) end = nextGt + 1;
    }
    if (end < 0) {
      if (i >= wordEnd) {
        WORD.lastIndex = i;
        const w = WORD.exec(text);
        if (!w) { i++; continue; } // white space: nothing starts here
        wordEnd = i + w[0].length;
        lastAt = w[0].lastIndexOf('@', w[0].length - 2) + i;
      }
      // "\S+@\S+" from i: an "@" after i with a character after it, inside the word; it takes the rest of the word
      if (lastAt >= i + 1) end = wordEnd;
    }
    if (end < 0) { i++; continue; }
    out += text.slice(copied, i) + ' ';
    copied = i = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

export { preferStatus };

// ---------------------------------------------------------------------------------------------
// Facts
// ---------------------------------------------------------------------------------------------

/** Server words longer than this are cut (a reply that quotes a whole web page). */
const MAX_DIAGNOSTIC = 4096;

/**
 * A recipient fact from what the reader found: the reply code and the enhanced code are taken from the
 * diagnostic when the reader did not find them elsewhere; a Status field loses to a more specific code
 * in the server's reply.
 */
export function fact(parts: Fact & { address?: string; diagnostic?: string }): Fact {
  const diagnostic = sweep(parts.diagnostic ?? '').slice(0, MAX_DIAGNOSTIC);
  // Object.assign, not `{ ...parts, … }`: V8 (Node 20) adds properties to a spread copy on a slow
  // path (about 1 µs each, github.com/evanw/esbuild/issues/951), and every long-tail fact passes here.
  const out: Fact = Object.assign({}, parts, { address: normalizeAddress(parts.address), diagnostic });
  const inWords = diagnostic ? statusIn(diagnostic) : undefined;
  const replyCode = parts.replyCode ?? (diagnostic ? replyCodeIn(diagnostic, inWords ?? parts.status) : undefined);
  if (replyCode) out.replyCode = replyCode;
  const status = preferStatus(parts.status, inWords, replyCode);
  if (status) out.status = status;
  for (const key of Object.keys(out) as (keyof Fact)[]) if (out[key] === undefined || out[key] === '') delete out[key];
  if (out.diagnostic === undefined) out.diagnostic = '';
  if (out.address === undefined) out.address = '';
  return out;
}

/** An Extraction, or undefined when the reader found no recipient at all. */
export function extraction(recipients: Fact[], kind?: Extraction['kind']): Extraction | undefined {
  const found = recipients.filter((r) => r.address || r.diagnostic);
  if (found.length === 0) return undefined;
  return kind ? { recipients: found, kind } : { recipients: found };
}

/** "host.example [192.0.2.1]", "host.example[192.0.2.1]:25", "[192.0.2.1]", "192.0.2.1" → host and IP. */
export function hostAndIp(text: string | undefined): { remoteHost?: string; remoteIp?: string } {
  if (!text) return {};
  const out: { remoteHost?: string; remoteIp?: string } = {};
  for (const token of text.split(/[\s\[\]()]+/)) {
    const t = token.replace(/:\d+$/, '').replace(/[.,;:]+$/, '');
    if (!t) continue;
    if (!out.remoteIp && (/^(?:\d{1,3}\.){3}\d{1,3}$/.test(t) || /^[0-9a-f]*:[0-9a-f:]+$/i.test(t))) out.remoteIp = t;
    else if (!out.remoteHost && /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z][A-Za-z0-9-]*$/.test(t)) out.remoteHost = t.toLowerCase();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// DSN fields (message/delivery-status, or the same fields inline in the text)
// ---------------------------------------------------------------------------------------------

/**
 * Some gateways continue a multi-line reply in Diagnostic-Code without folding ("550-…" lines at the
 * start of the line); indent those so the field reader sees one folded value.
 */
function foldReplyContinuations(text: string): string {
  const lines = splitLines(text);
  let inDiagnostic = false;
  return lines
    .map((line) => {
      if (/^Diagnostic-Code[ \t]*:/i.test(line)) inDiagnostic = true;
      else if (inDiagnostic && /^[245]\d\d[ -]/.test(line)) return ' ' + line;
      else if (!/^[ \t]/.test(line)) inDiagnostic = false;
      return line;
    })
    .join('\n');
}

/**
 * A multi-line reply unfolded into one line still repeats its code ("550-Please … 550-host … 550 relay
 * …"); keep the first code and drop the repeats, as joinReply does for separate lines.
 */
function unrepeatReplyCode(text: string): string {
  const code = /^([245]\d\d)-/.exec(text)?.[1];
  if (!code) return text;
  const repeats = new RegExp(`\\s${code}[ -](?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s+)?`, 'g');
  return text.slice(0, 4) + text.slice(4).replace(repeats, ' ');
}

/** Facts from DSN fields (the parse stage's RFC 3464 reader), codes finished the way fact() does. */
export function factsFromDsn(text: string | undefined): Fact[] {
  if (!text) return [];
  return parseDeliveryStatus(foldReplyContinuations(text)).map((f) => fact(Object.assign({}, f, { diagnostic: unrepeatReplyCode(sweep(f.diagnostic ?? '')) })));
}

/** DSN facts from the view's delivery-status part, else from DSN fields written inline in the body. */
export function dsnFacts(view: MessageView, inlineFrom?: RegExp): Fact[] {
  if (view.deliveryStatus) return factsFromDsn(view.deliveryStatus);
  const m = inlineFrom?.exec(view.body);
  return m ? factsFromDsn(view.body.slice(m.index)) : [];
}

/**
 * The text's facts together with the DSN's, merged as the parse stage merges them (DSN fields win,
 * the text fills the gaps), so a reader's extraction reads like the final report.
 */
export function mergeWithDsn(fromText: Fact[], fromDsn: Fact[]): Fact[] {
  if (fromDsn.length === 0) return fromText;
  // the merge keeps the words it did not show for its own code scan; the parse stage merges again anyway
  return mergeFacts(fromDsn, fromText).map(({ otherDiagnostic: _other, ...f }) => fact(f));
}

/** Remote-MTA / "Remote system" values ("dns;mx.example.jp (192.0.2.135)") → host and IP. */
export function remoteMta(value: string | undefined): { remoteHost?: string; remoteIp?: string } {
  const { host, ip } = parseMta(value);
  return { ...(host && host !== ip ? { remoteHost: host } : {}), ...(ip ? { remoteIp: ip } : {}) };
}

/** "smtp; 550 …" → type 'smtp' and the text. */
export function diagnosticCode(value: string | undefined): { diagnosticType?: string; diagnostic?: string } {
  if (!value) return {};
  const [type, text] = splitTyped(value);
  return { ...(type ? { diagnosticType: type } : {}), diagnostic: text };
}
