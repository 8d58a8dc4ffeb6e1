/**
 * Diagnosis (+ optional probe report) + platform → what to tell the user. Pure: no I/O, no clock.
 *
 *   rank     the diagnosis' causes, or — when a report only shows a symptom such as a bare #4.4.7 — the
 *            symptom's candidates (kb/candidates), each with what tells it apart
 *   steps    per cause for the chosen platform (opts.platform ?? d.platform ?? 'generic'), generic fallback
 *   confirm  the probe that would settle the lead cause, aimed at the host or domain the report names
 *   evidence when a probe report is given: which findings confirm or contradict which cause
 */
import type { ClassifiedRecipient, Diagnosis, RankedCause } from '../classify/types';
import { candidatesFor, SYMPTOM_CANDIDATES } from '../kb/candidates';
import { getCause } from '../kb/causes';
import { PLATFORM_INFO } from '../kb/platforms';
import type { CauseId, Platform } from '../kb/types';
import { collapseWhitespace } from '../parse/whitespace';
import { redactSecrets } from '../redact';
import { judgeCause, probeEvidence, type CauseJudgement } from './evidence';
import { ACTOR_LABEL, KIND_HEADLINE, KIND_LEAD, NO_CAUSE_HEADLINE, RETRY_ADVICE } from './labels';
import { chooseSteps, platformsWithSteps } from './steps';
import { resolveTarget } from './target';
import type {
  ExplainedCause, ExplainedRecipient, ExplainOptions, Explanation, PlatformChoice, ProbeSuggestion,
} from './types';

/** At most this many causes are explained (the lead plus candidates): more would bury the answer. */
export const MAX_CAUSES = 7;
/** The server's words are cut to this many characters for display. */
export const MAX_SERVER_WORDS = 600;
/** References come from this many leading causes, up to MAX_REFERENCES in all. */
const REFERENCE_CAUSES = 3;
/** Added to a probe suggestion whose target stands in for a remote host the report did not name. */
const FALLBACK_NOTE = 'The report names no remote host, so this probes the recipient domain\'s mail servers; if your server forwards through a smart host, probe that host instead.';
const MAX_REFERENCES = 8;

const SYMPTOMS: ReadonlySet<CauseId> = new Set(SYMPTOM_CANDIDATES.map((s) => s.symptom));

/** Kinds that report a failure or a delay, where retry advice and probes make sense. */
const FAILURE_KINDS = new Set(['bounce', 'delay']);

export function explainDiagnosis(d: Diagnosis, opts: ExplainOptions = {}): Explanation {
  const platform: Platform = opts.platform ?? d.platform ?? 'generic';
  const source: PlatformChoice['source'] = opts.platform ? 'option' : d.platform ? 'report' : 'default';

  const report = opts.probe;
  let ranked = withCandidates(baseRanking(d), d);
  const judged = report
    ? new Map(ranked.map((c) => [c.id, judgeCause({ id: c.id, candidate: c.confidence === 'low' }, report)]))
    : undefined;
  if (judged) ranked = reorderByEvidence(ranked, judged);
  const causes = ranked.map((c) => explainCause(c, platform, d, judged?.get(c.id)?.verdict));
  const evidence = report && judged && FAILURE_KINDS.has(d.kind)
    ? probeEvidence(ranked.flatMap((c) => judged.get(c.id) ?? []), report)
    : undefined;
  const leadRanked = ranked[0];

  const explanation: Explanation = {
    kind: d.kind,
    headline: headline(d, causes),
    platform: platformChoice(platform, source, leadRanked),
    recipients: d.recipients.map(explainRecipient),
    causes,
    references: references(causes),
    notes: [...(d.warnings ?? [])],
  };
  const lead = leadSentence(d, causes, evidence?.line);
  if (lead) explanation.lead = lead;
  if (FAILURE_KINDS.has(d.kind)) {
    const confirm = suggestProbe(d, causes);
    if (confirm) explanation.confirm = confirm;
  }
  if (evidence) explanation.probeEvidence = evidence;
  return explanation;
}

