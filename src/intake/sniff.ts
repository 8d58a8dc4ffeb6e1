/**
 * looksLikeBounce: the cheap test the Slack listener runs on every channel message before doing any
 * real work. No MIME decoding, no allocation beyond one lower-cased prefix: substring and regex tests
 * over the first SNIFF_CHARS characters. It must say yes to NDR/DSN text, delay warnings, queue
 * error lines and raw MIME bounces, and no to people merely talking about email.
 */

const SNIFF_CHARS = 32 * 1024;

/** Phrases that only mail systems write (lower case). Sources: ndr-facts.md §3, §5, §7 and the
 *  marker lists of Sisimai's Lhost modules (BSD-2, github.com/sisimai/p5-sisimai). */
const NDR_PHRASES: readonly string[] = [
  // generic DSN wording and subjects (full phrases: "the meeting has been delayed" must not match)
  'delivery status notification', 'undelivered mail returned to sender', 'mail delivery failed:',
  'returned mail: ', 'undeliverable: ', 'mail delivery subsystem', 'mailer-daemon@', 'non-delivery report',
  'permanent fatal errors', 'there was a problem delivering your message to',
  // Exchange / Microsoft 365
  'your message did not reach some or all of the intended recipients',
  'delivery has failed to these recipients or groups', 'diagnostic information for administrators',
  'remote server returned \'', 'generating server:', 'the following recipient(s) could not be reached',
  'could not deliver the message in the time limit specified', 'this is a warning message only',
  'you do not need to resend your message', 'delivery to the following recipients has been delayed',
  'did not reach the following recipient', 'rejected auth negotiation', 'smtp service does not support tls',
  'primary target ip address responded with', 'attempted failover to alternate host', 'resolver.adr.',
  'queue.expired', 'smtpsend.',
  // Postfix / Sendmail / Exim / qmail
  'this is the mail system at host', 'transcript of session follows', 'could not send message for past',
  'this message was created automatically by mail delivery software', 'retry timeout exceeded',
  'smtp error from remote mail server', 'this is the qmail-send program', 'delivery temporarily suspended',
  "i'm afraid i wasn't able to deliver",
  // Microsoft 365 enhanced NDR, Exchange 2007+ user and delay texts, Exchange shell output
  'more info for email admins', 'original message details', 'message rejected by:',
  'rejected your message to the following email addresses', 'rejected your message to the following e-mail addresses',
  'delivery is delayed to these recipients or groups', "this message hasn't been delivered yet",
  'delivery has failed to these recipients or distribution lists', '{led=', 'recipientstatus',
  // Google / Yahoo / SES (the Gmail web UI shows the headline without the "**")
  '** address not found **', '** message not delivered **', '** message blocked **', '** delivery incomplete **',
  'the response from the remote server was', "your message wasn't delivered to", 'problem delivering your message to',
  'gmail will retry for', 'has been blocked. see technical details below',
  'the email account that you tried to reach does not exist',
  'sorry, we were unable to deliver your message to the following address',
  'an error occurred while trying to deliver the mail to the following recipients',
  // queues: Sendmail mailq, Exim retry data
  '(deferred: ', 'retry time not reached',
];

