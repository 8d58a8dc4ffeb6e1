/**
 * The MIME layer: the only module that decodes MIME. A lean walker that decodes just what a diagnosis
 * reads — the header block, the human-readable text parts, message/delivery-status and
 * message/feedback-report (kept apart), and the headers of the returned original — and nothing else
 * (attachments and the original's body are never decoded). Bounded in depth, parts and header size.
 *
 * Malformed MIME never throws out of here: a multipart without a usable boundary is read as text and
 * a warning says so. mailparser is deliberately not used: it decodes every part and folds
 * message/delivery-status into the text, and it is several times slower than this walk on bounces.
 */
import { decodeCharset, decodeTransfer } from './decode';
import { HeaderMap, parseContentType, parseHeaderBlock, type HeaderBlock } from './headers';
import { htmlToText } from './html';
import { MIME_LIMITS } from './limits';
import { findInlineOriginal } from './original';

export interface MimeMessage {
  /** 'mime' when the input had a real header block; 'text' for a paste without one. */
  format: 'mime' | 'text';
  /** The report's own headers (for pasted text: visible "From:/Subject:" lines at the top, if any). */
  headers: HeaderMap;
  /** Human-readable text of the report, LF line endings, up to the returned original. */
  body: string;
  /** Text of message/delivery-status parts, joined with a blank line. */
  deliveryStatus?: string;
  /** Text of a message/feedback-report part (ARF). */
  feedbackReport?: string;
  /** Headers of the returned original message. */
  originalHeaders?: HeaderMap;
  /** report-type of a multipart/report. */
  reportType?: string;
  /** Leaf content types seen, in order. */
  partTypes: string[];
  warnings: string[];
}

interface WalkContext {
  plain: string[];
  /** HTML parts, decoded and converted to text only when no plain text part exists. */
  html: (() => string)[];
  dsn: string[];
  feedback: string[];
  original?: HeaderMap;
  reportType?: string;
  preamble?: string;
  partTypes: string[];
  parts: number;
  warnings: Set<string>;
}

const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status', 'text/delivery-status', 'message/x-delivery-status']);
const ORIGINAL_TYPES = new Set(['message/rfc822', 'message/global', 'message/partial', 'message/news']);
const ORIGINAL_HEADER_TYPES = new Set(['text/rfc822-headers', 'message/rfc822-headers', 'text/rfc822-header', 'message/global-headers', 'text/x-rfc822-headers']);

/** Headers that only a real message source has. A paste of visible text ("From:/Sent:/To:") has none. */
const SOURCE_HEADERS = new Set([
  'received', 'return-path', 'message-id', 'mime-version', 'content-type', 'delivered-to', 'x-original-to',
  'dkim-signature', 'authentication-results', 'x-failed-recipients', 'auto-submitted', 'x-mailer',
  'arc-seal', 'x-received', 'content-transfer-encoding', 'x-ms-exchange-message-is-ndr', 'x-ms-embedded-report',
  'x-ms-tnef-correlator', 'thread-index', 'precedence', 'x-autoreply', 'x-postfix-queue-id',
]);

function isMessageSource(block: HeaderBlock): boolean {
  if (!block.terminated && block.bodyStart < 1) return false;
  const h = block.headers;
  for (const name of h.order) {
    if (SOURCE_HEADERS.has(name) || name.startsWith('x-ms-') || name.startsWith('arc-')) return true;
  }
  // A bare RFC 5322 block (From + Date, ended by a blank line). A visible Outlook header has "Sent:" instead of "Date:".
  return block.terminated && h.has('from') && h.has('date') && !h.has('sent');
}

/** Lines a paste may carry above the real message source ("here is the bounce:"). */
const SOURCE_START = /^(?:Return-Path|Received|Delivered-To|X-Original-To|MIME-Version|Message-I[dD]|X-Failed-Recipients):/m;
const MAX_PREFACE_CHARS = 2000;

function normalizeNewlines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/**
 * An mbox "From " separator line followed by a header line. CRLF is allowed: splitMailbox reads the
 * raw bytes, before line endings are normalised.
 */
const MBOX_SEPARATOR = /\n\r?\nFrom \S+ +\S.*\r?\n(?=[!-9;-~]+:)/g;

