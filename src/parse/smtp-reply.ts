/**
 * Codes and facts inside a server's words: enhanced status codes (RFC 3463), basic reply codes
 * (RFC 5321), the remote host, and the SMTP command that failed. The status and reply scans follow
 * the rules of Sisimai's smtp/status/find.go and smtp/reply/lib.go (BSD-2-Clause,
 * github.com/sisimai/go-sisimai): skip codes glued to digits or version numbers, keep X.0.0 and 4.4.7
 * as a last resort, and let the preference table choose between several codes.
 */
import { preferStatus } from './prefer';

const IPV4 = /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g;
const STATUS_CANDIDATE = /([245])\.([0-7])\.(\d{1,3})/g;

/** Is this a syntactically valid enhanced status code? */
export function isStatusCode(code: string | undefined): code is string {
  return !!code && /^[245]\.\d{1,3}\.\d{1,3}$/.test(code);
}

/** What every status code looks like at least; most texts have none, and skip the masking and scan. */
const STATUS_SHAPE = /[245]\.[0-7]\.\d/;

/** The enhanced status code the text means, '' when it has none. classHint ('4'/'5') keeps only that class. */
export function findStatus(text: string | undefined, classHint?: string): string {
  if (!text || text.length < 5 || !STATUS_SHAPE.test(text)) return '';
  const masked = ' ' + text.replace(IPV4, (ip) => '#'.repeat(ip.length)) + ' ';
  const found: string[] = [];
  let fallback = '';
  STATUS_CANDIDATE.lastIndex = 0;
  for (let m = STATUS_CANDIDATE.exec(masked); m; m = STATUS_CANDIDATE.exec(masked)) {
    const before = masked.charCodeAt(m.index - 1);
    const after = masked.charCodeAt(m.index + m[0].length);
    if ((before >= 0x2e && before <= 0x39) || before === 0x56 || before === 0x76) continue; // ./0-9, "V"/"v" (versions)
    if (after >= 0x30 && after <= 0x39) continue; // a fourth detail digit: not a status
    if (after === 0x2e && masked.charCodeAt(m.index + m[0].length + 1) >= 0x30 && masked.charCodeAt(m.index + m[0].length + 1) <= 0x39) continue; // 5.1.1.2
    if (classHint && (classHint === '4' || classHint === '5' || classHint === '2') && m[1] !== classHint) continue;
    const code = m[0];
    if (code.endsWith('.0.0') && code.length === 5 || code === '4.4.7') {
      fallback = code;
      continue;
    }
    found.push(code);
  }
  if (fallback) found.push(fallback);
  if (!found.length) return '';
  return found.reduce((acc, code) => preferStatus(acc, code, ''));
}

/** Reply codes each class can have, most telling first (RFC 5321, 4954, 7504). */
const REPLY_CODES: Record<string, readonly string[]> = {
  '5': ['550', '552', '553', '551', '521', '525', '523', '524', '530', '533', '534', '535', '538', '555', '556', '554', '500', '501', '502', '503', '504'],
  '4': ['421', '450', '451', '452', '422', '430', '432', '453', '454', '455', '458', '459'],
  '2': ['211', '214', '220', '221', '235', '250', '251', '252', '253', '334', '354'],
};

const ALL_REPLY_CODES: readonly string[] = [...REPLY_CODES['5'], ...REPLY_CODES['4'], ...REPLY_CODES['2']];

function isDigitOrDot(c: number): boolean {
  return c >= 0x2e && c <= 0x39; // . / 0-9
}

/**
 * Three-digit numbers standing alone in the text: no digit, '.' or '/' on either side (so not part of
 * an IP address, a version or a longer number). One pass; most texts hold none or one.
 */
function standaloneNumbers(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isDigitOrDot(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && isDigitOrDot(text.charCodeAt(end))) end++;
    if (end - i === 3) {
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      const c = text.charCodeAt(i + 2);
      if (a >= 0x30 && b >= 0x30 && c >= 0x30) out.push(text.slice(i, end));
    }
    i = end;
  }
  return out;
}

/** The basic reply code in the text ('' when none). classHint ('4'/'5' or a status code) narrows the search. */
export function findReply(text: string | undefined, classHint?: string): string {
  if (!text || text.length < 3 || /x-unix/i.test(text)) return '';
  const present = standaloneNumbers(text);
  if (!present.length) return '';
  const cls = classHint?.[0];
  const order = cls === '2' || cls === '4' || cls === '5' ? REPLY_CODES[cls] : ALL_REPLY_CODES;
  // the most telling code present wins, wherever it stands
  for (const code of order) if (present.includes(code)) return code;
  return '';
}

export interface RemoteHost {
  host?: string;
  ip?: string;
}

const HOSTNAME = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+';
/** IPv4, or IPv6 with bounded groups (unbounded overlapping classes backtrack on long runs of ':'). */
const IP = '(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?:\\.\\d{1,3}){0,3})';

