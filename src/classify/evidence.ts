/**
 * Turns one recipient's facts into the evidence the rules are tested against: the normalised
 * wording, the innermost server reply (wrappers peeled off), the best enhanced status code,
 * the reply code, the SMTP stage and the provider that answered.
 */
import type { ParsedReport, RecipientFact } from '../parse/types';
import { detectProvider, type ProviderId } from '../kb/providers';
import type { SmtpStage } from '../kb/rules/types';
import { isStatusCode } from '../kb/status-codes';
import { collapseWhitespace } from '../parse/whitespace';

export interface Evidence {
  /** Normalised full wording (lower case, single spaces). */
  text: string;
  /** Normalised innermost server reply, when a wrapper carried one; else equal to text. */
  inner: string;
  status?: string;
  replyCode?: string;
  command: SmtpStage;
  provider?: ProviderId;
  delayed: boolean;
  /** Diagnostic-Code type was x-unix (a local delivery program). */
  unixMailer: boolean;
  /** The mail system that wrote the report (ParsedReport.source.mta), lower case. */
  mta: string;
}

const STAGES: readonly SmtpStage[] = ['CONN', 'EHLO', 'HELO', 'STARTTLS', 'AUTH', 'MAIL', 'RCPT', 'DATA'];

/** Lower case, whitespace collapsed, a leading "smtp;" type label dropped, multi-line reply prefixes joined. */
export function normalise(text: string | undefined): string {
  if (!text) return '';
  return joinContinuations(collapseWhitespace(text.toLowerCase()).trim().replace(/^(?:smtp|x-[a-z-]+);\s*/, ''));
}

const FIRST_REPLY = /(?:^|\s)([245]\d\d)([- ])(?:([245]\.\d{1,3}\.\d{1,3})(?=\s))?/;

/**
 * A multi-line reply ("550-5.7.1 Messages with multiple\n550-5.7.1 addresses in From: …") arrives
 * with its code repeated on every line. Drop the repeats so wordings match across line breaks.
 */
export function joinContinuations(t: string): string {
  const m = FIRST_REPLY.exec(t);
  if (!m) return t;
  const [, code, sep, status] = m;
  if (!status && sep !== '-') return t;
  const rest = t.slice(m.index + m[0].length);
  if (!code || !rest.includes(` ${code}`)) return t;
  const repeat = status
    ? new RegExp(`\\s${code}[- ]${status.replace(/\./g, '\\.')}(?=\\s|$)`, 'g')
    : new RegExp(`\\s${code}[- ](?=\\S)`, 'g');
  if (!repeat.test(rest)) return t;
  repeat.lastIndex = 0;
  return t.slice(0, m.index + m[0].length) + rest.replace(repeat, status ? '' : ' ');
}

/** Where the report names the SMTP stage in words (Postfix, Exim, Sendmail, qmail, Yahoo …). */
const STAGE_WORDINGS: readonly (readonly [RegExp, SmtpStage])[] = [
  [/\(in reply to (?:the )?rcpt to command\)|after rcpt to:|>>> rcpt to:|\bsmtp:rcpt\b|does not like recipient|\[rcpt_to\]|did not like our rcpt to/, 'RCPT'],
  [/\(in reply to (?:the )?mail from command\)|after mail from:|>>> mail from:|\bsmtp:mail\b|sender was rejected|\[mail_from\]|did not like our mail from/, 'MAIL'],
  [/\(in reply to (?:the )?(?:end of )?data command\)|after (?:end of )?data\b|>>> data\b|\bsmtp:data\b|failed after i sent the message|failed on data command|did not like our data/, 'DATA'],
  [/\(in reply to (?:the )?(?:ehlo|helo) command\)|after (?:ehlo|helo)\b|>>> (?:ehlo|helo)\b|my name was rejected|while performing the (?:ehlo|helo) handshake|refused to talk to me/, 'EHLO'],
  [/\(in reply to (?:the )?starttls command\)|>>> starttls\b/, 'STARTTLS'],
  [/\(in reply to (?:the )?auth command\)|>>> auth\b/, 'AUTH'],
  [/after initial connection|greeting failed|while receiving the initial server greeting/, 'CONN'],
];

