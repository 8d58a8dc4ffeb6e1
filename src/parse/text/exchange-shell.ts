/**
 * What Exchange admins paste instead of an NDR: shell and console output with the last error.
 *  - `Get-Queue | Format-List` (Exchange 2007–SE): NextHopDomain, Status (Retry …), LastError
 *  - `Get-Message | Format-List`: Status, LastError, Recipients {a@b}
 *  - `Get-MessageTrackingLog | Format-List`: EventId (FAIL/DSN/DEFER), Recipients {…}, RecipientStatus {…}
 *  - Queue Viewer's queue properties copied as text: "Next hop domain:", "Status:", "Last error:"
 *  - Exchange Online message trace details: "Reason: [{LED=…};{MSG=};{FQDN=…};{IP=…};{LRT=…}]"
 * Property names as in Microsoft Learn (Get-Queue, Get-Message, "Message tracking", "Queue Viewer",
 * "Message trace in the Exchange admin center"). A property line is "Name : value"; Format-List wraps a long
 * value onto lines indented to the value column, which are joined back here.
 */
import { findAddresses } from '../address';
import { readLines } from '../line';
import type { OriginalMessage, ReportKind } from '../types';
import { markerSet, mentions, type Fact } from './common';
import type { Extraction, MessageView, TextReader } from './types';

const FINGERPRINTS = markerSet([
  ['LastError', /^[ \t]*LastError[ \t]*:/m],
  ['Last error', /^[ \t]*Last error[ \t]*:/im],
  ['RecipientStatus', /^[ \t]*RecipientStatus[ \t]*:/m],
  ['{LED=', /\{LED=[^}]/],
]);

/** A property name: letters first, then letters, digits and single spaces ("Next hop domain"). */
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+){0,4}$/;
/** Continuation lines of a wrapped Format-List value start this far in (the value column is wider). */
const CONTINUATION = /^(?: {4,}|\t)\S/;

type Record = Map<string, string>;

