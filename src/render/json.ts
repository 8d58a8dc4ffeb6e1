/**
 * The stable JSON shapes of `smtpcheck diagnose --json|--jsonl` and `smtpcheck probe --json`.
 *
 * Diagnosis (one object per input):
 *   { file?, kind, source: { format, mta? }, platform?, headers?, original?,
 *     recipients: [ { address, action, status, replyCode, remoteHost, command, diagnostic,
 *                     reason, cause, hard, rule?, remoteIp?, reportingMta?, originalRecipient?,
 *                     diagnosticType?, lastAttemptDate?, willRetryUntil?, extensions? } ],
 *     causes: [ { id, title, summary, rank, confidence, why, tellApart, actor, hard,
 *                 steps: { <platform>: [..] }, confirmBy, references } ],
 *     warnings? }
 * The listed recipient and cause keys are always present (null when the report does not say), so scripts
 * can rely on them; the optional ones appear only when known. A failed input in --jsonl is
 * { file, error, code }.
 *
 * Probe: the ProbeReport itself (probe/types.ts), unchanged.
 */
import type { Diagnosis, ClassifiedRecipient, RankedCause } from '../classify/types';
import type { ProbeReport } from '../probe/types';

export interface DiagnosisJsonOptions {
  /** Path of the file the input came from. */
  file?: string;
}

function recipientToJson(r: ClassifiedRecipient): Record<string, unknown> {
  return {
    address: r.address,
    action: r.action ?? null,
    status: r.status ?? null,
    replyCode: r.replyCode ?? null,
    remoteHost: r.remoteHost ?? null,
    command: r.command ?? null,
    diagnostic: r.diagnostic,
    reason: r.reason,
    cause: r.cause,
    hard: r.hard,
    ...optional({
      rule: r.rule,
      remoteIp: r.remoteIp,
      reportingMta: r.reportingMta,
      originalRecipient: r.originalRecipient,
      diagnosticType: r.diagnosticType,
      lastAttemptDate: r.lastAttemptDate,
      willRetryUntil: r.willRetryUntil,
      extensions: r.extensions && Object.keys(r.extensions).length ? r.extensions : undefined,
    }),
  };
}

function causeToJson(c: RankedCause): Record<string, unknown> {
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    rank: c.rank,
    confidence: c.confidence,
    why: c.why,
    tellApart: c.tellApart ?? null,
    actor: c.actor,
    hard: c.hard,
    steps: c.steps,
    confirmBy: c.confirmBy ?? null,
    references: c.references,
  };
}

/** A Diagnosis as the stable JSON object (not yet stringified). */
export function diagnosisToJson(d: Diagnosis, opts: DiagnosisJsonOptions = {}): Record<string, unknown> {
  return {
    ...optional({ file: opts.file }),
    kind: d.kind,
    source: { format: d.source.format, ...optional({ mta: d.source.mta }) },
    ...optional({ platform: d.platform, headers: d.headers, original: d.original }),
    recipients: d.recipients.map(recipientToJson),
    causes: d.causes.map(causeToJson),
    ...optional({ warnings: d.warnings?.length ? d.warnings : undefined }),
  };
}

/** The line `--jsonl` prints for an input that could not be read. */
export function inputErrorToJson(file: string, code: string, message: string): Record<string, unknown> {
  return { file, error: message, code };
}

/** `probe --json` prints the ProbeReport alone; a copy so callers may not mutate the report through it. */
export function probeToJson(report: ProbeReport): ProbeReport {
  return JSON.parse(JSON.stringify(report)) as ProbeReport;
}

/** Keep only the keys whose value is defined, so absent optional facts do not appear as null. */
function optional(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out;
}
