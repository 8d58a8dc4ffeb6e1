/**
 * One-line errors: what a queue viewer, a log or a client shows when there is no report at all.
 *  - Exchange 2000/2003 queue status ("The remote SMTP service rejected AUTH negotiation.") — KB 329636
 *  - Exchange 2007+ Get-Queue LastError ("451 4.4.0 Primary target IP address responded with: "421 4.4.2 …"
 *    Attempted failover to alternate host, but that did not succeed. …"), also in the 2013+ "{LED=…}" form
 *  - Postfix / Sendmail / Exim log lines (to=<…>, relay=…, dsn=…, status=bounced (…))
 *  - a bare server reply ("550 5.7.1 …")
 * The patterns are a table: a new line format is one row.
 */
import { normalizeAddress } from './address';
import { parseMta } from './rfc3464';
import { findReply, findStatus } from './smtp-reply';
import type { RecipientFact, ReportKind } from './types';

type Fact = Partial<RecipientFact>;

export interface LineResult {
  mta?: string;
  kind: ReportKind;
  recipients: Fact[];
}

interface LineFormat {
  /** What the line is (for comments and tests). */
  what: string;
  mta?: string;
  pattern: RegExp;
  read: (m: RegExpExecArray, line: string) => { fact: Fact; kind: ReportKind };
}

/** Lines that come with the error lines in the same paste and carry no error (a message log's arrival
 *  line, exinext's retry times): they do not stop a paste from being read as lines. */
