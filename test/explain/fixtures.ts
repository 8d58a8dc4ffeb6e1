/**
 * Hand-built Diagnosis and ProbeReport objects for the explain tests (classify and probe are tested on
 * their own). Shapes follow src/classify/types.ts and src/probe/types.ts. The story recipient's facts come
 * from the Exchange 2003 NDR in Microsoft KB 329636 ("Could not deliver the message in the time limit
 * specified … #4.4.7", queue text "The remote SMTP service rejected AUTH negotiation"); host names use
 * example.com/contoso.com as the KB does.
 */
import type { ClassifiedRecipient, Confidence, Diagnosis, RankedCause } from '../../src/classify/types';
import { CAUSES } from '../../src/kb/causes';
import type { CauseId, Platform } from '../../src/kb/types';
import type { ReportKind } from '../../src/parse/types';
import type { Finding, HostProbe, Outcome, ProbeReport } from '../../src/probe/types';

export const EX2003_EXPIRY_TEXT = [
  'Your message did not reach some or all of the intended recipients.',
  '',
  '      Subject:  Quarterly figures',
  '      Sent:     2/8/2010 9:14 AM',
  '',
  'The following recipient(s) could not be reached:',
  '',
  '      someone@example.com on 2/10/2010 9:20 AM',
  '            Could not deliver the message in the time limit specified.  Please retry or contact your administrator.',
  '            <server.contoso.com #4.4.7>',
].join('\n');

/** A RankedCause as classify builds it from the catalogue. */
export function ranked(id: CauseId, rank: number, confidence: Confidence = 'high', why = `rule for ${id}`): RankedCause {
  const c = CAUSES[id];
  return {
    id, title: c.title, summary: c.summary, rank, confidence, why, actor: c.actor, hard: c.hard,
    steps: c.steps, confirmBy: c.confirmBy, references: c.references,
  };
}

export function recipient(over: Partial<ClassifiedRecipient> & { cause: CauseId }): ClassifiedRecipient {
  const c = CAUSES[over.cause];
  return {
    address: 'someone@example.com',
    diagnostic: 'Could not deliver the message in the time limit specified. Please retry or contact your administrator.',
    reason: c.reason,
    hard: c.hard,
    ...over,
  };
}

export function diagnosis(over: {
  kind?: ReportKind; causes?: RankedCause[]; recipients?: ClassifiedRecipient[]; platform?: Platform;
  text?: string; from?: string; mta?: string; warnings?: string[];
}): Diagnosis {
  const d: Diagnosis = {
    kind: over.kind ?? 'bounce',
    source: { format: 'text', ...(over.mta ? { mta: over.mta } : {}) },
    recipients: over.recipients ?? [],
    causes: over.causes ?? [],
    text: over.text ?? EX2003_EXPIRY_TEXT,
    warnings: over.warnings ?? [],
  };
  if (over.platform) d.platform = over.platform;
  if (over.from) d.original = { from: over.from, subject: 'Quarterly figures' };
  return d;
}

/** The story: an Exchange 2003 #4.4.7 whose queue said "rejected AUTH negotiation". `null`: no platform known. */
export function storyDiagnosis(platform: Platform | null = 'exchange-2003'): Diagnosis {
  return diagnosis({
    mta: 'exchange2003',
    platform: platform ?? undefined,
    recipients: [recipient({
      cause: 'outbound-auth-mismatch', status: '4.4.7', remoteHost: 'mx.example.com', action: 'failed',
      reportingMta: 'server.contoso.com', rule: 'exchange2003-rejected-auth-negotiation',
    })],
    causes: [ranked('outbound-auth-mismatch', 1, 'high', 'Queue text "The remote SMTP service rejected AUTH negotiation"')],
    from: 'Alice <alice@contoso.com>',
  });
}

export function finding(id: string, outcome: Outcome, host = 'mx.example.com[192.0.2.25]:25', extra: Partial<Finding> = {}): Finding {
  return { id, outcome, title: `title of ${id}`, host, ...extra };
}

export function hostProbe(over: Partial<HostProbe> = {}): HostProbe {
  return {
    name: 'mx.example.com',
    ip: '192.0.2.25',
    port: 25,
    steps: [
      { step: 'connect', ms: 40, ok: true },
      { step: 'banner', ms: 120, ok: true, reply: '220 mx.example.com ESMTP' },
      { step: 'ehlo', ms: 30, ok: true },
      { step: 'starttls', ms: 90, ok: true },
    ],
    banner: '220 mx.example.com ESMTP',
    ehlo: { before: ['PIPELINING', 'SIZE 52428800', 'STARTTLS'], after: ['PIPELINING', 'SIZE 52428800'] },
    auth: {},
    tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' },
    transcript: [],
    ...over,
  };
}

export function probeReport(findings: Finding[], over: Partial<ProbeReport> = {}): ProbeReport {
  return {
    target: 'mx.example.com',
    kind: 'host',
    startedAt: '2024-05-01T10:00:00.000Z',
    ms: 1840,
    dns: { lookups: [] },
    hosts: [hostProbe()],
    findings,
    verdict: 'mx.example.com accepts mail anonymously; no AUTH offered',
    outcome: 'pass',
    ...over,
  };
}
