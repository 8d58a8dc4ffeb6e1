/**
 * A probe report → what to show: the verdict line first, then findings grouped by outcome (worst first)
 * with their evidence and timing, and for failures the causes they point to. Pure.
 */
import { getCause } from '../kb/causes';
import type { CauseId } from '../kb/types';
import type { Finding, HostProbe, Outcome, ProbeReport } from '../probe/types';
import { FINDING_CAUSES } from './finding-causes';
import { OUTCOME_LABEL, OUTCOME_ORDER } from './labels';
import type { ExplainedFinding, FindingGroup, HostSummary, ProbeExplanation } from './types';

/** Outcomes whose findings get the causes they point to. */
const PROBLEM: ReadonlySet<Outcome> = new Set(['fail', 'warn', 'error']);

/** "850 ms", "2.3 s", "75 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
}

function causesOf(f: Finding): { id: CauseId; title: string }[] {
  if (!PROBLEM.has(f.outcome)) return [];
  return (FINDING_CAUSES[f.id]?.causes ?? []).map((id) => ({ id, title: getCause(id)?.title ?? id }));
}

function explainFinding(f: Finding): ExplainedFinding {
  const out: ExplainedFinding = { id: f.id, outcome: f.outcome, title: f.title, causes: causesOf(f) };
  if (f.evidence !== undefined) out.evidence = f.evidence;
  if (f.host !== undefined) out.host = f.host;
  if (f.ms !== undefined) {
    out.ms = f.ms;
    const t = formatMs(f.ms);
    if (t) out.timing = t;
  }
  return out;
}

function summariseHost(h: HostProbe): HostSummary {
  const out: HostSummary = {
    host: `${h.name}[${h.ip}]:${h.port}`,
    name: h.name,
    ip: h.ip,
    port: h.port,
    authBefore: [...(h.auth.before ?? [])],
    authAfter: [...(h.auth.after ?? [])],
    ms: h.steps.reduce((sum, s) => sum + (Number.isFinite(s.ms) ? s.ms : 0), 0),
  };
  if (h.banner) out.banner = h.banner;
  const tls = [h.tls?.protocol, h.tls?.cipher].filter(Boolean).join(' ');
  if (tls) out.tls = tls;
  if (h.error) out.error = h.error.response ? `${h.error.message} (${h.error.response})` : h.error.message;
  return out;
}

export function explainProbe(report: ProbeReport): ProbeExplanation {
  const counts: Record<Outcome, number> = { fail: 0, error: 0, warn: 0, pass: 0, skip: 0 };
  for (const f of report.findings) counts[f.outcome] = (counts[f.outcome] ?? 0) + 1;

  const groups: FindingGroup[] = OUTCOME_ORDER
    .map((outcome) => ({
      outcome,
      label: OUTCOME_LABEL[outcome],
      findings: report.findings.filter((f) => f.outcome === outcome).map(explainFinding),
    }))
    .filter((g) => g.findings.length > 0);

  // Causes named by the failures, most often named first (ties: first named first).
  const tally = new Map<CauseId, number>();
  for (const g of groups) for (const f of g.findings) for (const c of f.causes) tally.set(c.id, (tally.get(c.id) ?? 0) + 1);
  const pointsTo = [...tally.entries()]
    .map(([id, n], order) => ({ id, n, order }))
    .sort((a, b) => b.n - a.n || a.order - b.order)
    .map(({ id }) => ({ id, title: getCause(id)?.title ?? id }));

  return {
    target: report.target,
    kind: report.kind,
    outcome: report.outcome,
    verdict: report.verdict,
    startedAt: report.startedAt,
    ms: report.ms,
    groups,
    counts,
    hosts: report.hosts.map(summariseHost),
    pointsTo,
  };
}
