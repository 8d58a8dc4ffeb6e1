/**
 * classify: ParsedReport → Diagnosis. For each recipient, build the evidence (innermost reply,
 * best status code, provider), let the precedence engine pick the deciding knowledge-base entry,
 * then rank the distinct causes with the catalogue's explanations. Synchronous and allocation-light:
 * rules are compiled once at load.
 */
import type { ParsedReport, RecipientFact } from '../parse/types';
import type { CauseId } from '../kb/cause-ids';
import { CAUSE_DEFAULTS } from '../kb/cause-defaults';
import type { Reason } from '../kb/types';
import type { ClassifiedRecipient, Diagnosis } from './types';
import { buildEvidence, normalise, innermostReply, stageInWords, type Evidence } from './evidence';
import { decide, specificWording, type Decision } from './decide';
import { rankCauses, type Finding } from './rank';
import { platformOf } from './platform';
import { SYMPTOM_CAUSES } from './precedence';

export type { Diagnosis, ClassifiedRecipient, RankedCause } from './types';

const SYMPTOMS: ReadonlySet<string> = new Set(SYMPTOM_CAUSES);

/** Report kinds that are not failures: every recipient gets the same answer. */
const KIND_ANSWER: Partial<Record<ParsedReport['kind'], { cause: CauseId; reason: Reason; rule: string }>> = {
  feedback: { cause: 'feedback-report', reason: 'feedback', rule: 'kind:feedback' },
  autoreply: { cause: 'auto-reply', reason: 'vacation', rule: 'kind:autoreply' },
  delivered: { cause: 'delivered', reason: 'delivered', rule: 'kind:delivered' },
};

function isTransient(ev: Evidence, fact: RecipientFact, report: ParsedReport): boolean {
  const cls = ev.status?.[0] ?? ev.replyCode?.[0];
  return cls === '4' || fact.action === 'delayed' || report.kind === 'delay';
}

/** Evidence for the report's free text, used to find the real error behind a symptom. */
function reportTextEvidence(report: ParsedReport, ev: Evidence): Evidence | undefined {
  const text = normalise(report.text);
  if (!text || text === ev.text) return undefined;
  return Object.assign({}, ev, { text, inner: innermostReply(text), command: ev.command || stageInWords(text) });
}

/**
 * The recipient's facts with the verdict added. Object.assign, not `{ ...fact, reason, … }`: on
 * Node 20's V8, adding properties after a spread takes a slow path (about 1 µs per object, see
 * github.com/evanw/esbuild/issues/951), and this runs for every recipient.
 */
function classified(fact: RecipientFact, verdict: Pick<ClassifiedRecipient, 'reason' | 'cause' | 'hard' | 'rule'>): ClassifiedRecipient {
  return Object.assign({}, fact, verdict);
}

/**
 * @param words every recipient's normalised words when there are several (else empty), `index` this
 *   one's: a wording found in the report text that is another recipient's own error says nothing about this one.
 */
