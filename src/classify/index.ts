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
 * @param others the other recipients' normalised words: a wording found in the report text that is
 *   another recipient's own error says nothing about this one.
 */
function classifyRecipient(fact: RecipientFact, report: ParsedReport, others: readonly string[]): { recipient: ClassifiedRecipient; finding: Finding } {
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
  let cause = decision.cause;
  let symptom: Finding['symptom'];
  if (SYMPTOMS.has(cause)) {
    // A symptom (expired, delayed, unknown): look for the real error elsewhere in the report.
    const textEv = reportTextEvidence(report, ev);
    const found = textEv ? specificWording(textEv, SYMPTOMS) : undefined;
    const behind = found && !others.some((o) => found.matched !== undefined && o.includes(found.matched)) ? found : undefined;
    if (behind) {
      symptom = { cause, rule: decision.rule, ...(ev.status ? { status: ev.status } : {}) };
      cause = behind.cause;
      // The recipient's reason stays the symptom's (an expiry is an expiry) unless the recipient had
      // no words of its own, or nothing more than "unknown": then the report's words decide it too.
      const reason = !ev.text || cause === 'unknown' || decision.cause === 'unknown' ? behind.reason : decision.reason;
      Object.assign(decision, { cause: behind.cause, reason, tier: behind.tier, rule: behind.rule, matched: behind.matched });
    }
  }
  const defaults = CAUSE_DEFAULTS[cause];
  const hard = defaults.hard && !isTransient(ev, fact, report);
  const recipient = classified(fact, { reason: decision.reason, cause, hard, rule: decision.rule });
  if (!symptom && decision.symptom) symptom = { ...decision.symptom, ...(ev.status ? { status: ev.status } : {}) };
  const finding: Finding = { cause, decision, words: fact.diagnostic, ...(ev.status ? { status: ev.status } : {}), ...(symptom ? { symptom } : {}) };
  return { recipient, finding };
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
    const others = words.length ? words.filter((_, j) => j !== i) : words;
    const { recipient, finding } = classifyRecipient(facts[i] as RecipientFact, report, others);
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
