/**
 * Yahoo (and AOL, which shares Yahoo's mail platform). Source: https://senders.yahooinc.com/smtp-error-codes/
 * and shared/reference/ndr-facts.md §4.3; rows cross-checked with Sisimai's YahooInc table (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from '../types';

const Y = 'https://senders.yahooinc.com/smtp-error-codes/';
const p = 'yahoo' as const;

export const YAHOO_RULES: readonly TextRule[] = [
  {
    id: 'yahoo-unauthenticated', cause: 'auth-records-missing', tier: 'provider', provider: p,
    pattern: /yahoo requires all senders to authenticate with either spf or dkim|sender is unauthenticated/,
    example: '550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM.',
    source: Y,
  },
  {
    // Yahoo's 554 5.7.9 "not accepted for policy reasons" is usually a DMARC/DKIM failure; Sisimai names it policyviolation.
    id: 'yahoo-policy-reasons', cause: 'dmarc-reject', reason: 'policyviolation', tier: 'provider', provider: p,
    pattern: /not accepted for policy reasons/,
    unless: /\[ph0\d\]/,
    example: '554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes',
    source: 'https://help.yahoo.com/kb/SLN7253.html',
  },
  {
    id: 'yahoo-content-policy', cause: 'spam-content', reason: 'policyviolation', tier: 'provider', provider: p,
    pattern: /\[ph0\d\]/,
    example: '554 Message not allowed - [PH01] Email not accepted for policy reasons. Please visit https://postmaster.yahooinc.com/error-codes',
    source: Y,
  },
  {
    id: 'yahoo-spamhaus', cause: 'ip-blocklisted', tier: 'provider', provider: p,
    pattern: /because the ip is in spamhaus's list|not accepted from ip addresses on spamhaus xbl|\[bl2\d\]/,
    example: "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.25, because the ip is in Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html",
    source: Y,
  },
  {
    id: 'yahoo-tss04', cause: 'bad-reputation', tier: 'provider', provider: p,
    pattern: /temporarily deferred due to unexpected volume or user complaints|\[tss04\]/,
    example: '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    source: Y,
  },
  {
    id: 'yahoo-permanently-deferred', cause: 'sender-blocked', reason: 'rejected', tier: 'provider', provider: p,
    pattern: / will be permanently deferred|\[tss(?:09|11)\]/,
    example: '553 5.7.2 [TSS09] All messages from 192.0.2.25 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes',
    source: Y,
  },
  {
    id: 'yahoo-unresolvable-from', cause: 'sender-domain-invalid', tier: 'provider', provider: p,
    pattern: /unresolvable rfc\.?5321 (?:from )?domain/,
    example: '451 Message temporarily deferred due to unresolvable RFC.5321 from domain. See https://senders.yahooinc.com/error-codes#unresolvable-from-domain',
    source: Y,
  },
  {
    id: 'yahoo-relaying-denied', cause: 'relay-denied', tier: 'provider', provider: p,
    pattern: /relaying denied for /,
    example: '550 relaying denied for <kijitora@yahoo.com>',
    source: Y,
  },
  {
    id: 'yahoo-not-rfc', cause: 'not-rfc-compliant', tier: 'provider', provider: p,
    pattern: /headers are not rfc compliant/,
    example: '554 5.7.1 Headers are not RFC compliant',
    source: Y,
  },
  {
    id: 'yahoo-too-fast', cause: 'rate-limited', tier: 'provider', provider: p,
    pattern: /user is receiving mail too quickly/,
    example: '450 User is receiving mail too quickly',
    source: Y,
  },
  {
    id: 'yahoo-per-connection', cause: 'too-many-connections', tier: 'provider', provider: p,
    pattern: /max message per connection reached/,
    example: '421 Max message per connection reached, closing transmission channel',
    source: Y,
  },
  {
    id: 'yahoo-disabled', cause: 'mailbox-disabled', tier: 'provider', provider: p,
    pattern: / is no longer valid\.|this mailbox is disabled/,
    example: '554 30 Sorry, your message to kijitora@aol.jp cannot be delivered. This mailbox is disabled (554.30)',
    source: Y,
  },
  {
    id: 'yahoo-user-unknown', cause: 'recipient-unknown', tier: 'provider', provider: p,
    pattern: /dd this user doesn't have a |mailbox not found/,
    example: "554 delivery error: dd This user doesn't have a yahoo.com account (kijitora@yahoo.com) [0] - mta1061.mail.ne1.yahoo.com",
    source: Y,
  },
  {
    id: 'yahoo-syntax', cause: 'smtp-syntax-error', tier: 'provider', provider: p,
    pattern: /syntax error in parameters or arguments/,
    example: '501 Syntax error in parameters or arguments',
    source: Y,
  },
];
