/**
 * The explain stage: a diagnosis (optionally with a probe report) or a probe report → what to tell the user,
 * as plain data for the renderers. Pure functions, no I/O.
 */
export { explainDiagnosis } from './diagnosis';
export { explainProbe, formatMs } from './probe';
export { stepSegments, type StepSegment } from './steps';
export { FINDING_CAUSES, CONTRADICTED_BY } from './finding-causes';
export type {
  EvidenceItem, ExplainedCause, ExplainedFinding, ExplainedRecipient, Explanation, ExplainOptions, FindingGroup,
  HostSummary, PlatformChoice, ProbeEvidence, ProbeExplanation, ProbeMatch, ProbeSuggestion,
} from './types';