const NOISE_LINES: readonly RegExp[] = [
  // Exim message log (exim -Mvl) / main log: arrival, completion, freezing
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?(?: [+-]\d{4})? (?:\S+ )?(?:Received from |<= |Completed\b|\*\*\* Frozen|Frozen \(|Unfrozen by )/,
  // exinext: the retry times under a "Transport:" line
  /^(?:first failed|last tried|next try at|past final cutoff time)\b/i,
  // a shell prompt and the command the admin ran ("root@mx:~# exim -Mvl 1qXyZa-000Abc-12")
  /^\S*[#$] (?:exim|exiqgrep|exinext|mailq|postqueue|postcat|sendmail|qshape)\b/,
];

/** `exim -bp`: a message's line (age, size, id, sender); the recipient lines under it are part of it. */
const EXIM_QUEUE_ENTRY = /^\d+[smhdw] +[\d.]+[KMG]? +[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4} +<[^<>\s]*>(?: \*\*\* frozen \*\*\*)?$/;
/** A recipient line of an `exim -bp` entry ("D " marks one already delivered). */
const EXIM_QUEUE_RECIPIENT = /^(?:[D+] )?[^\s@]+@[^\s@]+$/;

/** Exchange 2000/2003 queue texts and the SMTP stage each one points at (KB 329636, KB 329061, KB 284204). */
const EXCHANGE2003_QUEUE: readonly [RegExp, string | undefined][] = [
  [/rejected AUTH negotiation/i, 'AUTH'],
  [/does not support TLS|did not respond to the STARTTLS|TLS negotiation failed/i, 'STARTTLS'],
  [/did not respond to a connection attempt|connection attempt failed|unable to (?:open|establish) a connection/i, 'CONN'],
  [/connection was dropped by the remote host|connection was lost|remote host closed the connection/i, 'CONN'],
  [/rejected the HELO|rejected the EHLO/i, 'EHLO'],
  [/SMTP protocol error occurred|remote server responded with an error/i, undefined],
];

function relay(value: string | undefined): Fact {
  if (!value || value === 'none') return {};
  const m = /^([^\s\[,]+?)\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (m) return { remoteHost: m[1].toLowerCase(), remoteIp: m[2] };
  const mta = parseMta(value.replace(/:\d+$/, ''));
  return { ...(mta.host ? { remoteHost: mta.host } : {}), ...(mta.ip ? { remoteIp: mta.ip } : {}) };
}

const POSTFIX_STATUS: Record<string, ReportKind> = { bounced: 'bounce', expired: 'bounce', undeliverable: 'bounce', deferred: 'delay', sent: 'delivered', deliverable: 'delivered' };

export const LINE_FORMATS: readonly LineFormat[] = [
  {
    what: 'Exchange 2007+ Get-Queue LastError with the next hop\'s reply inside',
    mta: 'exchange2007',
    pattern: /(?:\{LED=)?([45]\d\d) ([45]\.\d+\.\d+) ((?:Primary target IP address responded with|Error encountered while communicating with primary target IP address): "?(.+?)"?\.? *Attempted failover to alternate host, but that did not succeed\.?.*?)\}?$/i,
    read: (m, line) => {
      const inner = m[4].replace(/"$/, '').trim();
      const innerStatus = findStatus(inner);
      const innerReply = findReply(inner, innerStatus || undefined);
      return {
        kind: m[1][0] === '5' ? 'bounce' : 'delay',
        fact: {
          address: '',
          diagnostic: line.trim(),
          ...(innerStatus ? { status: innerStatus } : { status: m[2] }),
          ...(innerReply ? { replyCode: innerReply } : { replyCode: m[1] }),
          extensions: { 'Outer-Reply': `${m[1]} ${m[2]}`, 'Inner-Reply': inner },
        },
      };
    },
  },
  {
    what: 'Exchange 2013+ LastError in {LRT=…};{LED=…} form',
    mta: 'exchange2007',
    pattern: /\{LED=([45]\d\d) ([45]\.\d+\.\d+) ([^}]*)\}/,
    read: (m, line) => ({
      kind: m[1][0] === '5' ? 'bounce' : 'delay',
      fact: { address: '', diagnostic: `${m[1]} ${m[2]} ${m[3]}`.trim(), status: m[2], replyCode: m[1], ...(/\{IP=([^}]+)\}/.exec(line) ? { remoteIp: /\{IP=([^}]+)\}/.exec(line)![1] } : {}) },
    }),
  },
  {
    what: 'Exchange 2000/2003 queue status text',
    mta: 'exchange2003',
    pattern: /^\s*(?:"?Retry,? Remote delivery"?[\s,.;-]*)?(?:The (?:remote )?(?:SMTP service|server) [^\n]{5,200}|An SMTP protocol error occurred\.?|The connection was (?:dropped|lost)[^\n]*|Unable to (?:bind|open|establish)[^\n]*)$/i,
    read: (m) => {
      const text = m[0].trim().replace(/^"?Retry,? Remote delivery"?[\s,.;-]*/i, '');
      const command = EXCHANGE2003_QUEUE.find(([re]) => re.test(text))?.[1];
      return { kind: 'delay', fact: { address: '', diagnostic: text, ...(command ? { command } : {}) } };
    },
  },
  {
    what: 'Postfix log line (smtp/local/virtual delivery agents)',
    mta: 'postfix',
    pattern: /\bto=<([^>]*)>.*\bstatus=(bounced|deferred|sent|expired|undeliverable|deliverable) \((.*)\)\s*$/,
    read: (m, line) => {
      const dsn = /\bdsn=([245]\.\d+\.\d+)/.exec(line)?.[1];
      return {
        kind: POSTFIX_STATUS[m[2]] ?? 'bounce',
        fact: {
          address: normalizeAddress(m[1]),
          diagnostic: m[3].trim(),
          ...(dsn ? { status: dsn } : {}),
          ...relay(/\brelay=([^,\s]+)/.exec(line)?.[1]),
          action: m[2] === 'deferred' ? 'delayed' : m[2] === 'sent' ? 'delivered' : 'failed',
        },
      };
    },
  },
  {
    what: 'Sendmail log line',
    mta: 'sendmail',
    pattern: /\bto=<?([^>,\s]+)>?,.*\bstat=(.+)$/,
    read: (m, line) => {
      const stat = m[2].trim();
      const deferred = /^Deferred/i.test(stat);
      const sent = /^Sent\b/i.test(stat);
      const dsn = /\bdsn=([245]\.\d+\.\d+)/.exec(line)?.[1];
      const relayHost = /\brelay=([^,]+),/.exec(line)?.[1]?.trim().split(/\s+/)[0]?.replace(/^\[|\]\.?$/g, '').replace(/\.$/, '');
      return {
        kind: deferred ? 'delay' : sent ? 'delivered' : 'bounce',
        fact: { address: normalizeAddress(m[1]), diagnostic: stat, ...(dsn ? { status: dsn } : {}), ...relay(relayHost) },
      };
    },
  },
  {
    what: 'Exim main log delivery failure (**) or deferral (==)',
    mta: 'exim',
    pattern: /(\*\*|==) ([^\s@]+@\S+)(?: <[^>]+>)? .*?: (.+)$/,
    read: (m, line) => {
      const host = /\bH=(\S+) \[([^\]]+)\]/.exec(line);
      return {
        kind: m[1] === '==' ? 'delay' : 'bounce',
        fact: { address: normalizeAddress(m[2]), diagnostic: m[3].trim(), ...(host ? { remoteHost: host[1].toLowerCase(), remoteIp: host[2] } : {}) },
      };
    },
  },
  {
    what: 'Exim message log line (exim -Mvl): a deferral with its router, transport and host',
    mta: 'exim',
    pattern: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?(?: [+-]\d{4})? ([^\s@]+@[^\s@]+?)(?: <[^>\s]+>)? R=\S+ T=\S+ (defer|failed|\*\*) ?(?:\((-?\d+)\))?:? ?(.*)$/,
    read: (m) => {
      const rest = m[4].trim();
      const host = /^H=(\S+) \[([^\]]+)\](?::\d+)?:?\s*/.exec(rest);
      const words = (host ? rest.slice(host[0].length) : rest).replace(/^:\s*/, '').trim();
      return {
        kind: m[2] === 'defer' ? 'delay' : 'bounce',
        fact: { address: normalizeAddress(m[1]), diagnostic: words || rest, ...(host ? { remoteHost: host[1].toLowerCase(), remoteIp: host[2] } : {}), ...(m[2] === 'defer' ? { action: 'delayed' as const } : {}) },
      };
    },
  },
  {
    what: 'Exim retry data as exinext prints it ("Transport: host [ip] error N: text")',
    mta: 'exim',
    pattern: /^Transport: ([A-Za-z0-9.-]+) \[([0-9a-fA-F.:]+)\](?::\d+)? error (-?\d+): (.+)$/,
    read: (m) => ({ kind: 'delay', fact: { address: '', diagnostic: m[4].trim(), remoteHost: m[1].toLowerCase(), remoteIp: m[2], action: 'delayed' } }),
  },
  {
    what: 'a bare server reply',
    pattern: /^\s*([45][0-5]\d)(?:[ -]|$)(?:#?([45]\.\d{1,3}\.\d{1,3})\b)?.*$/,
    read: (m) => ({ kind: m[1][0] === '5' ? 'bounce' : 'delay', fact: { address: '', diagnostic: m[0].trim(), replyCode: m[1], ...(m[2] ? { status: m[2] } : {}) } }),
  },
];

