/**
 * RFC 3464 delivery-status fields: a per-message block, then one block per recipient.
 * Tolerant of what real MTAs write: missing blank lines between recipients, folded
 * Diagnostic-Code values, type prefixes in odd case ("RFC822;", "DNS;", "smtp;"), vendor X- fields.
 */
import { normalizeAddress } from './address';
import type { DsnAction, RecipientFact } from './types';

const FIELD_LINE = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;

/** Standard per-message fields (RFC 3464 §2.2). */
const PER_MESSAGE = new Set(['reporting-mta', 'dsn-gateway', 'received-from-mta', 'arrival-date', 'original-envelope-id']);
/** Standard per-recipient fields (RFC 3464 §2.3). */
const PER_RECIPIENT = new Set([
  'original-recipient', 'final-recipient', 'action', 'status', 'remote-mta', 'diagnostic-code',
  'last-attempt-date', 'final-log-id', 'will-retry-until',
]);
/** Per-message fields kept as extensions on every recipient (their original spelling). */
const PER_MESSAGE_KEPT: Record<string, string> = {
  'arrival-date': 'Arrival-Date', 'received-from-mta': 'Received-From-MTA', 'original-envelope-id': 'Original-Envelope-Id',
};

/** Action spellings seen in the wild → RFC 3464 values. */
const ACTIONS: Record<string, DsnAction> = {
  failed: 'failed', failure: 'failed', fail: 'failed', expired: 'failed', bounced: 'failed',
  delayed: 'delayed', delay: 'delayed', deferred: 'delayed',
  delivered: 'delivered', deliverable: 'delivered', relayed: 'relayed', expanded: 'expanded',
};

export interface DsnField {
  name: string; // as written
  key: string; // lower case
  value: string;
}

export interface DeliveryStatus {
  perMessage: DsnField[];
  recipients: DsnField[][];
}

export function isDsnFieldName(key: string): boolean {
  return PER_MESSAGE.has(key) || PER_RECIPIENT.has(key) || key.startsWith('x-');
}

function hasField(block: readonly DsnField[], key: string): boolean {
  for (const f of block) if (f.key === key) return true;
  return false;
}

/** A block about a recipient (not the per-message block). */
function isRecipientBlock(block: readonly DsnField[]): boolean {
  for (const f of block) if (f.key === 'final-recipient' || f.key === 'original-recipient' || f.key === 'action' || f.key === 'status') return true;
  return false;
}

/** A recipient block with its address and its outcome. */
function isComplete(block: readonly DsnField[]): boolean {
  return hasField(block, 'final-recipient') && (hasField(block, 'action') || hasField(block, 'status'));
}

/** Split delivery-status text into the per-message block and per-recipient blocks. */
export function splitDeliveryStatus(text: string): DeliveryStatus {
  const blocks: DsnField[][] = [];
  let current: DsnField[] = [];
  let last: DsnField | undefined;
  const close = () => {
    if (current.length) blocks.push(current);
    current = [];
    last = undefined;
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      close();
      continue;
    }
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      last.value += ' ' + line.trim();
      continue;
    }
    const m = FIELD_LINE.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    // A recipient block that runs into the next one without a blank line.
    // (Postfix writes Final-Recipient before Original-Recipient, so Original-Recipient after a
    // Final-Recipient opens a new block only once that block is complete.)
    if (key === 'final-recipient' ? hasField(current, key) : key === 'original-recipient' && (hasField(current, key) || isComplete(current))) {
      close();
    }
    last = { name: m[1], key, value: m[2].trim() };
    current.push(last);
  }
  close();
  const perMessage: DsnField[] = [];
  const recipients: DsnField[][] = [];
  for (const b of blocks) {
    if (isRecipientBlock(b)) recipients.push(b);
    else if (recipients.length === 0) perMessage.push(...b);
  }
  return { perMessage, recipients };
}

/** "rfc822; user@example.com" → ['rfc822', 'user@example.com']; no type → ['', value]. */
export function splitTyped(value: string): [string, string] {
  const m = /^([A-Za-z0-9-]{2,16})[ \t]*;[ \t]*([\s\S]*)$/.exec(value);
  return m ? [m[1].toLowerCase(), m[2].trim()] : ['', value.trim()];
}

