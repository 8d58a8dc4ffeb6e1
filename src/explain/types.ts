/**
 * What explain/ hands to the renderers (terminal text, Slack Block Kit): everything to say about a diagnosis
 * or a probe, already chosen and ordered, as plain data. Renderers only lay it out.
 *
 * Step text convention (kb/causes): plain imperative sentences; inline commands in `single backticks`; a
 * command that itself contains a backtick (sendmail m4 such as define(`SMART_HOST', …)) in ``double
 * backticks``. `stepSegments()` splits a step into text and code so renderers need not parse it.
 */
import type { Actor, CauseId, ConfirmBy, Platform } from '../kb/types';
import type { Confidence } from '../classify/types';
import type { DsnAction, ReportKind } from '../parse/types';
import type { Outcome, TargetKind } from '../probe/types';

/** The platform the steps are written for, and which others a UI could offer to switch to. */
export interface PlatformChoice {
  chosen: Platform;
  /** Display name, e.g. "Exchange Server 2003". */
  name: string;
  /** Where that platform's admin makes the change, e.g. "Exchange System Manager …". */
  adminTool: string;
  /** Where the choice came from: the caller's option, the report's writer, or the default. */
  source: 'option' | 'report' | 'default';
  /** Platforms with steps for the lead cause, in PLATFORMS order; always ends with 'generic'. */
  available: Platform[];
  /** False when the chosen platform has no steps of its own for the lead cause (generic steps are shown). */
  hasSteps: boolean;
}

/** One recipient, ready to show: the report's facts plus the cause classify gave it. */
export interface ExplainedRecipient {
  address: string;
  action?: DsnAction;
  status?: string;
  replyCode?: string;
  remoteHost?: string;
  remoteIp?: string;
  /** SMTP stage of the failure (RCPT, DATA …). */
  command?: string;
  /** The server's own words (secrets masked, bounded in length). */
  serverSaid: string;
  cause: CauseId;
  causeTitle: string;
  hard: boolean;
  /** One line: "address — status reply at COMMAND from host". */
  line: string;
}

/**
 * How a probe bears on a cause. 'confirmed': evidence for a cause the report itself points to.
 * 'supported': the same evidence for a mere candidate (e.g. an MX offering no AUTH is normal, so for a bare
 * #4.4.7 it only fits outbound-auth-mismatch). 'mixed': evidence both ways (several hosts).
 */
export type ProbeMatch = 'confirmed' | 'supported' | 'contradicted' | 'mixed';

/** One ranked cause with what to do about it on the chosen platform. */
export interface ExplainedCause {
  id: CauseId;
  /** 1 = most likely. */
  rank: number;
  title: string;
  summary: string;
  confidence: Confidence;
  /** Why classify suggests it (rule, code seen), or why explain added it (a common cause of the symptom). */
  why: string;
  actor: Actor;
  /** "Your mail administrator", "The recipient's mail administrator" … */
  actorLabel: string;
  hard: boolean;
  /** One sentence on whether retrying helps; absent for reports that are not failures. */
  retryAdvice?: string;
  /** Steps to show: the chosen platform's (with the generic ones unless the platform's stand alone), else generic. */
  steps: string[];
  /** The platform whose specific steps are included ('generic' when none were). */
  stepsPlatform: Platform;
  /** What tells this cause apart from the other candidates. */
  tellApart?: string;
  confirmBy?: ConfirmBy;
  references: string[];
  /** Set when a probe report was given and bears on this cause. */
  probe?: ProbeMatch;
}

/** The probe to run to confirm the lead cause. */
export interface ProbeSuggestion {
  /** The cause the probe would confirm. */
  cause: CauseId;
  /** Host, host:port or domain to probe. */
  target: string;
  targetKind: ConfirmBy['target'];
  /** Ready to type: `smtpcheck probe <target>` (with --rcpt when the check needs a recipient). */
  command: string;
  /** What the probe shows and why that settles it. */
  why: string;
  /** Finding ids that would confirm the cause. */
  lookFor: string[];
  /** True when the report named no remote host and the recipient domain stands in for it. */
  fallback?: boolean;
}

/** A probe finding as evidence about a cause. */
export interface EvidenceItem {
  findingId: string;
  outcome: Outcome;
  title: string;
  evidence?: string;
  host?: string;
  ms?: number;
  /** What this finding means for the cause being judged. */
  meaning: string;
  /** Causes this finding points to (finding-causes table). */
  causes: CauseId[];
}

/** What a probe report says about the diagnosis. */
export interface ProbeEvidence {
  target: string;
  /** The cause the evidence is about: the lead cause, or — when the probe says nothing about it — the first
   *  candidate it confirms or supports. */
  cause: CauseId;
  verdict: ProbeMatch | 'inconclusive';
  /** One sentence, first thing to show: "Confirmed: mx.example.com offers no AUTH — deliver anonymously". */
  line: string;
  confirming: EvidenceItem[];
  contradicting: EvidenceItem[];
  /** Other problems the probe found, with the causes they point to. */
  other: EvidenceItem[];
}

export interface Explanation {
  kind: ReportKind;
  /** The lead cause in one sentence, or "Not a bounce" / "Delivery is only delayed — still retrying" … */
  headline: string;
  /** A sentence under the headline (the current error of a delay, the probe's confirmation …). */
  lead?: string;
  platform: PlatformChoice;
  recipients: ExplainedRecipient[];
  /** Ranked causes, lead first. Empty for reports that are not failures and carry no cause. */
  causes: ExplainedCause[];
  confirm?: ProbeSuggestion;
  probeEvidence?: ProbeEvidence;
  /** References of the leading causes, de-duplicated. */
  references: string[];
  /** Problems met while reading the report (parse warnings). */
  notes: string[];
}

export interface ExplainOptions {
  platform?: Platform;
  probe?: import('../probe/types').ProbeReport;
}

// ---------------------------------------------------------------------------------------------
// Probe explanation
// ---------------------------------------------------------------------------------------------

export interface ExplainedFinding {
  id: string;
  outcome: Outcome;
  title: string;
  evidence?: string;
  host?: string;
  ms?: number;
  /** "120 ms", "2.3 s". */
  timing?: string;
  /** For fail/warn/error findings: the causes it points to, with their titles. */
  causes: { id: CauseId; title: string }[];
}

export interface FindingGroup {
  outcome: Outcome;
  /** "Problems", "Warnings", "Could not check", "Passed", "Skipped". */
  label: string;
  findings: ExplainedFinding[];
}

export interface HostSummary {
  /** `name[ip]:port`. */
  host: string;
  name: string;
  ip: string;
  port: number;
  banner?: string;
  /** "TLSv1.3 TLS_AES_256_GCM_SHA384". */
  tls?: string;
  authBefore: string[];
  authAfter: string[];
  /** Total time of the SMTP steps, in milliseconds. */
  ms: number;
  error?: string;
}

export interface ProbeExplanation {
  target: string;
  kind: TargetKind;
  outcome: Outcome;
  /** The verdict line, shown first. */
  verdict: string;
  startedAt: string;
  ms: number;
  /** Non-empty groups, worst first: fail, error, warn, pass, skip. */
  groups: FindingGroup[];
  counts: Record<Outcome, number>;
  hosts: HostSummary[];
  /** Causes the failures point to, most often named first. */
  pointsTo: { id: CauseId; title: string }[];
}
