/**
 * A probe report squeezed into a few hundred bytes, so a conversation can carry it (Slack message
 * metadata) and a later `recheck` can say what changed — without any server-side store.
 */
import { FINDING_DEFAULTS } from '../probe/findings';
import type { Finding, Outcome, ProbeReport } from '../probe/types';
import type { ProbeChange, ProbeDigest, ProbeRequest } from './types';

/** Budget for one digest once serialised; the whole ConversationState must stay well under 2 KB. */
export const DIGEST_MAX_BYTES = 1400;
const VERDICT_MAX_CHARS = 160;

const OUTCOME_LETTER: Record<Outcome, string> = { pass: 'p', warn: 'w', fail: 'f', skip: 's', error: 'e' };
const LETTER_OUTCOME: Record<string, Outcome> = { p: 'pass', w: 'warn', f: 'fail', s: 'skip', e: 'error' };
/** Outcomes that matter most survive when the budget forces us to drop entries. */
const KEEP_ORDER: Outcome[] = ['fail', 'error', 'warn', 'skip', 'pass'];

/** `id` or `id@host` — one finding's identity across runs. */
function findingKey(id: string, host?: string): string {
  return host ? `${id}@${host}` : id;
}

function encodeFinding(f: Finding, hosts: string[]): string {
  let entry = OUTCOME_LETTER[f.outcome] + f.id;
  if (f.host) {
    let i = hosts.indexOf(f.host);
    if (i < 0) i = hosts.push(f.host) - 1;
    entry += `@${i}`;
  }
  return entry;
}

interface DecodedFinding { id: string; host?: string; outcome: Outcome }

function decodeDigest(d: ProbeDigest): Map<string, DecodedFinding> {
  const out = new Map<string, DecodedFinding>();
  for (const entry of d.findings) {
    const outcome = LETTER_OUTCOME[entry[0]];
    if (!outcome) continue;
    const at = entry.lastIndexOf('@');
    const hostIndex = at > 0 && /^\d+$/.test(entry.slice(at + 1)) ? Number(entry.slice(at + 1)) : undefined;
    const id = hostIndex === undefined ? entry.slice(1) : entry.slice(1, at);
    const host = hostIndex === undefined ? undefined : d.hosts[hostIndex];
    out.set(findingKey(id, host), { id, host, outcome });
  }
  return out;
}

/** Compact, JSON-safe summary of a report; drops the least telling findings if it would exceed the budget. */
export function digestProbe(report: ProbeReport, request: ProbeRequest): ProbeDigest {
  const verdict = report.verdict.length > VERDICT_MAX_CHARS ? report.verdict.slice(0, VERDICT_MAX_CHARS - 1) + '…' : report.verdict;
  const base = { ...request, at: report.startedAt, outcome: report.outcome, verdict };
  let kept = [...report.findings];
  for (let level = KEEP_ORDER.length; level >= 1; level--) {
    const allowed = new Set(KEEP_ORDER.slice(0, level));
    kept = report.findings.filter((f) => allowed.has(f.outcome));
    const hosts: string[] = [];
    const findings = kept.map((f) => encodeFinding(f, hosts));
    const digest: ProbeDigest = { ...base, hosts, findings, ...(level < KEEP_ORDER.length ? { partial: true } : {}) };
    if (Buffer.byteLength(JSON.stringify(digest)) <= DIGEST_MAX_BYTES) return digest;
  }
  // Even the failures alone are too many: keep as many as fit.
  const hosts: string[] = [];
  const findings: string[] = [];
  for (const f of kept) {
    findings.push(encodeFinding(f, hosts));
    if (Buffer.byteLength(JSON.stringify({ ...base, hosts, findings, partial: true })) > DIGEST_MAX_BYTES) {
      findings.pop();
      break;
    }
  }
  return { ...base, hosts, findings, partial: true };
}

/** Same target, port and RCPT address: a second run of the same probe. */
export function sameProbe(a: ProbeRequest, b: ProbeRequest): boolean {
  return a.target.toLowerCase() === b.target.toLowerCase() && a.port === b.port && (a.rcpt ?? '').toLowerCase() === (b.rcpt ?? '').toLowerCase();
}

/**
 * What changed between the previous run (as a digest) and this report: findings that appeared,
 * disappeared or changed outcome. When the previous digest was partial (passes were dropped to fit),
 * a passing finding now is not reported as new — it may well have passed before too.
 */
export function diffProbe(previous: ProbeDigest, report: ProbeReport): ProbeChange[] {
  const before = decodeDigest(previous);
  const seen = new Set<string>();
  const changes: ProbeChange[] = [];
  for (const f of report.findings) {
    const key = findingKey(f.id, f.host);
    if (seen.has(key)) continue;
    seen.add(key);
    const old = before.get(key);
    if (!old) {
      if (previous.partial && (f.outcome === 'pass' || f.outcome === 'skip')) continue;
      changes.push({ change: 'appeared', id: f.id, host: f.host, title: f.title, after: f.outcome });
    } else if (old.outcome !== f.outcome) {
      changes.push({ change: 'changed', id: f.id, host: f.host, title: f.title, before: old.outcome, after: f.outcome });
    }
  }
  for (const [key, old] of before) {
    if (!seen.has(key)) changes.push({ change: 'disappeared', id: old.id, host: old.host, title: FINDING_DEFAULTS[old.id]?.title ?? old.id, before: old.outcome });
  }
  return changes;
}