function classifyRecipient(fact: RecipientFact, report: ParsedReport, words: readonly string[], index: number): { recipient: ClassifiedRecipient; finding: Finding } {
  const answer = KIND_ANSWER[report.kind];
  const actionDelivered = fact.action === 'delivered' || fact.action === 'relayed' || fact.action === 'expanded';
  if (answer || actionDelivered) {
    const a = answer ?? { cause: 'delivered' as CauseId, reason: 'delivered' as Reason, rule: `action:${fact.action}` };
    const decision: Decision = { cause: a.cause, reason: a.reason, tier: 'status', rule: a.rule };
    return {
      recipient: classified(fact, { reason: a.reason, cause: a.cause, hard: false, rule: a.rule }),
      finding: { cause: a.cause, decision, words: fact.diagnostic },
    };
  }

  const ev = buildEvidence(fact, report);
  const decision = decide(ev);
  // A delay report's 4.4.7 means "still trying", not "gave up".
  if (ev.delayed && decision.cause === 'delivery-expired') decision.cause = 'delivery-delayed';
  // A symptom (expired, delayed, unknown): look for the real error elsewhere in the report.
  const symptom = SYMPTOMS.has(decision.cause) ? lookBehindSymptom(decision, ev, report, words, index) : undefined;
  const cause = decision.cause;
  const defaults = CAUSE_DEFAULTS[cause];
  const hard = defaults.hard && !isTransient(ev, fact, report);
  const recipient = classified(fact, { reason: decision.reason, cause, hard, rule: decision.rule });
  const finding: Finding = { cause, decision, words: fact.diagnostic };
  if (ev.status) finding.status = ev.status;
  const shown = symptom ?? (decision.symptom ? withStatus({ cause: decision.symptom.cause, rule: decision.symptom.rule }, ev) : undefined);
  if (shown) finding.symptom = shown;
  return { recipient, finding };
}

function withStatus(symptom: NonNullable<Finding['symptom']>, ev: Evidence): NonNullable<Finding['symptom']> {
  if (ev.status) symptom.status = ev.status;
  return symptom;
}

/**
 * When the recipient only shows a symptom, the report's other words may name the real error: then the
 * decision takes it (updated in place) and the symptom is returned, for the explanation. Apart from the
 * main path: only symptoms come here.
 */
function lookBehindSymptom(decision: Decision, ev: Evidence, report: ParsedReport, words: readonly string[], index: number): Finding['symptom'] {
  const textEv = reportTextEvidence(report, ev);
  const found = textEv ? specificWording(textEv, SYMPTOMS) : undefined;
  if (!found) return undefined;
  // a wording found in the report text that is another recipient's own error says nothing about this one
  if (found.matched !== undefined) {
    for (let j = 0; j < words.length; j++) if (j !== index && (words[j] as string).includes(found.matched)) return undefined;
  }
  const symptom = withStatus({ cause: decision.cause, rule: decision.rule }, ev);
  // The recipient's reason stays the symptom's (an expiry is an expiry) unless the recipient had
  // no words of its own, or nothing more than "unknown": then the report's words decide it too.
  const reason = !ev.text || found.cause === 'unknown' || decision.cause === 'unknown' ? found.reason : decision.reason;
  Object.assign(decision, { cause: found.cause, reason, tier: found.tier, rule: found.rule, matched: found.matched });
  return symptom;
}

/** A pasted line or text with no recipient list still deserves a reading: treat the text as one recipient. */
function recipientsOf(report: ParsedReport): RecipientFact[] {
  if (report.recipients.length > 0) return report.recipients;
  if ((report.kind === 'bounce' || report.kind === 'delay') && report.text.trim()) {
    return [{ address: '', diagnostic: report.text.trim() }];
  }
  return [];
}

export function classify(report: ParsedReport): Diagnosis {
  const facts = report.kind === 'not-a-bounce' ? [] : recipientsOf(report);
  const recipients: ClassifiedRecipient[] = [];
  const findings: Finding[] = [];
  const words = facts.length > 1 ? facts.map((f) => normalise(f.diagnostic)) : [];
  for (let i = 0; i < facts.length; i++) {
    // the other recipients' words are read by index (no per-recipient copy of the list)
    const { recipient, finding } = classifyRecipient(facts[i] as RecipientFact, report, words, i);
    recipients.push(recipient);
    findings.push(finding);
  }
  let context: string | undefined;
  const contextOf = () => (context ??= normalise(`${report.text} ${facts.map((f) => f.diagnostic).join(' ')}`));
  const { recipients: _parsed, ...fields } = report;
  const diagnosis: Diagnosis = Object.assign(fields, { recipients, causes: rankCauses(findings, contextOf) });
  const platform = platformOf(report);
  if (platform) diagnosis.platform = platform;
  return diagnosis;
}
