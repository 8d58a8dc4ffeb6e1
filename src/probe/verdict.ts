/**
 * The one-line verdict and the overall outcome of a probe, from its findings.
 *
 * Order is data: outcome rank first (fail before error before warn …), then the finding's weight
 * from the finding table, then the order the probe found them. Passing checks only speak when
 * nothing else does.
 */
import { FINDING_DEFAULTS } from './findings';
import type { Finding, Outcome } from './types';

/** Worse outcomes rank higher. A failing target outranks a check we could not run. */
export const OUTCOME_RANK: Record<Outcome, number> = { pass: 0, skip: 1, warn: 2, error: 3, fail: 4 };

const LABEL: Record<Outcome, string> = { fail: 'FAIL', error: 'ERROR', warn: 'WARN', skip: 'SKIP', pass: 'PASS' };

/** How many problems the verdict line names before "and N more". */
const MAX_NAMED = 3;

export function worstOutcome(findings: readonly Finding[]): Outcome {
  let worst: Outcome = 'pass';
  for (const f of findings) if (OUTCOME_RANK[f.outcome] > OUTCOME_RANK[worst]) worst = f.outcome;
  return worst;
}

/** Most serious first; stable for equal seriousness. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) =>
      OUTCOME_RANK[b.f.outcome] - OUTCOME_RANK[a.f.outcome]
      || (FINDING_DEFAULTS[b.f.id]?.weight ?? 0) - (FINDING_DEFAULTS[a.f.id]?.weight ?? 0)
      || a.i - b.i)
    .map(({ f }) => f);
}

export function summarize(findings: readonly Finding[]): { outcome: Outcome; verdict: string } {
  const outcome = worstOutcome(findings);
  const ranked = rankFindings(findings);
  const problems = ranked.filter((f) => f.outcome === 'fail' || f.outcome === 'error' || f.outcome === 'warn');
  if (!findings.length) return { outcome, verdict: 'PASS: nothing to report' };
  if (!problems.length) {
    const passes = ranked.filter((f) => f.outcome === 'pass');
    const named = passes.slice(0, MAX_NAMED).map((f) => f.title);
    const more = passes.length - named.length;
    return { outcome, verdict: `${LABEL[outcome]}: ${passes.length} check${passes.length === 1 ? '' : 's'} passed${named.length ? ` — ${named.join('; ')}` : ''}${more > 0 ? `; and ${more} more` : ''}` };
  }
  // Same title for several hosts is said once, with a count.
  const counted = new Map<string, number>();
  for (const f of problems) counted.set(f.title, (counted.get(f.title) ?? 0) + 1);
  const titles = [...counted.entries()].map(([t, n]) => (n > 1 ? `${t} (×${n})` : t));
  const named = titles.slice(0, MAX_NAMED);
  const more = titles.length - named.length;
  return { outcome, verdict: `${LABEL[outcome]}: ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}` };
}