/** Skip a leading Unix mbox "From " line; keep only the first message of an mbox. */
function stripMbox(s: string, warnings: Set<string>): string {
  if (!s.startsWith('From ')) return s;
  const eol = s.indexOf('\n');
  let rest = eol < 0 ? '' : s.slice(eol + 1);
  MBOX_SEPARATOR.lastIndex = 0;
  const next = MBOX_SEPARATOR.exec(rest);
  if (next) {
    // parseReport splits a mailbox before it gets here; this is for callers that hand over a whole one
    let count = 2;
    while (MBOX_SEPARATOR.exec(rest)) count++;
    rest = rest.slice(0, next.index + 1);
    warnings.add(`The input is a mailbox with ${count} messages; only the first was read.`);
  }
  return rest;
}

/**
 * Every message of a Unix mbox (bytes each, separator line included), or undefined when the input is
 * a single message. All are returned, however many: the caller decides how many to read and says so.
 */
export function splitMailbox(bytes: Buffer): Buffer[] | undefined {
  let lead = 0;
  while (lead < bytes.length && (bytes[lead] === 0x20 || bytes[lead] === 0x09 || bytes[lead] === 0x0a || bytes[lead] === 0x0d)) lead++;
  if (bytes.length - lead < 5 || bytes.toString('latin1', lead, lead + 5) !== 'From ') return undefined;
  const s = bytes.toString('latin1');
  const starts = [lead];
  MBOX_SEPARATOR.lastIndex = lead;
  // the next message starts at "From ", after the blank line (LF LF or CRLF CRLF)
  for (let m = MBOX_SEPARATOR.exec(s); m; m = MBOX_SEPARATOR.exec(s)) starts.push(m.index + (s.charCodeAt(m.index + 1) === 0x0d ? 3 : 2));
  if (starts.length < 2) return undefined;
  return starts.map((start, i) => bytes.subarray(start, i + 1 < starts.length ? starts[i + 1] : bytes.length));
}

/** Delimiter-separated parts of a multipart body; undefined when the boundary never occurs. */
export function splitMultipart(body: string, boundary: string): { parts: string[]; preamble: string } | undefined {
  const delim = '--' + boundary;
  const parts: string[] = [];
  let preamble = '';
  let pos = 0;
  let partStart = -1;
  let found = false;
  for (;;) {
    const i = body.indexOf(delim, pos);
    if (i < 0) break;
    const j = i + delim.length;
    if (i > 0 && body.charCodeAt(i - 1) !== 10) {
      pos = j;
      continue;
    }
    const isClose = body.startsWith('--', j);
    let eol = body.indexOf('\n', j);
    if (eol < 0) eol = body.length;
    if (body.slice(isClose ? j + 2 : j, eol).trim() !== '') {
      pos = j; // a longer boundary that merely starts with ours
      continue;
    }
    if (!found) preamble = body.slice(0, i);
    found = true;
    if (partStart >= 0) parts.push(body.slice(partStart, i > 0 ? i - 1 : i));
    if (isClose) {
      partStart = -1;
      break;
    }
    partStart = eol + 1;
    pos = partStart;
  }
  if (partStart >= 0 && partStart < body.length) parts.push(body.slice(partStart)); // unterminated (truncated input)
  return found ? { parts, preamble } : undefined;
}

/** A boundary that the body uses when the declared one is missing or wrong: the first "--token" line. */
function guessBoundary(body: string): string | undefined {
  const m = /^--([^\s-][^\s]{5,69}?)(?:--)?[ \t]*$/m.exec(body);
  return m ? m[1] : undefined;
}

function decodeText(body: string, transfer: string | undefined, charset: string | undefined, ctx: WalkContext): string {
  // 7-bit text with no transfer encoding (most report parts) is already what it says
  if (!/^(?:base64|quoted-printable)$/i.test(transfer?.trim() ?? '') && !/[\x80-\xff\x1b]/.test(body)) return body;
  const decoded = decodeCharset(decodeTransfer(body, transfer), charset);
  if (decoded.warning) ctx.warnings.add(decoded.warning);
  return decoded.text;
}

interface Part {
  headers: HeaderMap;
  body: string;
}