/**
 * Every stage wording at once (built from the table above; only while its patterns carry no flags, which
 * one alternation could not keep apart): most texts name no stage, and one scan tells.
 */
const ANY_STAGE_WORDING = STAGE_WORDINGS.every(([re]) => re.flags === '')
  ? new RegExp(STAGE_WORDINGS.map(([re]) => `(?:${re.source})`).join('|'))
  : undefined;

export function stageInWords(text: string): SmtpStage {
  if (ANY_STAGE_WORDING && !ANY_STAGE_WORDING.test(text)) return '';
  // the table's order decides when several wordings occur (not which comes first in the text)
  for (let i = 0; i < STAGE_WORDINGS.length; i++) {
    const row = STAGE_WORDINGS[i] as (typeof STAGE_WORDINGS)[number];
    if (row[0].test(text)) return row[1];
  }
  return '';
}

/**
 * Wrappers that quote the next hop's reply. Each captures the quoted reply in group 1; they are
 * applied repeatedly, so the innermost reply wins (Exchange quoting Postfix quoting Gmail …).
 */
const WRAPPERS: readonly (readonly [needle: string, wrapper: RegExp])[] = [
  // Exchange 2007+: 451 4.4.0 Primary target IP address responded with: "451 5.7.3 …." Attempted failover …
  ['responded with:', /responded with:\s*"([^"]+)"/],
  ['responded with:', /responded with:\s*'([^']+)'/],
  ['responded with:', /responded with:\s*(.+?)(?:\s+attempted failover\b.*)?$/],
  // Exchange/Office 365 NDR: Remote Server returned '550 5.1.1 …'
  ['remote server returned', /remote server returned '([^']+)'/],
  ['remote server returned', /remote server returned "([^"]+)"/],
  // Exchange Online LastError: [{LED=451 4.4.0 …};{MSG=};…]
  ['{led=', /\{led=([^}]+)\}/],
  // Postfix: host mx.example.org[192.0.2.1] said: 550 5.1.1 … (in reply to RCPT TO command)
  [' said:', /\bhost \S+ said:\s*(.+?)(?:\s*\(in reply to [^)]*\))?\s*$/],
  ['refused to talk to me:', /\brefused to talk to me:\s*(.+)$/],
  // Exim: SMTP error from remote mail server after RCPT TO:<x>: host h [ip]: 550 …
  ['smtp error from remote', /smtp error from remote (?:mail server|mailer) after (?:(?:rcpt to|mail from):\s*<[^>]*>[^:]*|[^:]*):\s*(?:host \S+ \[[^\]]*\]:\s*)?(.+)$/],
  // qmail: … Remote host said: 550 …
  ['remote host said:', /\bremote host said:\s*(.+)$/],
  // Gmail's own bounce: The error that the other server returned was: 550-5.1.1 … / The response was: 550 …
  ['server returned was:', /\bthe (?:error|response) (?:that )?the other server returned was:\s*(.+)$/],
  ['response ', /\bthe response (?:from the remote server )?was:\s*(.+)$/],
];

