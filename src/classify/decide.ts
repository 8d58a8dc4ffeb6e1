/**
 * One recipient's evidence → the deciding knowledge-base entry. Every entry that matches becomes a
 * candidate; precedence.ts orders them; the first one decides. No knowledge lives here: wordings are
 * in kb/rules, codes in kb/status-codes and kb/reply-codes.
 */
import type { CauseId } from '../kb/cause-ids';
import { CAUSE_DEFAULTS } from '../kb/cause-defaults';
import type { Reason } from '../kb/types';
import { RULES } from '../kb/rules';
import type { TextRule } from '../kb/rules/types';
import { lookupStatus, lookupSubject } from '../kb/status-codes';
import { lookupReply } from '../kb/reply-codes';
import { candidateRules, compileRules, type CompiledRule } from './matcher';
import type { Evidence } from './evidence';
import { SYMPTOM_CAUSES, TEXT_REASON_RANK, TIER_RANK, type DecisionTier } from './precedence';

const SYMPTOMS: ReadonlySet<string> = new Set(SYMPTOM_CAUSES);

export interface Decision {
  cause: CauseId;
  reason: Reason;
  tier: DecisionTier;
  /** Rule id, or 'status:5.1.1', 'reply:550', 'fallback:delayed' … */
  rule: string;
  /** The words that matched, for the explanation. */
  matched?: string;
  /** Plain meaning of the code that decided, when a code decided. */
  meaning?: string;
  /** A symptom the same evidence also shows (a 4.4.7 status behind a specific refusal), if any. */
  symptom?: { cause: CauseId; rule: string };
}

interface Candidate extends Decision {
  rank: number;
  length: number;
  order: number;
}

const TABLE = compileRules(RULES);
const COMPILED: readonly CompiledRule[] = TABLE.rules;

function startsWithAny(value: string | undefined, prefixes: readonly string[]): boolean {
  if (!value) return false;
  for (const p of prefixes) if (value.startsWith(p)) return true;
  return false;
}

/** Status notation of TextRule.status: 'a.b.c' exact, 'a.b.' or 'a.b.c*' prefix. */
function statusIn(value: string | undefined, entries: readonly string[]): boolean {
  if (!value) return entries.includes('');
  for (const e of entries) {
    if (e.endsWith('*') ? value.startsWith(e.slice(0, -1)) : e.endsWith('.') ? value.startsWith(e) : value === e) return true;
  }
  return false;
}

function constraintsHold(r: TextRule, ev: Evidence): boolean {
  if (r.provider && r.provider !== ev.provider) return false;
  if (r.mta && !r.mta.includes(ev.mta)) return false;
  if (r.delayed !== undefined && r.delayed !== ev.delayed) return false;
  if (r.status && !statusIn(ev.status, r.status)) return false;
  if (r.statusNot && statusIn(ev.status, r.statusNot)) return false;
  if (r.replyCode && !startsWithAny(ev.replyCode, r.replyCode)) return false;
  if (r.command && !r.command.includes(ev.command)) return false;
  if (r.commandNot && r.commandNot.includes(ev.command)) return false;
  return true;
}

/** Test a rule on one text; the match, or undefined. */
function tryRule(c: CompiledRule, text: string): string | undefined {
  if (!text) return undefined;
  const m = c.rule.pattern.exec(text);
  if (!m) return undefined;
  if (c.rule.unless?.test(text)) return undefined;
  return m[0];
}

/** All rules whose wording matches, innermost reply first. */
export function matchRules(ev: Evidence, tiers?: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  const two = ev.inner !== ev.text;
  // Only rules whose anchors occur in the text are tested. With two texts the innermost reply (a part of
  // the text) is tried first: a pattern that fails there fails fast in native code, cheaper than a
  // second anchor scan to rule it out.
  const candidates = candidateRules(TABLE, ev.text);
  for (let k = 0; k < candidates.length; k++) {
    const c = COMPILED[candidates[k] as number] as CompiledRule;
    if (tiers && !tiers.has(c.rule.tier)) continue;
    if (!constraintsHold(c.rule, ev)) continue;
    const matched = tryRule(c, ev.inner) ?? (two ? tryRule(c, ev.text) : undefined);
    if (matched === undefined) continue;
    out.push({
      cause: c.rule.cause, reason: c.reason, tier: c.rule.tier, rule: c.rule.id, matched,
      rank: c.rank, length: matched.length, order: c.index,
    });
  }
  return out;
}

