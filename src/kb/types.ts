/**
 * Vocabulary of the knowledge base. The tables under kb/ are typed against these,
 * so a new cause or mail system is a table row, never a new branch in code.
 */
import type { CauseId } from './cause-ids';
export type { CauseId } from './cause-ids';

/** Sisimai's reason names (v5), so results compare directly with the reference bounce parser. */
export const REASONS = [
  'userunknown', 'mailboxfull', 'mesgtoobig', 'hostunknown', 'networkerror', 'expired', 'blocked',
  'rejected', 'norelaying', 'policyviolation', 'securityerror', 'authfailure', 'spamdetected',
  'virusdetected', 'toomanyconn', 'speeding', 'requireptr', 'badreputation', 'failedstarttls',
  'notaccept', 'notcompliantrfc', 'suspend', 'filtered', 'hasmoved', 'exceedlimit', 'contenterror',
  'systemerror', 'systemfull', 'mailererror', 'syntaxerror', 'onhold', 'suppressed', 'delivered',
  'feedback', 'vacation', 'undefined',
] as const;
export type Reason = (typeof REASONS)[number];

/** Platforms we give resolution steps for. 'generic' is the fallback every cause must have. */
export const PLATFORMS = [
  'exchange-2003', 'exchange-onprem', 'exchange-online', 'google-workspace',
  'postfix', 'exim', 'sendmail', 'generic',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Who has to do something about a cause. */
export type Actor = 'sender-admin' | 'recipient-admin' | 'sender' | 'recipient' | 'nobody';

/** Probe checks a cause can be confirmed (or ruled out) by. Ids match probe finding ids. */
export interface ConfirmBy {
  /** Which host to probe: the remote host named in the bounce, the recipient's domain, or the sender's domain. */
  target: 'remote-host' | 'recipient-domain' | 'sender-domain';
  /** Finding ids that would confirm the cause (see probe/findings). */
  findings: string[];
  /** One sentence: what the probe shows and why that settles it. */
  note: string;
}

export interface Cause {
  id: CauseId;
  /** Short title, e.g. "Outbound SMTP authentication mismatch". */
  title: string;
  /** Plain-language explanation, two or three sentences, no jargon a help-desk engineer would not know. */
  summary: string;
  /** Sisimai reason this cause belongs to when no rule says otherwise. */
  reason: Reason;
  /** True when retrying can never succeed without a change. */
  hard: boolean;
  /** Who must act. */
  actor: Actor;
  /** Resolution steps per platform; 'generic' is required. Steps are imperative sentences; commands in backticks. */
  steps: Partial<Record<Platform, string[]>> & { generic: string[] };
  /**
   * Platforms whose step list is a complete procedure on its own. For other platforms the platform steps
   * add to the generic ones (explain shows generic first, then the platform's).
   */
  completeSteps?: Platform[];
  confirmBy?: ConfirmBy;
  /** Authoritative references (https URLs). */
  references: string[];
}