// ---------------------------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------------------------

/** The diagnosis' ranked causes; when classify gave none, one per distinct recipient cause. */
function baseRanking(d: Diagnosis): RankedCause[] {
  if (d.causes.length) return [...d.causes].sort((a, b) => a.rank - b.rank);
  const ids = [...new Set(d.recipients.map((r) => r.cause))];
  if (!ids.length && d.kind === 'bounce') ids.push('unknown');
  return ids.flatMap((id, i) => {
    const cause = getCause(id);
    if (!cause) return [];
    const r = d.recipients.find((x) => x.cause === id);
    const seen = [r?.status, r?.replyCode].filter(Boolean).join(' ');
    return [{
      id, title: cause.title, summary: cause.summary, rank: i + 1, confidence: 'medium' as const,
      why: r?.rule ? `Matched ${r.rule}${seen ? ` (${seen})` : ''}` : seen ? `From the report's codes (${seen})` : 'From the report',
      actor: cause.actor, hard: cause.hard, steps: cause.steps, confirmBy: cause.confirmBy, references: cause.references,
    }];
  });
}

/**
 * The symptom a report shows when it shows nothing more specific: the lead cause when that is a symptom, or —
 * in classify's shape, where a bare symptom is replaced by its candidates — the recipients' symptom when every
 * ranked cause is one of its candidates.
 */
function symptomOf(ranked: RankedCause[], d: Diagnosis, evidenceText: () => string): CauseId | undefined {
  if (ranked[0] && SYMPTOMS.has(ranked[0].id)) return ranked[0].id;
  const recipientCauses = [...new Set(d.recipients.map((r) => r.cause))];
  if (!recipientCauses.length || !recipientCauses.every((id) => SYMPTOMS.has(id))) return undefined;
  const symptom = recipientCauses[0];
  const candidateIds = new Set(candidatesFor(symptom, evidenceText()).map((c) => c.cause));
  return ranked.length && ranked.every((c) => candidateIds.has(c.id) && c.confidence !== 'high') ? symptom : undefined;
}

function symptomCause(id: CauseId, d: Diagnosis): RankedCause | undefined {
  const cause = getCause(id);
  if (!cause) return undefined;
  const r = d.recipients.find((x) => x.cause === id);
  const seen = [r?.status, r?.replyCode].filter(Boolean).join(' ');
  return {
    id, title: cause.title, summary: cause.summary, rank: 1, confidence: 'high',
    why: `The report shows this symptom${seen ? ` (${seen})` : ''} but not what caused it.`,
    actor: cause.actor, hard: cause.hard, steps: cause.steps, confirmBy: cause.confirmBy, references: cause.references,
  };
}

/**
 * A symptom alone (a bare #4.4.7, a delay) leads, followed by its usual causes boosted by the report's words;
 * causes classify already ranked keep their order, and candidates fill in their tellApart where missing.
 */
function withCandidates(ranked: RankedCause[], d: Diagnosis): RankedCause[] {
  // all the report's words, joined only for a symptom (most reports name their cause)
  let joined: string | undefined;
  const wordsOf = () => (joined ??= [d.text ?? '', ...d.recipients.map((r) => r.diagnostic ?? '')].join('\n'));
  const symptom = symptomOf(ranked, d, wordsOf);
  if (!symptom) return ranked.slice(0, MAX_CAUSES);
  const evidenceText = wordsOf();
  let out = [...ranked];
  if (!out.some((c) => c.id === symptom)) {
    const lead = symptomCause(symptom, d);
    if (lead) out = [lead, ...out];
  }
  const candidates = candidatesFor(symptom, evidenceText);
  const tellApart = new Map(candidates.map((c) => [c.cause, c.tellApart]));
  out = out.map((c) => (c.tellApart || !tellApart.has(c.id) ? c : { ...c, tellApart: tellApart.get(c.id) }));
  if (out.length === 1) {
    const symptomTitle = out[0].title;
    for (const cand of candidates) {
      const cause = getCause(cand.cause);
      if (!cause || out.some((c) => c.id === cand.cause)) continue;
      out.push({
        id: cause.id, title: cause.title, summary: cause.summary, rank: 0, confidence: 'low',
        why: `A common cause of this symptom ("${symptomTitle}")${cand.boostWhen?.test(evidenceText) ? '; the report\'s wording points to it' : ''}`,
        tellApart: cand.tellApart, actor: cause.actor, hard: cause.hard, steps: cause.steps,
        confirmBy: cause.confirmBy, references: cause.references,
      });
    }
  }
  return out.slice(0, MAX_CAUSES).map((c, i) => ({ ...c, rank: i + 1 }));
}