function partHeaders(part: string): Part {
  const block = parseHeaderBlock(part, 0);
  // A part whose "headers" hold no Content-* field is a part without headers that starts with text
  // that merely looks like headers (typically a delivery-status block): keep it all as body.
  let hasContentHeader = false;
  for (const n of block.headers.order) if (n.startsWith('content-')) { hasContentHeader = true; break; }
  if (block.headers.size > 0 && !hasContentHeader) return { headers: new HeaderMap(), body: part };
  return { headers: block.headers, body: part.slice(block.bodyStart) };
}

function readOriginal(content: string): HeaderMap {
  const start = content.search(/\S/);
  return parseHeaderBlock(content, start < 0 ? 0 : start).headers;
}

function walkMultipart(type: string, params: Record<string, string>, body: string, depth: number, ctx: WalkContext): boolean {
  if (depth >= MIME_LIMITS.maxDepth) {
    ctx.warnings.add(`MIME parts nested deeper than ${MIME_LIMITS.maxDepth} levels were skipped.`);
    return true;
  }
  if (type === 'multipart/report' && params['report-type'] && !ctx.reportType) ctx.reportType = params['report-type'].toLowerCase();
  let split = params.boundary ? splitMultipart(body, params.boundary) : undefined;
  if (!split) {
    const guessed = guessBoundary(body);
    split = guessed ? splitMultipart(body, guessed) : undefined;
    if (!split) return false;
    ctx.warnings.add('The MIME boundary was missing or wrong; the parts were found by their delimiter lines.');
  }
  if (depth === 0 && split.preamble.trim()) ctx.preamble = split.preamble;
  // Index loops, not map/find/for…of: this runs for every multipart and V8 threw away its optimised
  // code on the callbacks' and iterators' shapes (seen with --trace-deopt).
  const raw = split.parts;
  const parts: Part[] = [];
  for (let i = 0; i < raw.length; i++) parts.push(partHeaders(raw[i] as string));
  if (type === 'multipart/alternative') {
    const pick = pickAlternative(parts);
    if (pick) walkPart(pick.headers, pick.body, depth + 1, ctx);
    return true;
  }
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as Part;
    walkPart(p.headers, p.body, depth + 1, ctx);
  }
  return true;
}

/** multipart/alternative: the plain text part with text in it, else the HTML part, else the first. */
function pickAlternative(parts: readonly Part[]): Part | undefined {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as Part;
    if (parseContentType(p.headers.getRaw('content-type')).type === 'text/plain' && /\S/.test(p.body)) return p;
  }
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as Part;
    if (parseContentType(p.headers.getRaw('content-type')).type === 'text/html') return p;
  }
  return parts[0];
}