/** Where mail systems name the host that answered. [pattern, group of host, group of ip] */
const REMOTE_HOST_PATTERNS: readonly [RegExp, number, number][] = [
  // Postfix "host mx.example.com[192.0.2.1] said:", Exim "host mx.example.com [192.0.2.1]:"
  // ("client host [ip]" in a refusal names the sender, not the remote host)
  [new RegExp(`(?<!client )\\bhost\\s+(${HOSTNAME})\\.?\\s*\\[(?:IPv6:)?(${IP})\\]`, 'i'), 1, 2],
  // Postfix "connect to mx[ip]:25: …", "lost connection with mx[ip] while …", "conversation with mx[ip] timed out"
  [new RegExp(`\\b(?:connect to|lost connection with|conversation with|delivery to)\\s+(${HOSTNAME})\\.?\\[(${IP})\\]`, 'i'), 1, 2],
  // Exchange 2007+ "Remote Server at mx.example.com (192.0.2.1) returned", "Server at … returned"
  [new RegExp(`\\bServer at (${HOSTNAME})\\.? \\((${IP})\\)`, 'i'), 1, 2],
  // Postfix SASL and TLS errors: "server smtp.example.com[192.0.2.1] said:"
  [new RegExp(`\\bserver (${HOSTNAME})\\.?\\[(${IP})\\]`, 'i'), 1, 2],
  // Sendmail "... while talking to mx.example.com.:"
  [new RegExp(`while talking to (${HOSTNAME})\\.?:`, 'i'), 1, 0],
  // Gmail "[mx.example.com. 192.0.2.1: timed out]" / "[mx.example.com 192.0.2.1]"
  [new RegExp(`\\[(${HOSTNAME})\\.? (${IP})(?:[:\\]])`), 1, 2],
  // qmail "Connected to 192.0.2.1 but sender was rejected.", "192.0.2.1 does not like recipient."
  [new RegExp(`Connected to (${IP}) but`, 'i'), 0, 1],
  [new RegExp(`^(${IP}) (?:does not like recipient|failed after I sent)`, 'im'), 0, 1],
  // Postfix/Exim with an IP only: "host 192.0.2.1[192.0.2.1]"
  [new RegExp(`(?<!client )\\bhost\\s+\\[(${IP})\\]`, 'i'), 0, 1],
];

export function findRemoteHost(text: string | undefined): RemoteHost {
  if (!text) return {};
  for (const [re, hostGroup, ipGroup] of REMOTE_HOST_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const out: RemoteHost = {};
    if (hostGroup && m[hostGroup]) out.host = m[hostGroup].replace(/\.$/, '').toLowerCase();
    if (ipGroup && m[ipGroup]) out.ip = m[ipGroup];
    if (!out.host && out.ip) out.host = out.ip;
    return out;
  }
  return {};
}

/** Words mail systems use for the SMTP stage, mapped to our command names. */
const COMMAND_WORDS: readonly [RegExp, string][] = [
  [/\bRCPT\b|does not like recipient|recipient address rejected/i, 'RCPT'],
  [/\bMAIL(?: FROM)?\b|sender was rejected|sender address rejected/i, 'MAIL'],
  [/\bDATA\b|end of (?:data|message)|after I sent the message/i, 'DATA'],
  [/\bEHLO\b/i, 'EHLO'],
  [/\bHELO\b/i, 'HELO'],
  [/\bSTARTTLS\b/i, 'STARTTLS'],
  [/\bAUTH\b/i, 'AUTH'],
  [/initial connection|greeting|banner|connect(?:ion)? to|(?:^| )CONN(?: |$)/i, 'CONN'],
];

/** Phrases that name the command a reply answered: [pattern, command] — without a command, the first
 *  capture is classified with COMMAND_WORDS. */
const COMMAND_CONTEXT: readonly (readonly [RegExp, string?])[] = [
  [/\(in reply to ((?:end of )?[A-Z]{4}[A-Z ]*?) command\)/i], // Postfix
  [/\bin reply to ((?:end of )?[A-Z]{4,8})\b/i],
  [/\bafter ((?:RCPT TO|MAIL FROM|end of data|DATA|EHLO|HELO|STARTTLS|AUTH|initial connection|sending (?:RCPT|MAIL|DATA|EHLO)))/i], // Exim
  [/\b(does not like recipient|sender was rejected|failed after I sent the message|greeting failed)/i], // qmail
  [/\bmy name was rejected/i, 'EHLO'], // qmail
  [/^>>> ((?:RCPT|MAIL|DATA|EHLO|HELO|STARTTLS|AUTH|QUIT)\b[^\n]*)\n(?:<<< )?[45]\d\d/im], // Sendmail transcript
  [/\b(?:during|while sending|when sending|in response to)(?: the)? ((?:RCPT|MAIL|DATA|EHLO|HELO|STARTTLS|AUTH)(?: (?:TO|FROM))?)\b/i],
  [/\bSASL authentication failed|rejected AUTH negotiation|cannot authenticate to server|authentication required but/i, 'AUTH'],
  [/\bTLS is required, but was not offered|does not support TLS|STARTTLS failed|TLS negotiation failed|an attempt to start TLS failed/i, 'STARTTLS'],
];

export function commandFromWord(word: string): string | undefined {
  for (const [re, cmd] of COMMAND_WORDS) if (re.test(word)) return cmd;
  return undefined;
}

export function findCommand(text: string | undefined): string | undefined {
  if (!text) return undefined;
  // cheap gate: every phrase above contains one of these (case-insensitive regexes scan slowly)
  if (!/reply|after|like recipient|rejected|failed|>>>|during|sending|response|auth|TLS/i.test(text)) return undefined;
  for (const [re, fixed] of COMMAND_CONTEXT) {
    const m = re.exec(text);
    if (!m) continue;
    const cmd = fixed ?? commandFromWord(m[1]);
    if (cmd) return cmd;
  }
  return undefined;
}
