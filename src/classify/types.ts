/**
 * The diagnosis: a parsed report with a reason and cause per recipient and ranked causes overall.
 * This is the engine's answer; explain/ and render/ only present it.
 */
import type { ParsedReport, RecipientFact } from '../parse/types';
import type { Actor, CauseId, ConfirmBy, Platform, Reason } from '../kb/types';

export interface ClassifiedRecipient extends RecipientFact {
  /** Sisimai-vocabulary reason. */
  reason: Reason;
  /** Our finer cause id (kb/cause-ids). */
  cause: CauseId;
  /** True when retrying can never succeed without a change. */
  hard: boolean;
  /** Id of the knowledge-base rule that decided, or the fallback tier ('status:5.1.1', 'reply:5xx'). */
  rule?: string;
}

export type Confidence = 'high' | 'medium' | 'low';

export interface RankedCause {
  id: CauseId;
  title: string;
  summary: string;
  /** 1 = most likely. Ambiguous reports (a bare #4.4.7) yield several. */
  rank: number;
  confidence: Confidence;
  /** Why this cause is suggested, citing the evidence (rule matched, code seen). */
  why: string;
  /** What would tell this candidate apart from the others (a log to read, a probe to run). */
  tellApart?: string;
  actor: Actor;
  hard: boolean;
  steps: Partial<Record<Platform, string[]>>;
  confirmBy?: ConfirmBy;
  references: string[];
}

export interface Diagnosis extends Omit<ParsedReport, 'recipients'> {
  recipients: ClassifiedRecipient[];
  causes: RankedCause[];
  /** The platform the report suggests the user runs (from who wrote it), if any. */
  platform?: Platform;
}