function walkPart(h: HeaderMap, body: string, depth: number, ctx: WalkContext): void {
  if (++ctx.parts > MIME_LIMITS.maxParts) {
    ctx.warnings.add(`The message has more than ${MIME_LIMITS.maxParts} MIME parts; the rest were skipped.`);
    return;
  }
  let ct = parseContentType(h.getRaw('content-type'));
  const transfer = h.get('content-transfer-encoding');
  if (depth === 0 && !h.has('content-type')) {
    // MIME parts without the MIME headers (seen from old Sendmail setups): find the delimiter lines.
    // Only when the body opens with the parts (a line or two of preamble at most), so that the
    // boundaries of an inline returned original further down are never mistaken for ours.
    const boundary = guessBoundary(body.slice(0, 1024));
    const first = boundary ? body.indexOf('--' + boundary) : -1;
    const preambleLines = first > 0 ? body.slice(0, first).split('\n').filter((l) => l.trim()).length : 0;
    if (boundary && first >= 0 && preambleLines <= 2 && body.includes('\nContent-Type:')) {
      ctx.warnings.add('The message has MIME parts but no Content-Type header; the parts were found by their delimiter lines.');
      ct = { type: 'multipart/mixed', params: { boundary } };
    }
  }
  const type = ct.type;
  if (type.startsWith('multipart/')) {
    if (walkMultipart(type, ct.params, body, depth, ctx)) return;
    ctx.warnings.add('A multipart section had no usable boundary; it was read as plain text.');
    ctx.plain.push(decodeText(body, transfer, ct.params.charset, ctx));
    return;
  }
  ctx.partTypes.push(type);
  if (DSN_TYPES.has(type)) {
    ctx.dsn.push(decodeText(body, transfer, ct.params.charset ?? 'utf-8', ctx));
  } else if (type === 'message/feedback-report') {
    ctx.feedback.push(decodeText(body, transfer, ct.params.charset ?? 'utf-8', ctx));
  } else if (ORIGINAL_TYPES.has(type) || ORIGINAL_HEADER_TYPES.has(type)) {
    // only the header block of the original is read, so unencoded content is not copied
    const encoded = /^(?:base64|quoted-printable)$/i.test(transfer?.trim() ?? '');
    const content = encoded ? normalizeNewlines(decodeTransfer(body, transfer).toString('latin1')) : body;
    const inner = readOriginal(content);
    const innerType = parseContentType(inner.getRaw('content-type')).type;
    // A bounce forwarded as an attachment: the report is inside, so read it as the report.
    if (ORIGINAL_TYPES.has(type) && innerType === 'multipart/report' && !ctx.reportType && ctx.dsn.length === 0 && depth < MIME_LIMITS.maxDepth) {
      ctx.warnings.add('The bounce was inside a forwarded message; read the attached bounce.');
      const block = parseHeaderBlock(content, Math.max(0, content.search(/\S/)));
      walkPart(block.headers, content.slice(block.bodyStart), depth + 1, ctx);
      return;
    }
    if (!ctx.original) ctx.original = inner;
  } else if (type === 'text/html') {
    ctx.html.push(() => htmlToText(decodeText(body, transfer, ct.params.charset, ctx)));
  } else if (type.startsWith('text/') || type === 'message/disposition-notification') {
    ctx.plain.push(decodeText(body, transfer, ct.params.charset, ctx));
  }
}

function emptyContext(warnings: Set<string>): WalkContext {
  // every field set here, in one order (the optional ones undefined): one object shape for the whole walk
  return { plain: [], html: [], dsn: [], feedback: [], original: undefined, reportType: undefined, preamble: undefined, partTypes: [], parts: 0, warnings };
}

/** Lines starting with ">" (counted natively: a split and trim of every line costs more than the check). */
function quotedLines(body: string): number {
  let n = body.startsWith('>') ? 1 : 0;
  for (let at = body.indexOf('\n>'); at >= 0; at = body.indexOf('\n>', at + 2)) n++;
  return n;
}

/**
 * A bounce forwarded with "> " quoting (mail clients' "Begin forwarded message:"): when most lines are
 * quoted, drop one level of quoting so the report reads as written.
 */
function unquote(body: string): string {
  // Most bodies quote nothing, or a line or two: fewer than three quoted lines can never be 60% of five.
  if (quotedLines(body) < 3) return body;
  const lines = body.split('\n');
  let quoted = 0;
  let nonEmpty = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    if (!l.trim()) continue;
    nonEmpty++;
    if (l.startsWith('>')) quoted++;
  }
  if (nonEmpty < 5 || quoted < nonEmpty * 0.6) return body;
  // in place, not lines.map(): V8 threw away finishBody's optimised code (this is inlined there) on the callback
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.startsWith('>')) lines[i] = l.replace(/^> ?/, '');
  }
  return lines.join('\n');
}

/** Headers of a forwarded or pasted-below bounce ("-----Original Message-----" then the NDR). */
function looksLikeBounceHeaders(h: HeaderMap): boolean {
  return (
    /undeliver|returned mail|delivery status notification|mail delivery failed|failure notice|delivery failure|non-?delivery|delivery has failed|delivery delayed/i.test(h.get('subject') ?? '') ||
    /mailer-daemon|mail delivery (?:sub)?system|microsoft outlook/i.test(h.get('from') ?? '')
  );
}

/** A few words of the forwarder's own ("FYI, see below"), no bounce of its own. */
function isOnlyPreface(text: string): boolean {
  return text.replace(/\s+/g, '').length < 400 && !/[245]\d\d[ -]|[245]\.\d{1,3}\.\d|error|fail|undeliver|could not|unable|rejected|delay/i.test(text);
}

