/**
 * Enhanced status code (RFC 3463 and the IANA registry) → the cause it names when nothing more
 * specific is known. Meanings are from shared/reference/enhanced-status-codes.tsv; the Sisimai reason
 * of each row follows Sisimai's status table (BSD-2, (c) azumakuniyuki) so results compare directly.
 *
 * strength says how far a code is trusted against the wording of the reply (see classify/precedence):
 * - 'strong': as decisive as an unambiguous wording; only wordings of earlier reasons beat it.
 * - 'normal': beaten by any wording rule, decides when no wording matched.
 * - 'weak':   beaten even by hint wordings ("connection timed out"); generic codes like 5.7.1.
 */
import type { CauseId } from './cause-ids';
import type { Reason } from './types';

export type StatusStrength = 'strong' | 'normal' | 'weak';

export interface StatusRow {
  cause: CauseId;
  /** Sisimai reason when it differs from the cause's default. */
  reason?: Reason;
  strength: StatusStrength;
  /** One line, plain language. */
  meaning: string;
  /** Wordings of these reasons beat this code even when the code is strong (a 5.1.1 that says "blocked using"). */
  yieldsTo?: readonly Reason[];
  /** The code is strong only when the wording also matches one of these reasons' wordings. */
  strongWhen?: readonly Reason[];
}

type Row = readonly [code: string, cause: CauseId, reason: Reason | null, strength: StatusStrength, meaning: string];