/** Property lists, one per blank-line-separated object; keys lower case without spaces ("nexthopdomain"). */
function readRecords(body: string): Record[] {
  const records: Record[] = [];
  let current: Record | undefined;
  let last: string | undefined;
  for (const line of body.split('\n')) {
    if (!line.trim()) {
      current = undefined;
      last = undefined;
      continue;
    }
    if (last && current && CONTINUATION.test(line)) {
      current.set(last, `${current.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 && colon <= 64 ? line.slice(0, colon).trim() : '';
    if (!name || !PROPERTY_NAME.test(name)) {
      last = undefined;
      continue;
    }
    if (!current) {
      current = new Map();
      records.push(current);
    }
    const key = name.toLowerCase().replace(/ /g, '');
    if (!current.has(key)) current.set(key, line.slice(colon + 1).trim());
    last = key;
  }
  return records;
}

/** "{a@b, c@d}" → addresses. */
function listValue(v: string | undefined): string[] {
  // braces are legal in a local part, so they are taken off the list first
  return v ? findAddresses(v.replace(/[{}]/g, ' ')) : [];
}

interface Led {
  text: string;
  host?: string;
  ip?: string;
}

/** The {LED=…};{FQDN=…};{IP=…} fields of a tracking or trace status. */
function readLed(text: string): Led | undefined {
  // the first {LED=…} that says something (a note may mention the form with an ellipsis); found with
  // indexOf, since a regex would rescan the rest of the text from every unclosed "{LED="
  let led: string | undefined;
  for (let at = text.indexOf('{LED='); at >= 0 && !led; at = text.indexOf('{LED=', at + 5)) {
    const end = text.indexOf('}', at + 5);
    if (end < 0) break; // nothing after this one is closed either
    const value = text.slice(at + 5, end);
    if (/[0-9A-Za-z]{2}/.test(value)) led = value.trim();
  }
  if (!led) return undefined;
  const host = /\{FQDN=([A-Za-z0-9.-]+)\}/.exec(text)?.[1];
  const ip = /\{IP=([0-9a-fA-F.:]+)\}/.exec(text)?.[1];
  return { text: led, ...(host ? { host: host.toLowerCase() } : {}), ...(ip ? { ip } : {}) };
}

/** Queue and message states that mean "still retrying". */
const RETRYING = /^(?:Retry|Ready|Active|Suspended|Deferred)\b/i;
const EVENT_KIND: Readonly<Partial<{ [event: string]: ReportKind }>> = { FAIL: 'bounce', DSN: 'bounce', DEFER: 'delay', POISONMESSAGE: 'bounce', DROP: 'bounce' };

function factsOfRecord(r: Record): { facts: Fact[]; kind: ReportKind } | undefined {
  const lastError = r.get('lasterror');
  const status = r.get('recipientstatus');
  const led = readLed(status ?? lastError ?? '');
  const words = led?.text ?? status?.replace(/^\{+|\}+$/g, '').trim() ?? lastError;
  if (!words || /^\{?\}?$/.test(words)) return undefined;
  // the LastError value is itself one of the queue line formats (outer 451 4.4.0, inner reply …)
  const asLine = words.length <= 8192 ? readLines(words) : undefined;
  const base: Fact = asLine?.recipients[0] ? { ...asLine.recipients[0] } : { diagnostic: words };
  base.diagnostic = words;
  const endpoint = /The last endpoint attempted was ([0-9a-fA-F.:]+?)(?::\d+)?\.?$/.exec(words)?.[1];
  const ip = led?.ip ?? endpoint;
  if (ip && !base.remoteIp) base.remoteIp = ip;
  if (led?.host) base.remoteHost = led.host;
  const nextHop = r.get('nexthopdomain');
  if (nextHop) base.extensions = { ...base.extensions, 'Next-Hop-Domain': nextHop };
  const queue = r.get('queue') ?? r.get('queueidentity') ?? r.get('identity');
  if (queue && (r.has('nexthopdomain') || r.has('lasterror'))) base.extensions = { ...base.extensions, Queue: queue };
  const event = r.get('eventid')?.toUpperCase();
  const state = r.get('status') ?? '';
  const code = /^\s*([45])\d\d\b/.exec(led?.text ?? words)?.[1] ?? asLine?.kind;
  const kind: ReportKind =
    (event ? EVENT_KIND[event] : undefined) ?? (RETRYING.test(state) || code === '4' || asLine?.kind === 'delay' ? 'delay' : 'bounce');
  const addresses = listValue(r.get('recipients') ?? r.get('recipient'));
  const facts = (addresses.length ? addresses : ['']).map((address) => ({ ...base, address, ...(kind === 'delay' ? { action: 'delayed' as const } : {}) }));
  return { facts, kind };
}

function originalOf(records: Record[]): OriginalMessage | undefined {
  for (const r of records) {
    const subject = r.get('messagesubject') ?? r.get('subject');
    const from = findAddresses(r.get('sender') ?? r.get('fromaddress') ?? '')[0];
    if (subject || from) return { ...(subject ? { subject } : {}), ...(from ? { from } : {}) };
  }
  return undefined;
}

function extract(view: MessageView): Extraction | undefined {
  const records = readRecords(view.body);
  const facts: Fact[] = [];
  let kind: ReportKind | undefined;
  for (const r of records) {
    const got = factsOfRecord(r);
    if (!got) continue;
    facts.push(...got.facts);
    kind = kind === 'bounce' || got.kind === 'bounce' ? 'bounce' : got.kind;
  }
  // A message trace's event table: the {LED=…} sits in a Detail column, not a property
  if (!facts.length) {
    const led = readLed(view.body);
    if (led) {
      const to = records.map((r) => listValue(r.get('recipient') ?? r.get('recipients'))).find((a) => a.length) ?? [];
      const code = /^\s*([45])\d\d\b/.exec(led.text)?.[1];
      kind = code === '4' ? 'delay' : 'bounce';
      for (const address of to.length ? to : ['']) {
        facts.push({ address, diagnostic: led.text, ...(led.host ? { remoteHost: led.host } : {}), ...(led.ip ? { remoteIp: led.ip } : {}) });
      }
    }
  }
  if (!facts.length) return undefined;
  const original = originalOf(records);
  return { recipients: facts, ...(kind ? { kind } : {}), ...(original ? { original } : {}) };
}

/** Exchange Online's message trace names Microsoft's own servers. */
function isOnline(view: MessageView): boolean {
  const head = view.body.length > 8192 ? view.body.slice(0, 8192) : view.body;
  return head.includes('{LED=') && /Message trace|OutboundProxyTarget|\.prod\.outlook\.com\b/i.test(head);
}

export const exchangeOnlineTrace: TextReader = {
  id: 'office365',
  name: 'Exchange Online message trace',
  detect: (view) => mentions(view, FINGERPRINTS) && isOnline(view),
  extract,
};

export const exchangeShell: TextReader = {
  id: 'exchange2007',
  name: 'Exchange Server 2007–SE shell and Queue Viewer output',
  detect: (view) => mentions(view, FINGERPRINTS),
  extract,
};
