/**
 * parseReport: raw input → ParsedReport. MIME and RFC 3464 first (structure), then the reader
 * registry (words), merged; one-line errors and auto-replies and feedback reports have their own
 * short paths. Never throws: anything unexpected becomes a warning and a text-only reading.
 */
import type { RawInput } from '../intake';
import { looksLikeBounce } from '../intake/sniff';
import { findAddresses } from './address';
import { feedbackRecipients, isJmrpComplaint } from './feedback';
import { decodeCharset } from './decode';
import { HeaderMap, parseHeaderBlock } from './headers';
import { isAutoReply, isFeedbackReport, kindFromActions, kindFromWords } from './kind';
import { MIME_LIMITS } from './limits';
import { readLines } from './line';
import { mtaFromHints } from './mta-hints';
import { dedupe, finishFact, mergeFacts } from './merge';
import { readMessage, splitMailbox, type MimeMessage } from './mime';
import { findInlineOriginal, originalFromHeaders } from './original';
import { findInlineDeliveryStatus, parseDeliveryStatus } from './rfc3464';
import { READERS } from './text';
import type { Extraction, MessageView, TextReader } from './text/types';
import { normalizeVisible, originalSubjectOf, pastedSubjectLine } from './text/visible';
import type { OriginalMessage, ParsedReport, RecipientFact, ReportKind } from './types';

export type { ParsedReport } from './types';

type Fact = Partial<RecipientFact>;

function toView(msg: MimeMessage): MessageView {
  // pasted text: an "Undeliverable: …" line on top is the report's subject even without its label
  const subject = msg.headers.get('subject') ?? (msg.format === 'text' ? pastedSubjectLine(msg.body) : undefined) ?? '';
  return {
    format: msg.format,
    headers: msg.headers,
    subject,
    from: msg.headers.get('from') ?? '',
    body: msg.body,
    ...(msg.deliveryStatus ? { deliveryStatus: msg.deliveryStatus } : {}),
    ...(msg.originalHeaders ? { originalHeaders: msg.originalHeaders } : {}),
  };
}

/** The first reader that recognises the report and finds something in it. */
function runReaders(view: MessageView, warnings: string[]): { reader: TextReader; extraction: Extraction } | undefined {
  for (const reader of READERS) {
    try {
      if (!reader.detect(view)) continue;
      const extraction = reader.extract(view);
      if (extraction && (extraction.recipients.length || extraction.kind)) return { reader, extraction };
    } catch {
      warnings.push(`The ${reader.name} reader could not read this report; other readers were tried.`);
    }
  }
  return undefined;
}

function mergeOriginal(fromHeaders: OriginalMessage | undefined, visible: OriginalMessage | undefined): OriginalMessage | undefined {
  if (!fromHeaders) return visible;
  if (!visible) return fromHeaders;
  return { ...visible, ...fromHeaders };
}

/** A short summary of the human text, used as the "diagnostic" of feedback and auto-reply records. */
function summary(body: string): string {
  const paragraph = body.split(/\n\s*\n/).find((p) => p.trim()) ?? '';
  return paragraph.replace(/\s+/g, ' ').trim().slice(0, 1000);
}

function bounded(text: string): string {
  return text.length > MIME_LIMITS.maxReportTextChars ? text.slice(0, MIME_LIMITS.maxReportTextChars) : text;
}

function reportHeaders(msg: MimeMessage, view: MessageView): ParsedReport['headers'] {
  const h = msg.headers;
  const out: NonNullable<ParsedReport['headers']> = {};
  const subject = h.get('subject') ?? (view.subject || undefined);
  const from = h.get('from');
  const date = h.get('date') ?? (msg.format === 'text' ? h.get('sent') : undefined);
  const id = h.get('message-id');
  if (subject) out.subject = subject;
  if (from) out.from = from;
  if (date) out.date = date;
  if (id) out.messageId = id.replace(/^<|>$/g, '');
  return Object.keys(out).length ? out : undefined;
}