function statusCandidates(ev: Evidence, words: readonly Candidate[]): Candidate[] {
  const row = lookupStatus(ev.status);
  const out: Candidate[] = [];
  if (row) {
    const reason = row.reason ?? CAUSE_DEFAULTS[row.cause].reason;
    let tier: DecisionTier = row.strength === 'strong' ? 'text' : row.strength === 'normal' ? 'status' : 'weak';
    if (row.strongWhen && words.some((w) => row.strongWhen?.includes(w.reason))) tier = 'text';
    if (tier === 'text' && row.yieldsTo && words.some((w) => row.yieldsTo?.includes(w.reason))) tier = 'status';
    out.push({
      cause: row.cause, reason, tier, rule: `status:${ev.status}`, meaning: row.meaning,
      rank: TEXT_REASON_RANK[reason] ?? 99, length: 0, order: -1,
    });
  } else {
    const subject = lookupSubject(ev.status);
    if (subject) {
      out.push({
        cause: subject.cause, reason: subject.reason ?? CAUSE_DEFAULTS[subject.cause].reason, tier: 'weak',
        rule: `status:${ev.status}`, meaning: subject.meaning, rank: 50, length: 0, order: -1,
      });
    }
  }
  return out;
}

function replyCandidates(ev: Evidence): Candidate[] {
  const out: Candidate[] = [];
  if (ev.unixMailer) {
    out.push({ cause: 'local-delivery-failed', reason: 'mailererror', tier: 'reply', rule: 'fallback:x-unix', rank: 0, length: 0, order: -1 });
  }
  const row = lookupReply(ev.replyCode);
  if (row) {
    out.push({
      cause: row.cause, reason: row.reason, tier: row.reason === 'onhold' ? 'residual' : 'reply',
      rule: `reply:${ev.replyCode}`, meaning: row.meaning, rank: 1, length: 0, order: -1,
    });
  } else if (ev.replyCode) {
    out.push({
      cause: 'unknown', reason: 'onhold', tier: 'residual', rule: `reply:${ev.replyCode[0]}xx`,
      rank: 2, length: 0, order: -1,
    });
  }
  if (ev.delayed) {
    out.push({ cause: 'delivery-delayed', reason: 'expired', tier: 'fallback', rule: 'fallback:delayed', rank: 0, length: 0, order: -1 });
  }
  if (ev.command === 'EHLO' || ev.command === 'HELO') {
    out.push({ cause: 'sender-blocked', reason: 'blocked', tier: 'fallback', rule: 'fallback:refused-at-helo', rank: 1, length: 0, order: -1 });
  }
  return out;
}

function toDecision(c: Candidate): Decision {
  const d: Decision = { cause: c.cause, reason: c.reason, tier: c.tier, rule: c.rule };
  if (c.matched !== undefined) d.matched = c.matched;
  if (c.meaning !== undefined) d.meaning = c.meaning;
  return d;
}

function better(a: Candidate, b: Candidate): number {
  return TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.rank - b.rank || b.length - a.length || a.order - b.order;
}

/** The best of some candidates by precedence (the first of equals, as a stable sort would put it), or undefined. */
function best(candidates: readonly Candidate[], keep?: (c: Candidate) => boolean): Candidate | undefined {
  let top: Candidate | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (keep && !keep(c)) continue;
    if (!top || better(c, top) < 0) top = c;
  }
  return top;
}

const isSymptom = (c: Candidate): boolean => SYMPTOMS.has(c.cause) && c.cause !== 'unknown';

/** The deciding entry for one recipient. */
export function decide(ev: Evidence): Decision {
  if (ev.status?.startsWith('2.')) {
    return { cause: 'delivered', reason: 'delivered', tier: 'status', rule: `status:${ev.status}` };
  }
  const words = matchRules(ev);
  const all = words.concat(statusCandidates(ev, words), replyCandidates(ev));
  const top = best(all);
  if (!top) {
    return { cause: 'unknown', reason: ev.text ? 'onhold' : 'undefined', tier: 'residual', rule: 'fallback:none' };
  }
  const decision = toDecision(top);
  if (!SYMPTOMS.has(decision.cause)) {
    const symptom = best(all, isSymptom);
    if (symptom) decision.symptom = { cause: symptom.cause, rule: symptom.rule };
  }
  return decision;
}

const SPECIFIC_TIERS: ReadonlySet<string> = new Set(['provider', 'text', 'hint']);

/** The best wording rule in some other text of the report (the "last error" behind a symptom). */
export function specificWording(ev: Evidence, exclude: ReadonlySet<string>): Decision | undefined {
  const found = best(matchRules(ev, SPECIFIC_TIERS), (c) => !exclude.has(c.cause));
  return found ? toDecision(found) : undefined;
}
