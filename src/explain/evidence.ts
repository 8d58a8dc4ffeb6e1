/**
 * Reading a probe report as evidence for or against the diagnosed causes (finding-causes.ts tables).
 * A finding confirms a cause by being present — 'auth-not-offered' is a pass on an MX, yet it is exactly
 * the evidence for "rejected AUTH negotiation" — unless it was skipped. Because such findings are also the
 * normal state of a healthy server, they *confirm* only a cause the report itself points to; for a mere
 * candidate (low confidence) they only *support* it.
 */
import { getCause } from '../kb/causes';
import type { CauseId } from '../kb/types';
import type { Finding, ProbeReport } from '../probe/types';
import { CONTRADICTED_BY, FINDING_CAUSES } from './finding-causes';
import type { EvidenceItem, ProbeEvidence, ProbeMatch } from './types';

/** `name[ip]:port` → name; anything else unchanged. */
export function hostName(host: string | undefined, fallback: string): string {
  if (!host) return fallback;
  const m = /^([^[\s]+)\[/.exec(host);
  return m ? m[1] : host;
}

function fill(sentence: string, f: Finding, report: ProbeReport): string {
  return sentence.split('{host}').join(hostName(f.host, report.target));
}

function item(f: Finding, meaning: string): EvidenceItem {
  const out: EvidenceItem = {
    findingId: f.id, outcome: f.outcome, title: f.title, meaning, causes: FINDING_CAUSES[f.id]?.causes ?? [],
  };
  if (f.evidence !== undefined) out.evidence = f.evidence;
  if (f.host !== undefined) out.host = f.host;
  if (f.ms !== undefined) out.ms = f.ms;
  return out;
}

const counts = (f: Finding) => f.outcome !== 'skip';

export interface CauseJudgement {
  cause: CauseId;
  verdict: ProbeMatch | 'inconclusive';
  confirming: EvidenceItem[];
  contradicting: EvidenceItem[];
}

/** A cause to judge, and whether it is only a candidate (then evidence can support it, not confirm it). */
export interface JudgedCause {
  id: CauseId;
  candidate: boolean;
}

/** Judge one cause against the report. */
export function judgeCause(cause: JudgedCause, report: ProbeReport): CauseJudgement {
  const confirmIds = new Set(getCause(cause.id)?.confirmBy?.findings ?? []);
  const confirming = report.findings
    .filter((f) => counts(f) && confirmIds.has(f.id))
    .map((f) => item(f, fill(FINDING_CAUSES[f.id]?.says ?? f.title, f, report)));
  const contradicting: EvidenceItem[] = [];
  for (const c of CONTRADICTED_BY[cause.id] ?? []) {
    for (const f of report.findings) {
      if (counts(f) && c.findings.includes(f.id)) contradicting.push(item(f, fill(c.why, f, report)));
    }
  }
  const verdict = confirming.length && contradicting.length ? 'mixed'
    : confirming.length ? (cause.candidate ? 'supported' : 'confirmed')
      : contradicting.length ? 'contradicted'
        : 'inconclusive';
  return { cause: cause.id, verdict, confirming, contradicting };
}

function line(j: CauseJudgement, other: EvidenceItem[]): string {
  const first = (xs: EvidenceItem[]) => xs[0]?.meaning ?? '';
  switch (j.verdict) {
    case 'confirmed': return `Confirmed: ${first(j.confirming)}`;
    case 'supported': return `Fits "${getCause(j.cause)?.title ?? j.cause}": ${first(j.confirming)}`;
    case 'mixed': return `Partly confirmed: ${first(j.confirming)}; but ${first(j.contradicting)}`;
    case 'contradicted': return `Not confirmed: ${first(j.contradicting)}`;
    default:
      return other.length
        ? `The probe neither confirms nor rules out this cause; it found: ${other[0].meaning}`
        : 'The probe neither confirms nor rules out this cause.';
  }
}

/**
 * Evidence about the ranked causes. The lead cause's judgement when the probe bears on it; otherwise the
 * first cause the probe confirms, then the first it supports. `other` lists the remaining failures and
 * warnings with the causes they point to.
 */
export function probeEvidence(judged: readonly CauseJudgement[], report: ProbeReport): ProbeEvidence | undefined {
  if (!judged.length) return undefined;
  const lead = judged[0];
  const chosen = lead.verdict !== 'inconclusive' ? lead
    : judged.find((j) => j.verdict === 'confirmed') ?? judged.find((j) => j.verdict === 'supported')
      ?? judged.find((j) => j.verdict === 'mixed') ?? lead;
  const used = new Set([...chosen.confirming, ...chosen.contradicting].map((e) => `${e.findingId} ${e.host ?? ''}`));
  const other = report.findings
    .filter((f) => (f.outcome === 'fail' || f.outcome === 'warn' || f.outcome === 'error') && !used.has(`${f.id} ${f.host ?? ''}`))
    .map((f) => item(f, FINDING_CAUSES[f.id] ? fill(FINDING_CAUSES[f.id].says, f, report) : f.title));
  return {
    target: report.target,
    cause: chosen.cause,
    verdict: chosen.verdict,
    line: line(chosen, other),
    confirming: chosen.confirming,
    contradicting: chosen.contradicting,
    other,
  };
}
