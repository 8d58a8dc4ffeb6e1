/**
 * Distinct causes over all recipients → ranked, fully described causes. A cause decided by clear
 * words ranks high; a symptom alone (a bare #4.4.7) yields the usual candidates behind it, each
 * with what would tell it apart, and never one confident guess.
 */
import type { CauseId } from '../kb/cause-ids';
import { CAUSE_DEFAULTS } from '../kb/cause-defaults';
import { CAUSES } from '../kb/causes';
import { candidatesFor, SYMPTOM_CANDIDATES } from '../kb/candidates';
import type { Cause } from '../kb/types';
import { collapseWhitespace } from '../parse/whitespace';
import type { Confidence, RankedCause } from './types';
import type { Decision } from './decide';
import { TIER_RANK, type DecisionTier } from './precedence';

/** What one recipient contributed to the overall picture. */
export interface Finding {
  cause: CauseId;
  decision: Decision;
  /** The recipient's own words (trimmed), for `why`. */
  words: string;
  status?: string;
  /** Set when the recipient only showed a symptom and the cause was read elsewhere in the report. */
  symptom?: { cause: CauseId; rule: string; status?: string };
}

const CONFIDENCE_BY_TIER: Readonly<Record<DecisionTier, Confidence>> = {
  provider: 'high', text: 'high', hint: 'medium', status: 'medium', weak: 'low', reply: 'low', fallback: 'low', residual: 'low',
};

/** Causes that name a symptom: those kb/candidates lists candidates for. */
const SYMPTOM_IDS: ReadonlySet<CauseId> = new Set<CauseId>(SYMPTOM_CANDIDATES.map((s) => s.symptom));

/** Each symptom's table weights by candidate (static, so built once): a higher weight means candidatesFor boosted it. */
const BASE_WEIGHTS = new Map<CauseId, ReadonlyMap<CauseId, number>>();
for (const s of SYMPTOM_CANDIDATES) {
  if (!BASE_WEIGHTS.has(s.symptom)) BASE_WEIGHTS.set(s.symptom, new Map(s.candidates.map((c) => [c.cause, c.weight])));
}
const NO_WEIGHTS: ReadonlyMap<CauseId, number> = new Map();

const CONFIDENCE_ORDER: Readonly<Record<Confidence, number>> = { high: 0, medium: 1, low: 2 };

function catalogue(id: CauseId): Cause | undefined {
  return Object.prototype.hasOwnProperty.call(CAUSES, id) ? CAUSES[id] : undefined;
}

type Description = Omit<RankedCause, 'rank' | 'confidence' | 'why' | 'tellApart'>;
const DESCRIPTIONS = new Map<CauseId, Description>();

/** The catalogue's description of a cause (the seed table's title when the catalogue lacks it). Cached: the catalogue is static. */
function describe(id: CauseId): Description {
  let d = DESCRIPTIONS.get(id);
  if (!d) { d = describeUncached(id); DESCRIPTIONS.set(id, d); }
  return d;
}

function describeUncached(id: CauseId): Description {
  const entry = catalogue(id);
  const defaults = CAUSE_DEFAULTS[id];
  const out: Omit<RankedCause, 'rank' | 'confidence' | 'why' | 'tellApart'> = {
    id,
    title: entry?.title ?? defaults.title,
    summary: entry?.summary ?? defaults.title,
    actor: entry?.actor ?? defaults.actor,
    hard: entry?.hard ?? defaults.hard,
    steps: entry?.steps ?? {},
    references: entry?.references ?? [],
  };
  if (entry?.confirmBy) out.confirmBy = entry.confirmBy;
  return out;
}

function quote(words: string): string {
  const w = collapseWhitespace(words).trim();
  return w.length > 160 ? `${w.slice(0, 157)}…` : w;
}

function evidenceLine(f: Finding): string {
  const d = f.decision;
  if (d.rule.startsWith('status:')) return `status ${f.status ?? d.rule.slice(7)}${d.meaning ? ` (${d.meaning})` : ''}`;
  if (d.rule.startsWith('reply:')) return `reply ${d.rule.slice(6)}${d.meaning ? ` (${d.meaning})` : ''}`;
  if (d.rule.startsWith('fallback:')) return d.rule === 'fallback:delayed' ? 'the report says delivery is delayed and still being retried' : `no specific wording (${d.rule.slice(9)})`;
  return `the words "${quote(d.matched ?? f.words)}" (rule ${d.rule})`;
}