/** "dns; mx.example.com [192.0.2.1]" → host and IP. */
export function parseMta(value: string | undefined): { host?: string; ip?: string } {
  if (!value) return {};
  const [, v] = splitTyped(value);
  const ip = /(?:IPv6:)?(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})/i.exec(v)?.[1];
  const host = /^([A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9])\.?(?:\s|\[|\(|$)/.exec(v)?.[1];
  const out: { host?: string; ip?: string } = {};
  if (host) out.host = host.toLowerCase();
  if (ip && (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(ip) || (ip.match(/:/g)?.length ?? 0) >= 2)) out.ip = ip;
  if (!out.host && out.ip) out.host = out.ip;
  return out;
}

export function normalizeAction(value: string | undefined): DsnAction | undefined {
  if (!value) return undefined;
  const word = value.trim().toLowerCase().split(/[\s(;]/)[0];
  return ACTIONS[word];
}

export function normalizeStatusField(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /(?:^|[^\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d])/.exec(' ' + value);
  return m ? m[1] : undefined;
}

function field(block: readonly DsnField[], key: string): string | undefined {
  for (const f of block) if (f.key === key) return f.value;
  return undefined;
}

/** One recipient block as RecipientFact fields (the raw words; no inference). */
export function recipientFromBlock(block: DsnField[], perMessage: DsnField[]): Partial<RecipientFact> {
  const out: Partial<RecipientFact> = {};
  const finalRcpt = field(block, 'final-recipient');
  const origRcpt = field(block, 'original-recipient');
  const actual = field(block, 'x-actual-recipient');
  out.address = normalizeAddress(finalRcpt) || normalizeAddress(actual) || normalizeAddress(origRcpt);
  const orig = normalizeAddress(origRcpt);
  if (orig && orig.toLowerCase() !== out.address.toLowerCase()) out.originalRecipient = orig;
  const action = normalizeAction(field(block, 'action'));
  if (action) out.action = action;
  const status = normalizeStatusField(field(block, 'status'));
  if (status) out.status = status;
  const remote = parseMta(field(block, 'remote-mta'));
  if (remote.host) out.remoteHost = remote.host;
  if (remote.ip) out.remoteIp = remote.ip;
  const reporting = parseMta(field(block, 'reporting-mta') ?? field(perMessage, 'reporting-mta'));
  if (reporting.host) out.reportingMta = reporting.host;
  const diag = field(block, 'diagnostic-code');
  if (diag !== undefined) {
    const [type, text] = splitTyped(diag);
    out.diagnostic = text;
    if (type) out.diagnosticType = type;
  }
  const last = field(block, 'last-attempt-date');
  if (last) out.lastAttemptDate = last;
  const retry = field(block, 'will-retry-until');
  if (retry) out.willRetryUntil = retry;

  const extensions: Record<string, string> = {};
  for (const f of perMessage) {
    if (f.key.startsWith('x-') || PER_MESSAGE_KEPT[f.key]) extensions[PER_MESSAGE_KEPT[f.key] ?? f.name] = f.value;
  }
  for (const f of block) {
    if (!PER_RECIPIENT.has(f.key) && !PER_MESSAGE.has(f.key)) extensions[f.name] = f.value;
  }
  if (Object.keys(extensions).length) out.extensions = extensions;
  return out;
}

/** All recipients of a delivery-status text, in report order. */
export function parseDeliveryStatus(text: string): Partial<RecipientFact>[] {
  const ds = splitDeliveryStatus(text);
  // an index loop, not map().filter(): V8 threw away this function's optimised code on the callbacks
  const out: Partial<RecipientFact>[] = [];
  for (let i = 0; i < ds.recipients.length; i++) {
    const r = recipientFromBlock(ds.recipients[i] as DsnField[], ds.perMessage);
    if (r.address || r.status || r.diagnostic) out.push(r);
  }
  return out;
}

/**
 * DSN fields written inline in a text body (no message/delivery-status part): the field lines and
 * their continuations from the first DSN field on, as delivery-status text; undefined when absent.
 */
export function findInlineDeliveryStatus(body: string): string | undefined {
  if (!/^(?:Final-Recipient|Original-Recipient)[ \t]*:/im.test(body)) return undefined;
  if (!/^(?:Action|Status|Diagnostic-Code)[ \t]*:/im.test(body)) return undefined;
  const out: string[] = [];
  let inField = false;
  for (const raw of body.split('\n')) {
    const line = raw.replace(/^[ \t]+(?=[A-Za-z-]+:)/, (ws) => (inField ? ws : ''));
    const m = FIELD_LINE.exec(line);
    const key = m?.[1].toLowerCase();
    // X- fields count only once a standard field has started the block (not the message's own X- headers)
    if (m && key && (PER_MESSAGE.has(key) || PER_RECIPIENT.has(key) || (out.length > 0 && key.startsWith('x-')))) {
      out.push(line);
      inField = true;
    } else if (inField && /^[ \t]+\S/.test(raw)) {
      out.push(raw);
    } else {
      if (out.length && out[out.length - 1] !== '') out.push('');
      inField = false;
    }
  }
  return out.length ? out.join('\n') : undefined;
}
