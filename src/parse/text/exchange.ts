/**
 * Exchange 2007–SE, Exchange Online (Microsoft 365) and Outlook.com NDRs. The human part says
 * "Delivery has failed to these recipients or groups:" (or "<host> rejected your message to the
 * following email addresses:"), the admin part "Diagnostic information for administrators:",
 * "Generating server: X", then per recipient the address and "#550 5.1.10 RESOLVER.ADR.RecipientNotFound; …##"
 * or "Remote Server returned '550 5.1.1 …'". Delay: "Delivery is delayed to these recipients or groups:".
 * Shape: Microsoft Learn "Email non-delivery reports in Exchange Online/Server" (ndr-facts.md §2–3);
 * localized markers as in Sisimai's Lhost/Exchange2007 and Lhost/Office365 (BSD-2-Clause).
 */
import { findAddresses, normalizeAddress } from '../address';
import type { OriginalMessage } from '../types';
import { joinLines, markerSet, mentions, mergeSameAddress, type Fact } from './common';
import type { Extraction, MessageView, TextReader } from './types';

const ADMIN_START = /^[ \t]*(?:Diagnostic information for administrators|Informations de diagnostic pour les administrateurs|Informazioni di diagnostica per gli amministratori|Diagnoseinformationen für Administratoren|Información de diagnóstico para administradores|管理者向けの診断情報)\s*:?[ \t]*$/im;
const USER_START = /^[ \t]*(?:Delivery has failed to these recipients or (?:groups|distribution lists|[\w. ]+ lists):|Your message (?:to .+ )?(?:couldn't|could not|wasn't|was not) be(?:en)? delivered[^\n]*|\S[^\n]*? rejected your message to the following e-?mail addresses:|La remise du message aux destinataires ou groupes suivants a échoué[ \t]*:|La remise des messages aux destinataires ou groupes suivants a échoué[ \t]*:|Recapito non riuscito a questi destinatari o gruppi:|Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:|Error en la entrega a estos destinatarios o grupos:|配信できませんでした。)[ \t]*$/im;
const DELAY_START = /^[ \t]*(?:Delivery is delayed to these recipients or groups:|This message hasn't been delivered yet\.|La remise est retardée pour les destinataires ou groupes suivants[ \t]*:)[ \t]*$/im;
/** Literal markers only: "couldn't be delivered" alone is too common to claim a report for Exchange. */
const FINGERPRINTS = markerSet([
  // the Microsoft 365 enhanced NDR (2017+)
  'More Info for Email Admins', 'Original Message Details', ['Message rejected by', /^[ \t]*Message rejected by[ \t]*:/m],
  'Diagnostic information for administrators', 'Delivery has failed to these recipients or', 'rejected your message to the following e',
  'Generating server:', "Remote Server returned '", "Remote server returned '", 'Delivery is delayed to these recipients or groups',
  'Informations de diagnostic pour les administrateurs', 'Informazioni di diagnostica per gli amministratori',
  'Diagnoseinformationen für Administratoren', 'Información de diagnóstico para administradores', '管理者向けの診断情報',
]);
const GENERATING = /^[ \t]*Generating server:[ \t]*(\S+)/im;
const RECEIVING = /^[ \t]*Receiving server:[ \t]*([A-Za-z0-9.-]+)(?: \(([0-9a-fA-F.:]+)\))?/im;
/**
 * A line that is one recipient: "a@b", "<a@b>", "Name <a@b>", "Name (a@b)", "a@b<mailto:a@b>",
 * "a@b (a@b)<mailto:…>". Read by splitting on white space rather than one regex: the display name,
 * the spaces and the address overlap in any single pattern, which backtracks badly on long lines.
 */
function addressOfLine(line: string): string | undefined {
  if (!line.includes('@')) return undefined;
  const tokens = line.trim().split(/\s+/);
  if (tokens.length > 8) return undefined;
  const last = tokens[tokens.length - 1];
  if (!last.includes('@')) return undefined;
  // "a@b (a@b)<mailto:a@b>": the address is the first token, the rest repeats it
  const first = tokens.findIndex((t) => t.includes('@'));
  const address = normalizeAddress(tokens[first]);
  return address || undefined;
}

const HOST_LINE = /^\s*([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+)\.?\s*$/;

/** Exchange's own wrappers around the remote reply. */
function cleanDiagnostic(line: string): string {
  let v = line.trim();
  const returned = /(?:Remote )?Server (?:at \S+ \([^)]*\) )?returned '(.*)'?$/i.exec(v);
  if (returned) v = returned[1].replace(/'$/, '');
  // "#< #5.1.1 smtp;550 5.1.1 …>" (2007) and "#550 5.1.10 RESOLVER…; …##rfc822;…" (2010+)
  // "#<mail.example.de #5.1.1 smtp;550 …> #SMTP#" names the host inside the brackets too
  v = v.replace(/^#<\s*(?:[A-Za-z0-9.-]+ )?#?([245]\.\d+\.\d+)\s+smtp;\s*/i, '').replace(/^#\s*/, '');
  const hashes = v.indexOf('##');
  if (hashes >= 0) v = v.slice(0, hashes);
  // Exchange 2007 "… User unknown> #SMTP#": the transport's name after the reply
  if (v.endsWith('#SMTP#')) v = v.slice(0, -6).trimEnd();
  if (v.endsWith('>')) v = v.slice(0, -1);
  return v.trim();
}

function adminFacts(admin: string): Fact[] {
  const facts: Fact[] = [];
  let current: Fact | undefined;
  for (const line of admin.split('\n')) {
    if (!line.trim() || GENERATING.test(line)) continue;
    const addr = addressOfLine(line);
    if (addr) {
      current = { address: addr, diagnostic: '' };
      facts.push(current);
      continue;
    }
    if (!current) continue;
    const host = HOST_LINE.exec(line);
    if (host && !current.diagnostic) {
      current.remoteHost = host[1].toLowerCase();
      continue;
    }
    if (/^\s*(?:Original message headers|Received:|Return-Path:)/i.test(line)) break;
    // Exchange 2007: "mx.fabrikam.com #550 5.1.1 …##": the remote host, then its reply
    const hostThenReply = /^\s*([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\s+(#.*)$/.exec(line);
    if (hostThenReply && !current.remoteHost) current.remoteHost = hostThenReply[1].toLowerCase();
    const cleaned = cleanDiagnostic(hostThenReply ? hostThenReply[2] : line);
    if (cleaned) current.diagnostic = current.diagnostic ? `${current.diagnostic} ${cleaned}` : cleaned;
  }
  return facts;
}

function userFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  let current: Fact | undefined;
  for (const line of text.split('\n')) {
    if (/^\s*(?:_{5,}|For Email Admins|Diagnostic information|How to Fix It|More Info for Email Admins)/i.test(line)) break;
    const addr = addressOfLine(line);
    if (addr) {
      current = { address: addr, diagnostic: '' };
      facts.push(current);
      continue;
    }
    if (current && line.trim() && !/^\s*\*/.test(line)) current.diagnostic = joinLines([current.diagnostic ?? '', line]);
  }
  return facts;
}

/**
 * The Microsoft 365 enhanced NDR: labelled fields under "More Info for Email Admins", "Original Message
 * Details", "Error Details" and "Notification Details" (Microsoft Learn, "What's included in an NDR").
 * A label's value follows it on the same line (after a tab or spaces) or, in some copies, on the next
 * line; the copy from the web view puts a blank line between fields, so sections are not blank-delimited.
 */
const ENHANCED_START = /^[ \t]*(?:More Info for Email Admins|Original Message Details|Error Details)[ \t]*$/m;
const ENHANCED_END = /^[ \t]*(?:Message Hops|Original Message Headers|Original message headers:)[ \t]*$/im;
/** Label → field. Matched case-sensitively on the start of a line; the colon is missing in some copies ("Status code 554 5.4.14"). */
const ENHANCED_LABELS: readonly (readonly [string, EnhancedField])[] = [
  ['Status code', 'status'], ['Created Date', 'date'], ['Sender Address', 'from'], ['Recipient Address', 'to'],
  ['Subject', 'subject'], ['Error', 'error'], ['Reported error', 'error'], ['Message rejected by', 'rejectedBy'],
  ['Remote server', 'rejectedBy'], ['Sent by', 'sentBy'], ['DSN generated by', 'sentBy'],
];
type EnhancedField = 'status' | 'date' | 'from' | 'to' | 'subject' | 'error' | 'rejectedBy' | 'sentBy';

function enhancedLabel(line: string): [EnhancedField, string] | undefined {
  const t = line.trimStart();
  for (const [label, field] of ENHANCED_LABELS) {
    if (!t.startsWith(label)) continue;
    const rest = t.slice(label.length);
    // "Error:" / "Status code 550 …" — but not "Errors were …" or "Subject line"
    const m = /^[ \t]*:[ \t]*(.*)$/.exec(rest) ?? (field === 'status' ? /^[ \t]+([245]\d\d\b.*)$/.exec(rest) : null);
    if (m) return [field, m[1].trim()];
  }
  return undefined;
}

interface EnhancedNdr {
  fields: Partial<Record<EnhancedField, string>>;
}

function readEnhanced(body: string): EnhancedNdr | undefined {
  const start = ENHANCED_START.exec(body);
  if (!start) return undefined;
  let text = body.slice(start.index);
  const end = ENHANCED_END.exec(text);
  if (end) text = text.slice(0, end.index);
  const fields: EnhancedNdr['fields'] = {};
  let open: EnhancedField | undefined; // a field whose value may continue on the next lines
  for (const line of text.split('\n')) {
    const labelled = line.length < 4096 ? enhancedLabel(line) : undefined;
    if (labelled) {
      const [field, value] = labelled;
      if (fields[field] === undefined) fields[field] = value;
      open = field === 'error' && fields.error === value ? field : undefined;
      continue;
    }
    if (!open) continue;
    if (!line.trim()) {
      if (fields[open]) open = undefined; // a blank line ends a value that has started
      continue;
    }
    fields[open] = fields[open] ? `${fields[open]} ${line.trim()}` : line.trim();
  }
  return Object.keys(fields).length ? { fields } : undefined;
}

const HOST_VALUE = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)\.?$/;
/** "Your message to jane@contoso.com couldn't be delivered." */
const YOUR_MESSAGE_TO = /Your message to\s+<?([^\s<>@]+@[^\s<>@]*[^\s<>.,@])>?\s+(?:couldn't|could not|can't|wasn't|hasn't)/;

function enhancedFacts(body: string, ndr: EnhancedNdr): { facts: Fact[]; original?: OriginalMessage } {
  const f = ndr.fields;
  const listed = f.to ? findAddresses(f.to) : [];
  const named = YOUR_MESSAGE_TO.exec(body.length > 8192 ? body.slice(0, 8192) : body)?.[1];
  const addresses = listed.length ? listed : named ? [normalizeAddress(named)] : [];
  // the error's own words; the status line alone when the copy lost the Error Details section
  const diagnostic = f.error ?? (f.status ? `Status code: ${f.status}` : '');
  const statusLine = /^([245]\d\d)?\s*([245]\.\d{1,3}\.\d{1,3})?/.exec(f.status ?? '');
  // an expired message names the server it last tried, in brackets: [LastAttemptedServerName=mx…] [LastAttemptedIP=ip:25]
  const lastServer = /\[LastAttemptedServerName=([^\]\s]+)\]/.exec(diagnostic)?.[1];
  const lastIp = /\[LastAttemptedIP=([0-9a-fA-F.:]+?)(?::\d+)?\]/.exec(diagnostic)?.[1];
  const rejectedBy = f.rejectedBy && HOST_VALUE.exec(f.rejectedBy.split(/\s/)[0])?.[1];
  const sentBy = f.sentBy && HOST_VALUE.exec(f.sentBy.split(/\s/)[0])?.[1];
  const remoteHost = lastServer ?? rejectedBy;
  const facts: Fact[] = (addresses.length ? addresses : ['']).map((address) => ({
    address,
    diagnostic,
    ...(statusLine?.[2] ? { status: statusLine[2] } : {}),
    ...(statusLine?.[1] ? { replyCode: statusLine[1] } : {}),
    ...(remoteHost ? { remoteHost: remoteHost.toLowerCase() } : {}),
    ...(lastIp ? { remoteIp: lastIp } : {}),
    ...(sentBy ? { reportingMta: sentBy.toLowerCase() } : {}),
  }));
  const original: OriginalMessage = {};
  if (f.subject) original.subject = f.subject;
  if (f.date) original.date = f.date;
  const from = normalizeAddress(f.from);
  if (from) original.from = from;
  if (listed.length) original.to = listed;
  return { facts, ...(Object.keys(original).length ? { original } : {}) };
}

function extract(view: MessageView): Extraction | undefined {
  const body = view.body;
  const enhanced = readEnhanced(body);
  if (enhanced) {
    const { facts, original } = enhancedFacts(body, enhanced);
    if (facts.some((f) => f.address || f.diagnostic)) {
      const delay = DELAY_START.test(body) ? { kind: 'delay' as const } : {};
      return { recipients: facts, ...delay, ...(original ? { original } : {}) };
    }
  }
  const kind = DELAY_START.test(body) || /^Delivery delayed:/i.test(view.subject) ? ('delay' as const) : undefined;
  const reporting = GENERATING.exec(body)?.[1]?.toLowerCase();
  const adminAt = ADMIN_START.exec(body);
  let facts: Fact[] = adminAt ? adminFacts(body.slice(adminAt.index + adminAt[0].length)) : [];
  const userAt = USER_START.exec(body) ?? DELAY_START.exec(body);
  const users = userAt ? userFacts(body.slice(userAt.index + userAt[0].length)) : [];
  if (!facts.length) facts = users;
  else {
    // the admin part has the codes; the user part the host's own words ("X gave this error: …")
    for (const f of facts) {
      const u = users.find((x) => x.address && f.address && x.address.toLowerCase() === f.address.toLowerCase());
      if (u && !f.diagnostic) f.diagnostic = u.diagnostic;
    }
  }
  facts = mergeSameAddress(facts);
  if (reporting) for (const f of facts) f.reportingMta = reporting;
  const receiving = RECEIVING.exec(body);
  if (receiving) {
    for (const f of facts) {
      if (!f.remoteHost) f.remoteHost = receiving[1].toLowerCase();
      if (!f.remoteIp && receiving[2]) f.remoteIp = receiving[2];
    }
  }
  if (!facts.length && !kind) return undefined;
  return { recipients: facts, ...(kind ? { kind } : {}) };
}

/** Microsoft 365 / Outlook.com wrote it when the generating server is Microsoft's or the NDR says so. */
const MICROSOFT_365_WORDS = ['.outlook.com', '.OUTLOOK.COM', 'Office 365', 'Microsoft 365', 'Exchange Online'];

function isMicrosoft365(view: MessageView): boolean {
  const gen = GENERATING.exec(view.body)?.[1] ?? '';
  const head = view.body.length > 20000 ? view.body.slice(0, 20000) : view.body;
  return (
    /\.(?:outlook|office365|microsoft|hotmail)\.com$/i.test(gen) ||
    MICROSOFT_365_WORDS.some((w) => head.includes(w)) ||
    view.headers.has('x-ms-exchange-crosstenant-originalarrivaltime') ||
    /@(?:outlook|hotmail|live)\.com|\.onmicrosoft\.com/i.test(view.from)
  );
}

export const office365: TextReader = {
  id: 'office365',
  name: 'Microsoft 365 / Exchange Online / Outlook.com',
  detect: (view) => mentions(view, FINGERPRINTS) && isMicrosoft365(view),
  extract,
};

export const exchange2007: TextReader = {
  id: 'exchange2007',
  name: 'Exchange Server 2007–SE',
  detect: (view) => mentions(view, FINGERPRINTS),
  extract,
};