/** Any wrapper's needle: most replies are not wrapped, and one scan tells (built from the table above). */
const ANY_WRAPPER = new RegExp([...new Set(WRAPPERS.map(([needle]) => needle))].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** The innermost reply quoted in a wrapper, or the text itself. */
export function innermostReply(text: string): string {
  let current = text;
  for (let depth = 0; depth < 4; depth++) {
    if (!ANY_WRAPPER.test(current)) break;
    let next: string | undefined;
    for (let i = 0; i < WRAPPERS.length; i++) {
      const row = WRAPPERS[i] as (typeof WRAPPERS)[number];
      if (!current.includes(row[0])) continue;
      const m = row[1].exec(current);
      if (m?.[1] && m[1].length < current.length) { next = m[1].trim(); break; }
    }
    if (!next) break;
    current = next;
  }
  return current;
}

const LEADING_REPLY = /^[#(]?\s*([245]\d\d)(?:[ \-:]|$)/;
const STATUS_IN_TEXT = /(?:^|[^\d.])#?([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)/;

/** Reply code at the start of a reply ("550-5.7.1 …", "550 …"). */
export function replyCodeIn(text: string): string | undefined {
  return LEADING_REPLY.exec(text)?.[1];
}

/** First enhanced status code in the wording. */
export function statusIn(text: string): string | undefined {
  const m = STATUS_IN_TEXT.exec(text);
  return m?.[1] && isStatusCode(m[1]) ? m[1] : undefined;
}

/**
 * Choose between the Status: field and a code in the server's words (RFC 3464 fields are
 * often generic: 5.0.0, or 4.4.7 for a message that also quotes the real refusal).
 * Same idea as Sisimai's status preference (BSD-2, (c) azumakuniyuki); our own rules.
 */
export function preferStatus(field: string | undefined, inText: string | undefined, reply: string | undefined): string | undefined {
  if (!isStatusCode(field)) return inText;
  if (!isStatusCode(inText) || field === inText) return field;
  // The class must agree with the reply code when there is one.
  if (reply && field[0] !== inText[0]) return reply[0] === inText[0] ? inText : field;
  if (/^\d\.0\.0$/.test(field)) return inText;
  if (/^\d\.0\.0$/.test(inText)) return field;
  if (/^\d\.\d+\.0$/.test(field) || /^\d\.0\.\d+$/.test(field)) return inText;
  // Codes that only say "something went wrong on the way": the quoted one is more specific.
  if (/^[45]\.4\.7$/.test(field) || /^[45]\.4\.0$/.test(field) || field === '4.7.0' || field.startsWith('5.3.')
    || /^\d\.5\.[1245]$/.test(field)) return inText;
  return field;
}

function stageOf(command: string | undefined): SmtpStage {
  const c = (command ?? '').toUpperCase().trim();
  if (!c) return '';
  const word = c.split(/\s+/)[0] ?? '';
  if ((STAGES as readonly string[]).includes(word)) return word as SmtpStage;
  if (word === 'CONNECT' || word === 'CONNECTION' || word === 'BANNER') return 'CONN';
  if (word === 'BDAT' || word === 'END') return 'DATA';
  return '';
}

export function buildEvidence(fact: RecipientFact, report: ParsedReport): Evidence {
  const text = normalise(fact.diagnostic);
  const inner = innermostReply(text);
  const unwrapped = inner === text; // then the text's codes are the inner reply's: not read twice
  const innerReply = replyCodeIn(inner);
  const innerStatus = statusIn(inner);
  const replyCode = innerReply ?? (/^[2-5]\d\d$/.test(fact.replyCode ?? '') ? fact.replyCode : undefined) ?? (unwrapped ? undefined : replyCodeIn(text));
  const fieldStatus = isStatusCode(fact.status) ? fact.status : undefined;
  const status = preferStatus(fieldStatus, innerStatus ?? (unwrapped ? undefined : statusIn(text)), replyCode);
  return {
    text,
    inner,
    status,
    replyCode,
    command: stageOf(fact.command) || stageInWords(text),
    // Markers are read from the innermost reply only: a Gmail-written bounce quoting another server is not Google's reply.
    provider: detectProvider({ remoteHost: fact.remoteHost, text: inner, recipient: fact.address, reportingMta: fact.reportingMta }),
    delayed: fact.action === 'delayed' || report.kind === 'delay',
    unixMailer: /^x-unix/i.test(fact.diagnosticType ?? ''),
    mta: (report.source.mta ?? '').toLowerCase(),
  };
}