// 'X.s.d' rows apply to both classes; a '4.s.d' or '5.s.d' row overrides its class.
const ROWS: readonly Row[] = [
  ['X.1.0', 'recipient-unknown', null, 'weak', 'Some problem with an address, unspecified'],
  ['X.1.1', 'recipient-unknown', null, 'strong', 'The recipient mailbox does not exist'],
  ['X.1.2', 'recipient-domain-unknown', null, 'strong', 'The recipient domain does not exist or cannot take mail'],
  ['X.1.3', 'recipient-unknown', null, 'strong', 'The recipient address is syntactically invalid'],
  ['X.1.4', 'recipient-unknown', 'filtered', 'strong', 'The recipient address is ambiguous'],
  ['X.1.6', 'recipient-moved', null, 'normal', 'The mailbox has moved and gives no forwarding address'],
  ['X.1.7', 'sender-rejected', null, 'strong', 'The sender address is syntactically invalid'],
  ['X.1.8', 'sender-domain-invalid', null, 'strong', 'The sender domain does not exist or cannot receive replies'],
  ['X.1.9', 'remote-system-error', 'systemerror', 'weak', 'Relayed to a system that cannot report further'],
  ['X.1.10', 'null-mx', null, 'normal', 'The recipient domain publishes a null MX: it takes no mail'],
  ['5.2.0', 'content-filtered', 'filtered', 'normal', 'The mailbox exists but something about it refused the message'],
  ['5.2.1', 'mailbox-disabled', 'filtered', 'normal', 'The mailbox is disabled and not accepting messages'],
  ['4.2.1', 'mailbox-disabled', 'blocked', 'strong', 'The mailbox is temporarily not accepting messages'],
  ['X.2.2', 'mailbox-full', null, 'strong', 'The mailbox is over its quota'],
  ['X.2.3', 'mailbox-limit-exceeded', null, 'strong', 'The message is larger than this mailbox accepts'],
  ['X.2.4', 'remote-system-error', 'filtered', 'normal', 'A mailing list could not be expanded'],
  ['5.3.0', 'remote-system-error', null, 'weak', 'The destination mail system had a problem, unspecified'],
  ['X.3.1', 'remote-storage-full', null, 'normal', 'The destination system is out of storage'],
  ['X.3.2', 'host-not-accepting', null, 'normal', 'The destination host is not accepting mail (load, shutdown, maintenance)'],
  ['X.3.3', 'remote-system-error', null, 'weak', 'The destination lacks a feature the message needs'],
  ['X.3.4', 'message-too-large', null, 'strong', 'The message is larger than the system limit'],
  ['X.3.5', 'remote-system-error', null, 'weak', 'The destination is misconfigured for this message'],
  ['5.4.0', 'connection-dropped', null, 'weak', 'A network or routing problem, unspecified'],
  ['4.4.1', 'connection-timeout', 'expired', 'weak', 'No answer from the destination host'],
  ['5.4.1', 'wrong-mx-or-accepted-domain', null, 'weak', 'No answer from host / the server does not accept mail for this domain'],
  ['X.4.2', 'connection-dropped', null, 'weak', 'The connection dropped or timed out during the session'],
  ['X.4.3', 'dns-failure', 'systemerror', 'weak', 'A directory (DNS) lookup needed for routing failed'],
  ['5.4.4', 'recipient-domain-unknown', null, 'strong', 'Unable to route: no usable MX or address records'],
  ['4.4.4', 'dns-failure', null, 'weak', 'Unable to route right now: no usable DNS data'],
  ['X.4.5', 'remote-system-error', 'systemfull', 'normal', 'The mail system is congested'],
  ['X.4.6', 'mail-loop', null, 'weak', 'A routing or forwarding loop was detected'],
  ['X.4.7', 'delivery-expired', null, 'weak', 'The message expired in the queue before it could be delivered'],
  ['4.4.8', 'ipv6-not-accepted', 'networkerror', 'weak', 'Retry over IPv4'],
  ['X.5.2', 'smtp-syntax-error', null, 'normal', 'A command could not be parsed'],
  ['4.5.3', 'too-many-recipients', 'systemerror', 'weak', 'Too many recipients for one transaction'],
  ['5.5.3', 'too-many-recipients', null, 'strong', 'Too many recipients for one transaction'],
  ['X.5.4', 'smtp-syntax-error', 'systemerror', 'weak', 'A command had invalid arguments'],
  ['X.5.5', 'remote-system-error', null, 'weak', 'Protocol version mismatch'],
  ['X.5.6', 'smtp-syntax-error', null, 'normal', 'The AUTH response line was too long'],
  ['X.6.0', 'content-malformed', null, 'strong', 'A content problem, unspecified'],
  ['X.6.1', 'content-malformed', null, 'strong', 'The media type is not supported'],
  ['X.6.2', 'content-malformed', null, 'strong', 'A conversion was needed but not allowed'],
  ['X.6.3', 'content-malformed', null, 'strong', 'A conversion was needed but is not possible'],
  ['X.6.5', 'content-malformed', null, 'strong', 'A conversion failed'],
  ['X.6.6', 'content-malformed', null, 'strong', 'Referenced content could not be fetched'],
  ['X.6.7', 'content-malformed', null, 'strong', 'Non-ASCII addresses are not allowed'],
  ['X.6.8', 'content-malformed', null, 'strong', 'A UTF-8 reply is needed but the client does not allow it'],
  ['X.6.9', 'content-malformed', null, 'strong', 'A message with UTF-8 headers cannot be passed on'],
  ['X.7.0', 'sender-blocked', 'securityerror', 'weak', 'A security or policy problem, unspecified'],
  ['5.7.1', 'sender-blocked', 'securityerror', 'weak', 'The sender is not allowed to send to this destination'],
  ['4.7.1', 'sender-blocked', 'blocked', 'strong', 'The sender is not allowed to send here right now'],
  ['5.7.2', 'recipient-restricted-senders', 'securityerror', 'weak', 'The sender may not post to this mailing list'],
  ['4.7.2', 'recipient-restricted-senders', 'blocked', 'strong', 'The sender may not post to this mailing list'],
  ['X.7.3', 'smart-host-auth-failed', null, 'weak', 'Security conversion impossible (Exchange also uses it for failed authentication)'],
  ['X.7.4', 'auth-mechanism-unsupported', null, 'weak', 'A requested security feature is not supported'],
  ['X.7.5', 'tls-cert-invalid', null, 'weak', 'Key material was missing or bad'],
  ['X.7.6', 'tls-version-unsupported', null, 'weak', 'A cryptographic algorithm is not supported'],
  ['X.7.7', 'dkim-fail', 'securityerror', 'weak', 'The message failed an integrity check'],
  ['X.7.8', 'smart-host-auth-failed', null, 'weak', 'Authentication credentials were rejected'],
  ['X.7.9', 'auth-mechanism-unsupported', null, 'weak', 'The authentication mechanism is too weak'],
  ['X.7.10', 'tls-required-for-auth', null, 'weak', 'Encryption is needed before this authentication mechanism'],
  ['X.7.11', 'tls-required-for-auth', null, 'weak', 'This mechanism is only allowed on an encrypted connection'],
  ['X.7.12', 'smart-host-auth-failed', null, 'weak', 'A password transition is needed'],
  ['X.7.13', 'account-sending-blocked', 'suspend', 'normal', 'The account is disabled'],
  ['X.7.14', 'auth-required', null, 'weak', 'A trust relationship is required'],
  ['X.7.15', 'rate-limited', 'securityerror', 'weak', 'The requested priority is too low right now'],
  ['X.7.16', 'message-too-large', null, 'strong', 'The message is too big for the requested priority'],
  ['X.7.17', 'recipient-moved', null, 'normal', 'The mailbox changed owner'],
  ['X.7.18', 'recipient-moved', null, 'normal', 'The domain changed owner'],
  ['X.7.19', 'recipient-moved', 'securityerror', 'weak', 'The ownership check could not be done'],
  ['X.7.20', 'dkim-fail', null, 'strong', 'No passing DKIM signature'],
  ['X.7.21', 'dkim-fail', null, 'strong', 'No acceptable DKIM signature'],
  ['X.7.22', 'dkim-fail', null, 'strong', 'No DKIM signature aligned with the From: domain'],
  ['X.7.23', 'spf-fail', null, 'strong', 'SPF check failed'],
  ['X.7.24', 'spf-fail', null, 'strong', 'SPF evaluation error'],
  ['X.7.25', 'ptr-missing', null, 'strong', 'Reverse DNS (PTR) check failed'],
  ['X.7.26', 'auth-records-missing', null, 'strong', 'Several authentication checks failed'],
  ['X.7.27', 'sender-domain-invalid', 'notaccept', 'normal', 'The sender domain publishes a null MX'],
  ['X.7.28', 'spam-content', null, 'strong', 'The message looks like part of a flood of abusive mail'],
  ['X.7.29', 'dmarc-reject', null, 'strong', 'ARC validation failed'],
  ['X.7.30', 'tls-required-not-offered', null, 'normal', 'REQUIRETLS was requested but the next hop cannot support it'],
];