function decide(msg: MimeMessage, view: MessageView, warnings: string[]): ParsedReport {
  const base = {
    source: { format: msg.format } as ParsedReport['source'],
    headers: reportHeaders(msg, view),
    text: bounded(msg.body || msg.deliveryStatus || ''),
    warnings,
  };
  let original = originalFromHeaders(msg.originalHeaders);

  // 1. A paste that is only queue/log/reply lines.
  if (msg.format === 'text') {
    const lines = readLines(msg.body);
    if (lines) {
      return {
        ...base,
        kind: lines.kind,
        source: { format: 'line', ...(lines.mta ? { mta: lines.mta } : {}) },
        ...(original ? { original } : {}),
        recipients: lines.recipients.map((f) => finishFact(f, lines.kind)),
      };
    }
  }

  // 2. Feedback reports (ARF, JMRP).
  if (isFeedbackReport(msg) || isJmrpComplaint(msg)) {
    return { ...base, kind: 'feedback', source: { ...base.source, mta: 'arf' }, ...(original ? { original } : {}), recipients: feedbackRecipients(msg, summary(msg.body)).map((f) => finishFact(f, 'feedback')) };
  }

  // 3. Structure (RFC 3464) and words (readers).
  const dsnText = msg.deliveryStatus ?? findInlineDeliveryStatus(msg.body);
  const dsn: Fact[] = dsnText ? parseDeliveryStatus(dsnText) : [];
  const found = runReaders(view, warnings);
  const extraction = found?.extraction;
  original = mergeOriginal(original, extraction?.original);
  const subjectOfOriginal = msg.format === 'text' && !original?.subject ? originalSubjectOf(view.subject) : undefined;
  if (subjectOfOriginal) original = { ...original, subject: subjectOfOriginal };

  // 4. Auto-replies: no report structure, no specific reader, auto-reply headers or subject.
  const specific = found && found.reader.id !== 'rfc3464';
  if (!dsn.length && !specific && isAutoReply(msg.headers, view.subject) && !/mailer-daemon|postmaster/i.test(view.from) && !msg.headers.has('x-failed-recipients')) {
    const address = findAddresses(view.from)[0] ?? '';
    return { ...base, kind: 'autoreply', ...(original ? { original } : {}), recipients: [finishFact({ address, diagnostic: summary(msg.body) }, 'autoreply')] };
  }

  let facts = dedupe(mergeFacts(dsn, extraction?.recipients ?? []));
  let kind: ReportKind =
    kindFromActions(dsn.map((d) => d.action)) ??
    extraction?.kind ??
    kindFromWords(msg.body, view.subject) ??
    (facts.length ? 'bounce' : 'not-a-bounce');
  if (kind === 'not-a-bounce' && facts.length) kind = 'bounce';

  // A report that failed without naming anyone: the original's recipients are who it was for.
  if (!facts.length && (kind === 'bounce' || kind === 'delay')) {
    const to = msg.originalHeaders?.getAll('to').flatMap(findAddresses) ?? [];
    facts = to.slice(0, 1).map((address) => ({ address, diagnostic: '' }));
  }
  if (facts.length > MIME_LIMITS.maxRecipients) {
    warnings.push(`The report lists ${facts.length} recipients; the first ${MIME_LIMITS.maxRecipients} are shown.`);
    facts = facts.slice(0, MIME_LIMITS.maxRecipients);
  }
  // A specific reader names the system; a bare DSN may still say who wrote it (fields, Received).
  const generic = !found || found.reader.id === 'rfc3464';
  const mta = (generic && dsn.length ? mtaFromHints(dsn, msg.headers) : undefined) ?? found?.reader.id ?? (dsn.length ? 'rfc3464' : undefined);
  return {
    ...base,
    kind,
    source: { ...base.source, ...(mta && kind !== 'not-a-bounce' ? { mta } : {}) },
    ...(original ? { original } : {}),
    recipients: facts.map((f) => finishFact(f, kind)),
  };
}

function textOnly(bytes: Buffer): MimeMessage {
  const body = bytes.toString('utf8').replace(/\r\n?/g, '\n');
  return { format: 'text', headers: new HeaderMap(), body, partTypes: [], warnings: [] };
}

/** The paste in plain text (UTF-8), or undefined when copying left nothing to undo. */
function plainVisibleText(bytes: Buffer): Buffer | undefined {
  const text = decodeCharset(bytes, undefined).text;
  const plain = normalizeVisible(text);
  return plain === text ? undefined : Buffer.from(plain, 'utf8');
}

/** A header line that starts a message source: the MIME layer reads a paste from here on when a line
 *  or two of chat sits above it. */
const SOURCE_LINE = /^(?:Return-Path|Received|Delivered-To|X-Original-To|MIME-Version|Message-I[dD]|X-Failed-Recipients):/m;

/**
 * Visible text of a report followed by a copy of the original's headers (Outlook's "Original message
 * headers:", OWA's "Original Message Headers"): what sits above the headers is the report itself, not
 * chat, so the input is a paste. Only asked when the MIME layer took it for a source.
 */