/** Structures: header fields and SMTP replies. */
const NDR_PATTERNS: readonly RegExp[] = [
  /^content-type:\s*multipart\/report/im,
  /message\/(?:global-)?delivery-status/i,
  /^(?:final-recipient|original-recipient|diagnostic-code|reporting-mta|remote-mta)\s*:/im,
  /^action\s*:\s*(?:failed|delayed)\b/im,
  // "550 5.7.1 …", "451 4.4.0 …", "550-5.7.26 …": a failure reply code with an enhanced status code
  // (a success, "250 2.0.0 Ok: queued", is not a bounce)
  /(?:^|[\s(":;'[={])[45][0-5]\d[ -]#?[45]\.\d{1,3}\.\d{1,3}\b/m,
  // "(#5.1.1)", "#4.4.7", "#550 5.1.10": Exchange and qmail put a '#' before the code
  /#[45]\.\d{1,3}\.\d{1,3}\b/,
  /#[45][0-5]\d[ -][45]\.\d/,
  // Postfix / Sendmail log lines
  /\bstatus=(?:bounced|deferred|expired|undeliverable)\b/,
  /\bstat=(?:deferred|user unknown|service unavailable|host unknown)/i,
  // a bare reply at the start of a line with words only servers use
  /^[ \t]*[45][0-5]\d[ -][^\n]{0,120}\b(?:rejected|denied|refused|unavailable|unknown|not found|blocked|blacklisted|listed|invalid|try again later|quota|disabled|not allowed|timed out|unrouteable|too many)\b/im,
  // Exchange 2003 IMS diagnostic, "MSEXCH:IMS:…"
  /\bmsexch:[a-z]+:/i,
  // Amazon SES notification JSON (also escaped inside an SNS envelope)
  /notificationType\\?"\s*:\s*\\?"(?:Bounce|Complaint)/,
  // Amazon SES: "The following message to <rcpt> was undeliverable." / "The reason for the problem:"
  /was undeliverable\.\s+the reason for the problem/i,
  // "Your message to jane@contoso.com couldn't be delivered." (Microsoft 365), as the NDR words it
  /your message to [^\s@]+@[^\s@]+ (?:couldn't|could not) be delivered/i,
  // Postfix: "<rcpt>: host mx[ip] said: …", "connect to mx[ip]:25: Connection timed out" (log, bounce, mailq)
  /\bhost [^\s[]+\[[0-9a-fA-F.:]+\] said: /,
  /\bconnect to [^\s[]+\[[0-9a-fA-F.:]+\]:\d+: /,
  // Exchange Get-Queue / Get-Message / Queue Viewer: a LastError property with a reply code
  /^[ \t]*last ?error[ \t]*:[ \t]*[45]\d\d\b/im,
  // Exim message log and exinext: "R=dnslookup T=remote_smtp defer (-44)", "Transport: mx [ip] error 110: …"
  /\bT=[^\s=]+ defer \(-?\d+\)/,
  /^[ \t]*transport: [^\s[]+ \[[0-9a-fA-F.:]+\](?::\d+)? error -?\d+: /im,
];

/** In a raw message: who sends bounces, and what they call them. */
const BOUNCE_FROM = /^from:.*(?:mailer-daemon|postmaster|post_master|mail delivery|<>\s*$)/im;
const BOUNCE_SUBJECT = /^subject:.*(?:failure notice|undeliver|returned mail|delivery (?:status|failure|failed|notification)|mail delivery|non-?delivery|delivery report)/im;

/** Headers that only a raw message has: with two of them the paste is a MIME source. */
const MIME_HEADER = /^(?:return-path|received|message-id|mime-version|content-type|x-failed-recipients|auto-submitted)\s*:/gim;

/**
 * The prefix as plain text: curly quotes and non-breaking spaces from a copy, and chat quoting or bullets
 * in front of lines (which would hide line-anchored patterns), undone. Each replace is one linear pass.
 */
function plain(head: string): string {
  let out = head;
  if (/[^\x00-\x7f]/.test(out)) out = out.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u00a0\u202f\u2007]/g, ' ');
  if (out.startsWith('>') || out.startsWith('&gt;') || out.includes('\n>') || out.includes('\n&gt;') || out.includes('\u2022')) {
    out = out.replace(/^(?:>|&gt;|\u2022)[ \t]?/gm, '');
  }
  return out;
}

/**
 * Decisions at the edge (see test/intake/sniff.test.ts for the table):
 *  - a question that merely names a code ("can you check the 550 error on the printer?") is chat: no
 *    reply text, no server words. The bot still answers it when mentioned directly.
 *  - a log line of a delivered message (Postfix status=sent) is not a bounce.
 *  - a queue listing that shows a reason is a bounce-like report (a delay); one without a reason is not.
 */
export function looksLikeBounce(text: string): boolean {
  if (!text) return false;
  const head = plain(text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text);
  const lower = head.toLowerCase();
  for (const phrase of NDR_PHRASES) {
    if (lower.includes(phrase)) return true;
  }
  for (const re of NDR_PATTERNS) {
    if (re.test(head)) return true;
  }
  // A raw message from the mailer daemon / postmaster, even when its body is unusual
  const mimeHeaders = head.match(MIME_HEADER)?.length ?? 0;
  if (mimeHeaders >= 2 && (BOUNCE_FROM.test(head) || BOUNCE_SUBJECT.test(head))) return true;
  return false;
}