function lowerFirst(s: string): string {
  return s ? s[0]?.toLowerCase() + s.slice(1) : s;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface Group { cause: CauseId; findings: Finding[]; tier: DecisionTier; first: number }

/** A cause on its way to the ranking: the shared catalogue description and what this report adds. */
interface Ranked {
  description: Description;
  confidence: Confidence;
  why: string;
  tellApart?: string;
  /** Recipients behind it (a symptom's candidates: below 1, in their table's order). */
  weight: number;
  /** Position of its first recipient, the last tie-breaker. */
  first: number;
}

/** A symptom alone: what usually lies behind it, strongest first (kb/candidates orders them); false when the table has none. */
function pushSymptomCandidates(g: Group, contextOf: () => string, ranked: Ranked[]): boolean {
  const candidates = candidatesFor(g.cause, contextOf());
  if (candidates.length === 0) return false;
  const base = BASE_WEIGHTS.get(g.cause) ?? NO_WEIGHTS;
  // The same two sentences serve every candidate of the symptom: built once, not per candidate.
  const shows = `The report only shows a symptom for ${plural(g.findings.length, 'recipient')}: ${lowerFirst(describe(g.cause).title)} (${evidenceLine(g.findings[0] as Finding)}). `;
  const why = `${shows}This is one of the usual causes behind it.`;
  const whyPointed = `${shows}This is one of the usual causes behind it, and the report's wording points to it.`;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as (typeof candidates)[number];
    // candidatesFor raises a candidate's weight when the report's words point to it.
    const boosted = c.weight > (base.get(c.cause) ?? c.weight);
    ranked.push({
      description: describe(c.cause),
      confidence: boosted ? 'medium' : 'low',
      why: boosted ? whyPointed : why,
      tellApart: c.tellApart,
      // Below any cause decided by words (weight = recipients ≥ 1), in the table's order.
      weight: 0.5 - i / 1000,
      first: g.first,
    });
  }
  return true;
}

/** A cause decided by the recipients' own evidence. */
function decidedCause(g: Group): Ranked {
  const n = g.findings.length;
  const sample = g.findings[0] as Finding;
  const symptomNote = sample.symptom
    ? ` The report also shows the symptom — ${lowerFirst(describe(sample.symptom.cause).title)}${sample.symptom.status ? ` (${sample.symptom.status})` : ''}; this is the error behind it.`
    : '';
  return {
    description: describe(g.cause),
    confidence: CONFIDENCE_BY_TIER[g.tier],
    why: `${plural(n, 'recipient')}: ${evidenceLine(sample)}.${symptomNote}`,
    weight: n,
    first: g.first,
  };
}

function byRank(a: Ranked, b: Ranked): number {
  return CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence] || b.weight - a.weight || a.first - b.first;
}

/** Rank the distinct causes of a report's recipients. `context` is all wording seen (for candidate boosts). */
export function rankCauses(findings: readonly Finding[], contextOf: () => string): RankedCause[] {
  const groups = new Map<CauseId, Group>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    const g = groups.get(f.cause);
    if (g) {
      g.findings.push(f);
      if (TIER_RANK[f.decision.tier] < TIER_RANK[g.tier]) g.tier = f.decision.tier;
    } else {
      groups.set(f.cause, { cause: f.cause, findings: [f], tier: f.decision.tier, first: i });
    }
  }

  // The catalogue part of each cause is shared (describe() caches it); the per-report part is kept
  // beside it, and the two are put together once, for the causes that survive the de-duplication.
  const ranked: Ranked[] = [];
  for (const g of groups.values()) {
    if (SYMPTOM_IDS.has(g.cause) && pushSymptomCandidates(g, contextOf, ranked)) continue;
    ranked.push(decidedCause(g));
  }

  if (ranked.length > 1) ranked.sort(byRank);
  // Drop duplicate candidates (the same cause offered for two symptoms): keep the better-ranked one.
  const seen = new Set<CauseId>();
  const out: RankedCause[] = [];
  for (let i = 0; i < ranked.length; i++) {
    const r = ranked[i] as Ranked;
    const id = r.description.id;
    if (seen.has(id)) continue;
    seen.add(id);
    // Object.assign rather than a spread: V8 adds properties to a spread copy slowly (see classify/index.ts).
    const cause = Object.assign({}, r.description, { confidence: r.confidence, why: r.why }) as RankedCause;
    if (r.tellApart !== undefined) cause.tellApart = r.tellApart;
    cause.rank = out.length + 1;
    out.push(cause);
  }
  return out;
}