function isReportAboveHeaders(bytes: Buffer): boolean {
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 4096)).replace(/^\s+/, '');
  if (/^(?:From |[!-9;-~]+:)/.test(head)) return false; // a real source starts with its headers
  const at = SOURCE_LINE.exec(head);
  return !!at && at.index > 0 && looksLikeBounce(head.slice(0, at.index));
}

/** The paste as text: visible "Subject:" lines on top as headers, the original's headers after the report's inline-original marker. */
function readAsPaste(bytes: Buffer): MimeMessage {
  const decoded = decodeCharset(bytes, undefined);
  const text = decoded.text.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '');
  const lead = text.search(/\S/);
  const headers = parseHeaderBlock(text, lead < 0 ? 0 : lead).headers;
  let body = text;
  let originalHeaders: HeaderMap | undefined;
  const inline = findInlineOriginal(text);
  if (inline) {
    const rest = text.slice(inline.after).replace(/^[^\n]*\n/, '');
    const start = rest.search(/\S/);
    const block = parseHeaderBlock(rest, start < 0 ? 0 : start);
    if (block.headers.size > 0) originalHeaders = block.headers;
    body = text.slice(0, inline.start);
  }
  if (body.length > MIME_LIMITS.maxBodyChars) body = body.slice(0, MIME_LIMITS.maxBodyChars);
  return { format: 'text', headers, body, ...(originalHeaders ? { originalHeaders } : {}), partTypes: [], warnings: decoded.warning ? [decoded.warning] : [] };
}

/** The MIME layer's reading, except that a report pasted above its original's headers stays a paste. */
function readText(bytes: Buffer): MimeMessage {
  const msg = readMessage(bytes);
  return msg.format === 'mime' && isReportAboveHeaders(bytes) ? readAsPaste(bytes) : msg;
}

function parseOne(bytes: Buffer, warnings: string[]): ParsedReport {
  let msg: MimeMessage;
  try {
    msg = readText(bytes);
    // visible text as copied (curly quotes, non-breaking spaces, bullets, chat quoting, fences) is read
    // again as plain text, so the MIME layer's markers (inline original, header lines) see it plainly too
    const visible = msg.format === 'text' ? plainVisibleText(bytes) : undefined;
    if (visible) msg = readText(visible);
  } catch {
    warnings.push('The MIME structure could not be read; the input was read as plain text.');
    msg = textOnly(bytes);
  }
  for (const w of msg.warnings) if (!warnings.includes(w)) warnings.push(w);
  try {
    return decide(msg, toView(msg), warnings);
  } catch {
    warnings.push('The report could not be fully read; only its text is shown.');
    return { kind: 'not-a-bounce', source: { format: msg.format }, recipients: [], text: bounded(msg.body), warnings };
  }
}

/** Which kind wins when a mailbox holds several reports. */
const KIND_WEIGHT: Record<ReportKind, number> = { bounce: 5, delay: 4, feedback: 3, autoreply: 2, delivered: 1, 'not-a-bounce': 0 };

/** A Unix mbox with several reports: the first gives headers and text, all that are read give recipients. */
function parseMailbox(messages: Buffer[], warnings: string[]): ParsedReport {
  const read = messages.slice(0, MIME_LIMITS.maxMailboxMessages);
  const reports = read.map((m) => parseOne(m, warnings));
  const first = reports[0];
  const kind = reports.map((r) => r.kind).reduce((a, b) => (KIND_WEIGHT[b] > KIND_WEIGHT[a] ? b : a));
  const skipped = messages.length - read.length;
  warnings.push(
    skipped
      ? `The input is a mailbox with ${messages.length} messages; the recipients of the first ${read.length} are listed, the other ${skipped} messages were not read.`
      : `The input is a mailbox with ${messages.length} messages; the recipients of all of them are listed.`,
  );
  let recipients = reports.flatMap((r) => r.recipients);
  if (recipients.length > MIME_LIMITS.maxRecipients) {
    warnings.push(`The mailbox's reports list ${recipients.length} recipients; the first ${MIME_LIMITS.maxRecipients} are shown.`);
    recipients = recipients.slice(0, MIME_LIMITS.maxRecipients);
  }
  return { ...first, kind, recipients, warnings };
}

export function parseReport(raw: RawInput): ParsedReport {
  const warnings = [...(raw.warnings ?? [])];
  const mailbox = splitMailbox(raw.bytes);
  if (mailbox) return parseMailbox(mailbox, warnings);
  return parseOne(raw.bytes, warnings);
}