/** Order in which candidates are listed after a probe: what it bears out first, what it rules out last. */
const EVIDENCE_ORDER: Readonly<Record<CauseJudgement['verdict'], number>> = {
  confirmed: 0, supported: 1, mixed: 2, inconclusive: 3, contradicted: 4,
};

/**
 * When the lead is only a symptom, a probe re-orders what follows it: a confirmed cause (one the report
 * itself points to) takes the lead; other candidates follow in EVIDENCE_ORDER, keeping their order otherwise.
 * A lead that names a real cause is never displaced: the report's own words outrank a probe.
 */
function reorderByEvidence(ranked: RankedCause[], judged: Map<CauseId, CauseJudgement>): RankedCause[] {
  const [top, ...rest] = ranked;
  if (!top || !SYMPTOMS.has(top.id)) return ranked;
  const verdict = (c: RankedCause) => judged.get(c.id)?.verdict ?? 'inconclusive';
  const confirmed = rest.filter((c) => verdict(c) === 'confirmed');
  const others = rest
    .filter((c) => verdict(c) !== 'confirmed')
    .map((c, i) => ({ c, i }))
    .sort((a, b) => EVIDENCE_ORDER[verdict(a.c)] - EVIDENCE_ORDER[verdict(b.c)] || a.i - b.i)
    .map(({ c }) => c);
  return [...confirmed, top, ...others].map((c, i) => ({ ...c, rank: i + 1 }));
}

// ---------------------------------------------------------------------------------------------
// Per cause and per recipient
// ---------------------------------------------------------------------------------------------

function explainCause(c: RankedCause, platform: Platform, d: Diagnosis, probe: CauseJudgement['verdict'] | undefined): ExplainedCause {
  const cause = getCause(c.id);
  const chosen = chooseSteps(c.steps, cause, platform);
  const actor = c.actor ?? cause?.actor ?? 'sender-admin';
  const out: ExplainedCause = {
    id: c.id,
    rank: c.rank,
    title: c.title || cause?.title || c.id,
    summary: c.summary || cause?.summary || '',
    confidence: c.confidence,
    why: c.why,
    actor,
    actorLabel: ACTOR_LABEL[actor],
    hard: c.hard,
    steps: chosen.steps,
    stepsPlatform: chosen.platform,
    references: c.references?.length ? [...c.references] : [...(cause?.references ?? [])],
  };
  if (FAILURE_KINDS.has(d.kind)) {
    out.retryAdvice = c.hard ? RETRY_ADVICE.hard : d.kind === 'delay' ? RETRY_ADVICE.softDelay : RETRY_ADVICE.softBounce;
  }
  if (c.tellApart) out.tellApart = c.tellApart;
  const confirmBy = c.confirmBy ?? cause?.confirmBy;
  if (confirmBy) out.confirmBy = confirmBy;
  if (probe && probe !== 'inconclusive') out.probe = probe as ExplainedCause['probe'];
  return out;
}

