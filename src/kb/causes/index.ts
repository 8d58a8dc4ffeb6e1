/**
 * The cause catalogue: what each cause id means and what to do about it, per platform.
 * One file per family; this module joins them into one table keyed by id.
 * Every id in CAUSE_IDS has exactly one entry (test/kb/causes.test.ts holds that), and reason, hardness,
 * actor and title agree with the seed table in kb/cause-defaults.ts so rules and catalogue never disagree.
 */
import type { Cause, CauseId } from '../types';
import { RECIPIENT_CAUSES } from './recipient';
import { CONTENT_CAUSES } from './content';
import { REPUTATION_CAUSES } from './reputation';
import { SENDER_AUTH_CAUSES } from './sender-auth';
import { SENDER_ACCOUNT_CAUSES } from './sender-account';
import { ROUTING_CAUSES } from './routing';
import { SMTP_AUTH_CAUSES } from './smtp-auth';
import { TLS_CAUSES } from './tls';
import { NETWORK_CAUSES } from './network';
import { INFORMATIONAL_CAUSES } from './informational';

/** Families in display order; each is a list of catalogue entries. */
export const CAUSE_FAMILIES: Readonly<Record<string, readonly Cause[]>> = {
  recipient: RECIPIENT_CAUSES,
  content: CONTENT_CAUSES,
  reputation: REPUTATION_CAUSES,
  'sender-auth': SENDER_AUTH_CAUSES,
  'sender-account': SENDER_ACCOUNT_CAUSES,
  routing: ROUTING_CAUSES,
  'smtp-auth': SMTP_AUTH_CAUSES,
  tls: TLS_CAUSES,
  network: NETWORK_CAUSES,
  informational: INFORMATIONAL_CAUSES,
};

/** Every catalogue entry, in family order (duplicates would be caught by the tests). */
export const CAUSE_LIST: readonly Cause[] = Object.values(CAUSE_FAMILIES).flat();

export const CAUSES: Record<CauseId, Cause> = Object.fromEntries(
  CAUSE_LIST.map((c) => [c.id, c]),
) as Record<CauseId, Cause>;

/** The catalogue entry for an id, or undefined for an id the catalogue does not know (defensive for callers). */
export function getCause(id: string): Cause | undefined {
  return Object.prototype.hasOwnProperty.call(CAUSES, id) ? CAUSES[id as CauseId] : undefined;
}
