import type { CauseId } from './cause-ids';

/**
 * A symptom cause (e.g. 'delivery-expired', a bare #4.4.7) says what happened but not why.
 * When a report shows only the symptom, classify offers these candidates, ranked, each with
 * what would tell it apart from the others. Weights are relative within one symptom.
 */
export interface Candidate {
  cause: CauseId;
  weight: number;
  /** Raise this candidate when the report text matches (e.g. /auth/ raises outbound-auth-mismatch). */
  boostWhen?: RegExp;
  /** What would confirm or rule out this candidate: a log to read, a setting to look at, a probe to run. */
  tellApart: string;
}

export interface SymptomCandidates {
  symptom: CauseId;
  candidates: Candidate[];
}