function explainRecipient(r: ClassifiedRecipient): ExplainedRecipient {
  const said = redactSecrets(collapseWhitespace(r.diagnostic ?? '').trim());
  const serverSaid = said.length > MAX_SERVER_WORDS ? `${said.slice(0, MAX_SERVER_WORDS - 1)}…` : said;
  const out: ExplainedRecipient = {
    address: r.address,
    serverSaid,
    cause: r.cause,
    causeTitle: getCause(r.cause)?.title ?? r.cause,
    hard: r.hard,
    line: recipientLine(r),
  };
  for (const k of ['action', 'status', 'replyCode', 'remoteHost', 'remoteIp', 'command'] as const) {
    if (r[k] !== undefined && r[k] !== '') (out as unknown as Record<string, unknown>)[k] = r[k];
  }
  return out;
}

function recipientLine(r: ClassifiedRecipient): string {
  const code = [r.replyCode, r.status].filter(Boolean).join(' ');
  const parts = [r.address || '(recipient not named)'];
  const detail = [code, r.command ? `at ${r.command}` : '', r.remoteHost ? `from ${r.remoteHost}` : ''].filter(Boolean).join(' ');
  if (detail) parts.push(detail);
  return parts.join(' — ');
}

// ---------------------------------------------------------------------------------------------
// Headline, platform, confirmation, references
// ---------------------------------------------------------------------------------------------

function headline(d: Diagnosis, causes: ExplainedCause[]): string {
  const fixed = KIND_HEADLINE[d.kind];
  if (fixed) return fixed;
  const lead = causes[0];
  if (!lead) return NO_CAUSE_HEADLINE;
  if (SYMPTOMS.has(lead.id) && causes.length > 1) return `${lead.title} — the likely causes below say how to tell them apart`;
  return lead.title;
}

function leadSentence(d: Diagnosis, causes: ExplainedCause[], probeLine: string | undefined): string | undefined {
  if (probeLine && FAILURE_KINDS.has(d.kind)) return probeLine;
  if (d.kind === 'delay') {
    const current = causes.find((c) => !SYMPTOMS.has(c.id) && c.confidence !== 'low');
    return current
      ? `The server keeps retrying; the error it is getting: ${current.title}.`
      : 'The server keeps retrying and has not said why yet; nothing needs resending.';
  }
  return KIND_LEAD[d.kind];
}

function platformChoice(platform: Platform, source: PlatformChoice['source'], lead: RankedCause | undefined): PlatformChoice {
  const cause = lead ? getCause(lead.id) : undefined;
  const available = lead ? platformsWithSteps(lead.steps, cause) : (['generic'] as Platform[]);
  return {
    chosen: platform,
    name: PLATFORM_INFO[platform].name,
    adminTool: PLATFORM_INFO[platform].adminTool,
    source,
    available,
    hasSteps: platform === 'generic' || available.includes(platform),
  };
}

/** The probe for the lead cause, or for the first ranked cause that a probe can confirm. */
function suggestProbe(d: Diagnosis, causes: ExplainedCause[]): ProbeSuggestion | undefined {
  for (const c of causes) {
    if (!c.confirmBy) continue;
    const resolved = resolveTarget(d, c.id, c.confirmBy.target);
    if (!resolved) continue;
    const needsRcpt = c.confirmBy.findings.some((f) => f.startsWith('rcpt-'));
    const rcpt = needsRcpt && resolved.address ? ` --rcpt ${resolved.address}` : '';
    const out: ProbeSuggestion = {
      cause: c.id,
      target: resolved.target,
      targetKind: c.confirmBy.target,
      command: `smtpcheck probe ${resolved.target}${rcpt}`,
      why: resolved.fallback ? `${c.confirmBy.note} ${FALLBACK_NOTE}` : c.confirmBy.note,
      lookFor: [...c.confirmBy.findings],
    };
    if (resolved.fallback) out.fallback = true;
    return out;
  }
  return undefined;
}

function references(causes: ExplainedCause[]): string[] {
  const out: string[] = [];
  for (const c of causes.slice(0, REFERENCE_CAUSES)) {
    for (const ref of c.references) if (!out.includes(ref)) out.push(ref);
  }
  return out.slice(0, MAX_REFERENCES);
}
