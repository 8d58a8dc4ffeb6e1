/**
 * A knowledge-base rule: one server wording that names a cause. Rules are data; the classify
 * stage compiles them once and applies them in the order set by src/classify/precedence.ts.
 */
import type { CauseId, Reason } from '../types';
import type { ProviderId } from '../providers';

/**
 * How much a rule's wording decides on its own.
 * - 'provider': wording of one mailbox provider; applies only when that provider sent the reply.
 *   Beats everything, because providers reuse registered codes with other meanings.
 * - 'text':     an unambiguous generic wording ("user unknown", "relay access denied"); beats the status code.
 * - 'hint':     a weak wording ("connection timed out", "access denied") that decides only when the
 *   enhanced status code names no specific cause.
 */
export type RuleTier = 'provider' | 'text' | 'hint';

/** SMTP stage names as RecipientFact.command carries them. '' = the report names no stage. */
export type SmtpStage = 'CONN' | 'EHLO' | 'HELO' | 'STARTTLS' | 'AUTH' | 'MAIL' | 'RCPT' | 'DATA' | '';

export interface TextRule {
  /** Unique, stable, kebab-case; appears in ClassifiedRecipient.rule. */
  id: string;
  cause: CauseId;
  /** Sisimai reason when it differs from the cause's default reason. */
  reason?: Reason;
  /** Tested against the normalised diagnostic: lower-case, whitespace collapsed. Write it in lower case. */
  pattern: RegExp;
  /** Only when the reply came from this provider (see kb/providers). Required for tier 'provider'. */
  provider?: ProviderId;
  /**
   * Enhanced status code must be one of these. An entry ending in '.' or '*' is a prefix
   * ('4.7.' = any 4.7.x, '4.7.5*' = 4.7.5, 4.7.500 …); otherwise the code must be equal.
   * '' stands for "the report gives no status code".
   */
  status?: readonly string[];
  /** Enhanced status code must not be any of these (same notation as status). */
  statusNot?: readonly string[];
  /** Basic reply code must start with one of these ('550', '45'). */
  replyCode?: readonly string[];
  /** The failing SMTP stage must be one of these. */
  command?: readonly SmtpStage[];
  /** The failing SMTP stage must not be one of these. */
  commandNot?: readonly SmtpStage[];
  /**
   * true: only while delivery is still being retried (a delay report, action delayed); false: never then.
   * For wordings whose meaning turns on whether the sender gave up (an NXDOMAIN Gmail bounced vs one it retries).
   */
  delayed?: boolean;
  /** Only in reports written by one of these mail systems (ParsedReport.source.mta, e.g. 'googlegroups'). */
  mta?: readonly string[];
  /** The rule does not apply when this also matches (a wording that says the opposite). */
  unless?: RegExp;
  tier: RuleTier;
  /** Among matches of the same tier, lower goes first. Defaults to the reason's rank in precedence.ts. */
  priority?: number;
  /** A real server line, verbatim (addresses masked). The KB self-test classifies it. */
  example: string;
  /** Report fields the example line does not carry itself but came with (stage, status …); used by the self-test. */
  exampleFacts?: { status?: string; replyCode?: string; command?: SmtpStage; remoteHost?: string; mta?: string };
  /** Where the wording comes from: a URL, or 'corpus shape: lhost-postfix' and the like. */
  source: string;
}