/** Join collected text, cut it at an inline returned original, bound it. */
function finishBody(texts: string[], ctx: WalkContext): string {
  let body = unquote(normalizeNewlines(texts.join('\n')));
  let inline = findInlineOriginal(body);
  // A forwarded bounce: little of our own above the marker, a bounce's headers below it. The report is below.
  while (inline && isOnlyPreface(body.slice(0, inline.start))) {
    const rest = body.slice(inline.after).replace(/^[^\n]*\n/, '');
    const start = rest.search(/\S/);
    const block = parseHeaderBlock(rest, start < 0 ? 0 : start);
    if (!looksLikeBounceHeaders(block.headers)) break;
    ctx.warnings.add('The bounce was forwarded inside another message; read the forwarded bounce.');
    body = rest.slice(block.bodyStart);
    inline = findInlineOriginal(body);
  }
  if (inline) {
    if (!ctx.original) {
      const rest = body.slice(inline.after).replace(/^[^\n]*\n/, '');
      const start = rest.search(/\S/);
      const block = parseHeaderBlock(rest, start < 0 ? 0 : start);
      if (block.headers.size > 0) ctx.original = block.headers;
    }
    body = body.slice(0, inline.start);
  }
  if (body.length > MIME_LIMITS.maxBodyChars) {
    body = body.slice(0, MIME_LIMITS.maxBodyChars);
    ctx.warnings.add('The bounce text was very long; only the first part was read.');
  }
  return body;
}

function result(format: 'mime' | 'text', headers: HeaderMap, body: string, ctx: WalkContext): MimeMessage {
  const msg: MimeMessage = { format, headers, body, partTypes: ctx.partTypes, warnings: [...ctx.warnings] };
  if (ctx.dsn.length) msg.deliveryStatus = ctx.dsn.join('\n\n');
  if (ctx.feedback.length) msg.feedbackReport = ctx.feedback.join('\n\n');
  if (ctx.original) msg.originalHeaders = ctx.original;
  if (ctx.reportType) msg.reportType = ctx.reportType;
  return msg;
}

/** Whether any of the texts has a visible character (an index loop: V8 deoptimised some() here). */
function anyText(texts: readonly string[]): boolean {
  for (let i = 0; i < texts.length; i++) if (/\S/.test(texts[i] as string)) return true;
  return false;
}

/** A message source whose header block (already read by readMessage) is `block`. */
function readSource(s: string, block: HeaderBlock, ctx: WalkContext): MimeMessage {
  walkPart(block.headers, s.slice(block.bodyStart), 0, ctx);
  let texts = ctx.plain;
  if (!anyText(texts)) {
    texts = [];
    for (let i = 0; i < ctx.html.length; i++) texts.push((ctx.html[i] as () => string)());
  }
  if (!anyText(texts) && ctx.preamble) texts = [ctx.preamble];
  return result('mime', block.headers, finishBody(texts, ctx), ctx);
}

/** Pasted text: the whole paste is the body; visible "From:/Subject:" lines at its top become headers. */
function readPaste(bytes: Buffer, ctx: WalkContext): MimeMessage {
  const decoded = decodeCharset(bytes, undefined);
  if (decoded.warning) ctx.warnings.add(decoded.warning);
  const text = normalizeNewlines(decoded.text).replace(/^\ufeff/, '');
  const lead = text.search(/\S/);
  const block = parseHeaderBlock(text, lead < 0 ? 0 : lead);
  return result('text', block.headers, finishBody([text], ctx), ctx);
}

export function readMessage(bytes: Buffer): MimeMessage {
  const warnings = new Set<string>();
  const ctx = emptyContext(warnings);
  let s = normalizeNewlines(bytes.toString('latin1'));
  const mbox = s.startsWith('From ');
  s = stripMbox(s.replace(/^\s+/, ''), warnings);
  const head = parseHeaderBlock(s, 0);
  if (isMessageSource(head) || (mbox && head.headers.size > 0)) return readSource(s, head, ctx);

  // A paste with a line or two of chat above the raw source (not a header block of its own).
  const m = head.headers.size === 0 ? SOURCE_START.exec(s.slice(0, MAX_PREFACE_CHARS)) : null;
  if (m && m.index > 0) {
    const block = parseHeaderBlock(s, m.index);
    if (block.terminated && isMessageSource(block)) {
      warnings.add('Text before the message headers was ignored.');
      return readSource(s, block, ctx);
    }
  }
  return readPaste(bytes, ctx);
}