/** Most lines a paste of log lines may have and still be read as lines. */
const MAX_LINES = 50;
/** A longer line is not a log or queue line (and the patterns above need not scan it). */
const MAX_LINE_CHARS = 8192;

/**
 * Read a paste that is nothing but error lines. Every non-empty line must match a format (multi-line
 * SMTP replies "550-…" / "550 …" are joined first); undefined otherwise.
 */
export function readLines(text: string): LineResult | undefined {
  const raw = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!raw.length || raw.length > MAX_LINES || raw.some((l) => l.length > MAX_LINE_CHARS)) return undefined;
  // join a multi-line reply ("550-5.7.1 a", "550 5.7.1 b") into one
  const lines: string[] = [];
  let openReply = ''; // the code of a "550-…" reply still being continued
  for (const l of raw) {
    const prev = lines[lines.length - 1];
    if (prev && openReply && l.startsWith(openReply)) lines[lines.length - 1] = `${prev} ${l.slice(4).replace(/^[245]\.\d+\.\d+\s*/, '')}`;
    else if (prev && /^"?Retry,? Remote delivery"?\s*$/i.test(prev)) lines[lines.length - 1] = `${prev} ${l}`;
    else lines.push(l.replace(/^([245]\d\d)-/, '$1 '));
    openReply = /^([245]\d\d)-/.exec(l)?.[1] ?? '';
  }
  const results: { format: LineFormat; fact: Fact; kind: ReportKind }[] = [];
  let inQueueEntry = false; // under an `exim -bp` line, its recipients
  for (const line of lines) {
    if (EXIM_QUEUE_ENTRY.test(line)) {
      inQueueEntry = true;
      continue;
    }
    if (inQueueEntry && EXIM_QUEUE_RECIPIENT.test(line)) continue;
    inQueueEntry = false;
    const format = LINE_FORMATS.find((f) => f.pattern.test(line));
    if (!format) {
      if (NOISE_LINES.some((re) => re.test(line))) continue;
      return undefined;
    }
    const m = format.pattern.exec(line)!;
    results.push({ format, ...format.read(m, line) });
  }
  if (!results.length) return undefined;
  const kinds = new Set(results.map((r) => r.kind));
  const kind: ReportKind = kinds.has('bounce') ? 'bounce' : kinds.has('delay') ? 'delay' : results[0].kind;
  const mta = results.find((r) => r.format.mta)?.format.mta;
  return { ...(mta ? { mta } : {}), kind, recipients: results.map((r) => r.fact) };
}
