/**
 * AOL. Most AOL replies now come from Yahoo's platform (providers/yahoo.ts); these are AOL's own
 * relay wordings. Rows learnt from Sisimai's Aol table (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from '../types';

const p = 'aol' as const;

export const AOL_RULES: readonly TextRule[] = [
  {
    id: 'aol-null-mx', cause: 'recipient-domain-unknown', reason: 'notaccept', tier: 'provider', provider: p,
    pattern: /type=mx: malformed or unexpected name server reply/,
    example: 'Name service error for name=example.org type=MX: Malformed or unexpected name server reply',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/rhost/for-aol.go',
  },
  {
    id: 'aol-host-unknown', cause: 'recipient-domain-unknown', tier: 'provider', provider: p,
    pattern: /host or domain name not found/,
    example: 'Host or domain name not found. Name service error for name=example.jp type=A: Host not found',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/rhost/for-aol.go',
  },
  {
    id: 'aol-only-specific-senders', cause: 'recipient-restricted-senders', reason: 'filtered', tier: 'provider', provider: p,
    pattern: /recipient is only accepting mail from specific email addresses|not accepting mail with (?:attachments|embedded images)/,
    example: '554 5.7.1 The recipient is only accepting mail from specific email addresses. (in reply to RCPT TO command)',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-filtered.go',
  },
];
