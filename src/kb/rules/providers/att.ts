/**
 * AT&T (att.net, sbcglobal.net, bellsouth.net). AT&T's block notices point to att.net/blocks.
 */
import type { TextRule } from '../types';

const p = 'att' as const;

export const ATT_RULES: readonly TextRule[] = [
  {
    id: 'att-blocked-for-abuse', cause: 'spam-content', reason: 'spamdetected', tier: 'provider', provider: p,
    pattern: /blocked for abuse\. see http:\/\/att\.net\/blocks/,
    example: '553 5.3.0 flpd575 DNSBL:RBL 521< 192.0.2.1 >_is_blocked.For assistance forward this error to abuse_rbl@abuse-att.net; Blocked for abuse. See http://att.net/blocks',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-spamdetected.go',
  },
  {
    id: 'att-dnsbl', cause: 'ip-blocklisted', tier: 'provider', provider: p,
    pattern: /dnsbl:rbl \d+< [^>]+ >_is_blocked|dnsbl:attrbl/,
    example: '553 5.3.0 alph593 DNSBL:RBL 521< 192.0.2.1 >_is_blocked.For assistance forward this error to abuse_rbl@abuse-att.net',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-blocked.go',
  },
  {
    id: 'att-sms-restricted', cause: 'content-filtered', reason: 'filtered', tier: 'provider', provider: p,
    pattern: /has restricted sms e-mail/,
    example: '550 5.2.1 <kijitora@txt.att.net>... User has restricted SMS e-mail',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-filtered.go',
  },
];
