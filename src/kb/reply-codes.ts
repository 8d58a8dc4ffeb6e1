/**
 * Basic SMTP reply code (RFC 5321 §4.2, plus the AUTH/TLS/null-MX replies of RFC 4954, 3207, 7504)
 * → the cause it names. The last resort of the precedence chain: used only when no wording rule and
 * no enhanced status code decided. Most plain replies say little, so they map to 'unknown' with
 * Sisimai's 'onhold' ("a failure, too little detail to name it").
 */
import type { CauseId } from './cause-ids';
import type { Reason } from './types';

export interface ReplyRow {
  cause: CauseId;
  reason: Reason;
  meaning: string;
}

type Row = readonly [code: string, cause: CauseId, reason: Reason, meaning: string];

const ROWS: readonly Row[] = [
  ['421', 'host-not-accepting', 'onhold', 'Service not available, closing the connection'],
  ['450', 'unknown', 'onhold', 'Mailbox unavailable right now (busy, or blocked by policy)'],
  ['451', 'remote-system-error', 'onhold', 'Local error in processing; try again later'],
  ['452', 'remote-storage-full', 'onhold', 'Insufficient system storage (or too many recipients)'],
  ['454', 'starttls-failed', 'onhold', 'TLS or authentication temporarily unavailable'],
  ['432', 'smart-host-auth-failed', 'securityerror', 'A password transition is needed'],
  // Sisimai counts 401–407 and 501–507 as command syntax errors.
  ['401', 'smtp-syntax-error', 'syntaxerror', 'Syntax error'],
  ['402', 'smtp-syntax-error', 'syntaxerror', 'Syntax error'],
  ['403', 'smtp-syntax-error', 'syntaxerror', 'Syntax error'],
  ['404', 'smtp-syntax-error', 'syntaxerror', 'Syntax error'],
  ['405', 'smtp-syntax-error', 'syntaxerror', 'Syntax error'],
  ['406', 'smtp-syntax-error', 'syntaxerror', 'Syntax error'],
  ['407', 'smtp-syntax-error', 'syntaxerror', 'Syntax error'],
  ['500', 'smtp-syntax-error', 'onhold', 'Command not recognised'],
  ['501', 'smtp-syntax-error', 'syntaxerror', 'Syntax error in parameters or arguments'],
  ['502', 'smtp-syntax-error', 'syntaxerror', 'Command not implemented'],
  ['503', 'smtp-syntax-error', 'syntaxerror', 'Bad sequence of commands'],
  ['504', 'smtp-syntax-error', 'syntaxerror', 'Command parameter not implemented'],
  ['505', 'smtp-syntax-error', 'syntaxerror', 'Syntax error'],
  ['506', 'smtp-syntax-error', 'syntaxerror', 'Syntax error'],
  ['507', 'smtp-syntax-error', 'syntaxerror', 'Syntax error'],
  ['521', 'host-not-accepting', 'notaccept', 'The host does not accept mail (RFC 7504)'],
  ['523', 'tls-required-for-auth', 'securityerror', 'Encryption is needed before this authentication'],
  ['525', 'account-sending-blocked', 'suspend', 'The account is disabled'],
  ['530', 'auth-required', 'securityerror', 'Authentication (or STARTTLS) required'],
  ['534', 'auth-mechanism-unsupported', 'securityerror', 'Authentication mechanism is too weak'],
  ['535', 'smart-host-auth-failed', 'securityerror', 'Authentication credentials invalid'],
  ['538', 'tls-required-for-auth', 'securityerror', 'Encryption required for the requested authentication'],
  ['550', 'unknown', 'onhold', 'Requested action not taken: mailbox unavailable or refused by policy'],
  ['551', 'recipient-moved', 'onhold', 'User not local'],
  ['552', 'unknown', 'onhold', 'Requested action aborted: exceeded storage allocation'],
  ['553', 'unknown', 'onhold', 'Requested action not taken: mailbox name not allowed'],
  ['554', 'unknown', 'onhold', 'Transaction failed'],
  ['556', 'null-mx', 'notaccept', 'The domain does not accept mail (null MX, RFC 7504)'],
];

const TABLE = new Map<string, ReplyRow>(ROWS.map(([code, cause, reason, meaning]) => [code, { cause, reason, meaning }]));

export function isReplyCode(code: string | undefined): code is string {
  return !!code && /^[2-5]\d\d$/.test(code);
}

export function lookupReply(code: string | undefined): ReplyRow | undefined {
  if (!isReplyCode(code)) return undefined;
  return TABLE.get(code);
}
