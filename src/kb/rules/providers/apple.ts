/**
 * Apple iCloud Mail. Source: https://support.apple.com/en-us/102322 (postmaster information);
 * rows cross-checked with Sisimai's Apple table (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from '../types';

const A = 'https://support.apple.com/en-us/102322';
const p = 'apple' as const;

export const APPLE_RULES: readonly TextRule[] = [
  {
    id: 'apple-dmarc', cause: 'dmarc-reject', tier: 'provider', provider: p,
    pattern: /'s dmarc policy|s dmarc policy/,
    example: "554 5.7.1 Your message was rejected due to example.org's DMARC policy. See https://support.apple.com/en-us/HT204137 for",
    source: A,
  },
  {
    id: 'apple-spf-dkim', cause: 'auth-records-missing', tier: 'provider', provider: p,
    pattern: /blocked for failing both spf and dkim aut(?:h)?entication checks/,
    example: '554 5.7.1 [HME1] This message was blocked for failing both SPF and DKIM authentication checks. See https://support.apple.com/en-us/HT204137 for mailing best practices',
    source: A,
  },
  {
    id: 'apple-blocklist', cause: 'ip-blocklisted', tier: 'provider', provider: p,
    pattern: /rejected due to having a domain present in the spamhaus|rejected due to listing in spamhaus|blocked - see https:\/\/support\.proofpoint\.com\/dnsbl-lookup/,
    example: '550 5.7.1 Mail from IP 192.0.2.1 was rejected due to listing in Spamhaus SBL. For details please see http://www.spamhaus.org/query/bl?ip=192.0.2.1',
    source: A,
  },
  {
    id: 'apple-not-accepting-connections', cause: 'host-not-accepting', reason: 'blocked', tier: 'provider', provider: p,
    pattern: /not accepting connections/,
    example: '554 st11p00im-smtpin005.me.com ESMTP not accepting connections',
    source: A,
  },
  {
    id: 'apple-moved', cause: 'recipient-moved', tier: 'provider', provider: p,
    pattern: /recipient no longer on server/,
    example: '550 5.1.6 recipient no longer on server: kijitora@icloud.com',
    source: A,
  },
  {
    id: 'apple-over-quota', cause: 'mailbox-full', tier: 'provider', provider: p,
    pattern: /user is over quota/,
    example: '552 5.2.2 <kijitora@icloud.com>: user is over quota',
    source: A,
  },
  {
    id: 'apple-relay', cause: 'relay-denied', tier: 'provider', provider: p,
    pattern: /relay access denied/,
    example: '554 5.7.1 <kijitora@icloud.com>: Relay access denied',
    source: A,
  },
  {
    id: 'apple-local-policy', cause: 'content-filtered', reason: 'policyviolation', tier: 'provider', provider: p,
    pattern: /due to local policy/,
    example: '550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137',
    source: A,
  },
  {
    id: 'apple-sender-rejected', cause: 'sender-rejected', tier: 'provider', provider: p,
    pattern: /sender address rejected/,
    example: '450 4.1.8 <kijitora@example.jp>: Sender address rejected: Domain not found',
    source: A,
  },
  {
    id: 'apple-excessive-volume', cause: 'rate-limited', tier: 'provider', provider: p,
    pattern: /due to excessive volume/,
    example: '421 4.7.1 Messages to kijitora@icloud.com deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137',
    source: A,
  },
  {
    id: 'apple-user-unknown', cause: 'recipient-unknown', tier: 'provider', provider: p,
    pattern: /inactive email address|user does not exist|unknown or illegal alias/,
    example: '550 5.1.1 unknown or illegal alias: kijitora@icloud.com',
    source: A,
  },
];
