/**
 * Precedence is data. A recipient's evidence (the server's words, the enhanced status code, the
 * reply code, the SMTP stage) usually matches several knowledge-base entries; the first entry in
 * this order decides.
 *
 *   provider  wording of the provider that sent the reply (Gmail 5.7.27 = SPF did not pass, not
 *             the registry's "sender has null MX")
 *   text      unambiguous generic wording; strong status codes (5.2.2 mailbox full) sit here too,
 *             at their reason's place in TEXT_REASON_ORDER
 *   hint      weak wording ("connection timed out") that still beats a generic code
 *   status    the enhanced status code (normal rows)
 *   weak      generic codes (5.7.1, 4.4.7) and the code's subject (X.6 content, X.7 policy)
 *   reply     a local delivery program failed (x-unix), or the basic reply code names something
 *             (530 → authentication required, 556 → null MX, 501 → syntax)
 *   fallback  the action and stage alone (delayed → still retrying; refused at EHLO → blocked)
 *   residual  a reply code that only says "refused" (550, 554): a failure, too little detail to name it
 *
 * Within 'text' and 'hint', ties go by the reason orders below, which follow Sisimai's
 * classification order (BSD-2, (c) azumakuniyuki) so that our reasons agree with its.
 */
import type { Reason } from '../kb/types';

export const TIER_ORDER = ['provider', 'text', 'hint', 'status', 'weak', 'reply', 'fallback', 'residual'] as const;
export type DecisionTier = (typeof TIER_ORDER)[number];

export const TIER_RANK: Readonly<Record<DecisionTier, number>> = Object.fromEntries(
  TIER_ORDER.map((t, i) => [t, i]),
) as Record<DecisionTier, number>;

/** Order of reasons among unambiguous wordings and strong codes. */
export const TEXT_REASON_ORDER: readonly Reason[] = [
  'mailboxfull', 'mesgtoobig', 'exceedlimit', 'suspend', 'hasmoved', 'norelaying', 'authfailure',
  'userunknown', 'filtered', 'requireptr', 'notcompliantrfc', 'badreputation', 'contenterror',
  'rejected', 'hostunknown', 'spamdetected', 'speeding', 'toomanyconn', 'blocked',
  // Reasons Sisimai only reaches in its second pass; as unambiguous wordings they come after the above.
  'securityerror', 'failedstarttls', 'virusdetected', 'policyviolation', 'notaccept', 'networkerror',
  'systemerror', 'systemfull', 'mailererror', 'expired', 'syntaxerror', 'suppressed', 'onhold',
  'delivered', 'feedback', 'vacation', 'undefined',
];

/** Order of reasons among hint wordings. */
export const HINT_REASON_ORDER: readonly Reason[] = [
  'mailboxfull', 'authfailure', 'badreputation', 'speeding', 'spamdetected', 'virusdetected',
  'policyviolation', 'norelaying', 'systemerror', 'networkerror', 'suspend', 'contenterror',
  'systemfull', 'notaccept', 'expired', 'failedstarttls', 'securityerror', 'suppressed', 'mailererror',
  'userunknown', 'hostunknown', 'rejected', 'blocked', 'filtered', 'requireptr', 'notcompliantrfc',
  'mesgtoobig', 'exceedlimit', 'hasmoved', 'toomanyconn', 'syntaxerror', 'onhold', 'delivered',
  'feedback', 'vacation', 'undefined',
];

function rankOf(order: readonly Reason[]): Readonly<Record<string, number>> {
  return Object.fromEntries(order.map((r, i) => [r, i]));
}

export const TEXT_REASON_RANK = rankOf(TEXT_REASON_ORDER);
export const HINT_REASON_RANK = rankOf(HINT_REASON_ORDER);

/** SMTP stages before the message content is sent: a refusal here cannot be about the content. */
export const PRE_DATA_STAGES: readonly string[] = ['CONN', 'EHLO', 'HELO', 'STARTTLS', 'AUTH', 'MAIL', 'RCPT'];

/**
 * Causes that name a symptom, not a reason (a bare #4.4.7). When one of these is all a recipient
 * shows, classify looks for a specific cause elsewhere in the report and otherwise offers ranked
 * candidates (kb/candidates).
 */
export const SYMPTOM_CAUSES = ['delivery-expired', 'delivery-delayed', 'unknown'] as const;