// A 5.1.1 that goes on to say "relay access denied" or "blocked using" is not about the address (Sisimai does the same).
const USER_YIELDS: readonly Reason[] = ['norelaying', 'blocked', 'mailboxfull', 'hasmoved', 'rejected', 'notaccept'];

const TABLE = new Map<string, StatusRow>();
for (const [code, cause, reason, strength, meaning] of ROWS) {
  const row: StatusRow = { cause, strength, meaning, ...(reason ? { reason } : {}) };
  if (cause === 'recipient-unknown' && strength === 'strong') row.yieldsTo = USER_YIELDS;
  TABLE.set(code, row);
}
// Content codes give way to a spam verdict in the words; "unable to route" gives way to "accepts no mail".
for (const [code, row] of TABLE) {
  if (code.startsWith('X.6.')) row.yieldsTo = ['spamdetected', 'virusdetected'];
}
const route = TABLE.get('5.4.4');
if (route) route.yieldsTo = ['notaccept'];
// Exchange reuses 421 4.2.1 for its own failed connect ("421 4.2.1 Unable to connect", ndr-facts §3.3): a
// connection wording beside it means the mailbox meaning does not apply.
const mailboxBusy = TABLE.get('4.2.1');
if (mailboxBusy) mailboxBusy.yieldsTo = ['networkerror'];
// A filtering status is only decisive when the words agree (Sisimai: X.2.x "user unknown" after DATA).
for (const code of ['5.2.0', '5.2.1', 'X.2.4']) {
  const row = TABLE.get(code);
  if (row) row.strongWhen = ['userunknown', 'filtered'];
}

/** A code is well-formed when it has class 2/4/5 and numeric subject and detail. */
export function isStatusCode(code: string | undefined): code is string {
  return !!code && /^[245]\.\d{1,3}\.\d{1,3}$/.test(code);
}

/** The row for an enhanced status code, class-specific row first. */
export function lookupStatus(code: string | undefined): StatusRow | undefined {
  if (!isStatusCode(code)) return undefined;
  return TABLE.get(code) ?? TABLE.get(`X${code.slice(1)}`);
}

/** Subject-level fallbacks when no enumerated code matches (X.6.* content, X.7.* security). */
export function lookupSubject(code: string | undefined): StatusRow | undefined {
  if (!isStatusCode(code)) return undefined;
  const subject = code.split('.')[1];
  if (subject === '6') return { cause: 'content-malformed', strength: 'weak', meaning: 'A content or media problem' };
  if (subject === '7') return { cause: 'sender-blocked', reason: 'securityerror', strength: 'weak', meaning: 'A security or policy problem' };
  return undefined;
}

export const STATUS_CODE_COUNT = TABLE.size;
