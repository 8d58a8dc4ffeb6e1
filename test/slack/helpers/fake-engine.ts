/**
 * A stand-in engine for the Slack adapter's in-process tests: the adapter's job is plumbing (where
 * answers go, state in metadata, dedupe, acks), so these tests script the engine's answers instead of
 * depending on the parser's accuracy. It still uses the real intake (size limits, binary detection,
 * Slack un-escaping), the real bounce sniff, the real cause catalogue and the real explain stage,
 * so messages look real.
 * The end-to-end suite (slack-e2e.test.ts) runs the real engine.
 */
import { readInput, looksLikeBounce } from '../../../src/intake';
import { CAUSES } from '../../../src/kb/causes';
import type { Diagnosis, ClassifiedRecipient } from '../../../src/classify/types';
import type { Engine, ProbeOptions } from '../../../src/bot/types';
import type { CauseId } from '../../../src/kb/types';
import type { ProbeReport, Outcome } from '../../../src/probe/types';
import type { SlackEngines } from '../../../src/slack/engine';
import { ProbeRateLimiter } from '../../../src/probe/limits';
import { explainDiagnosis, explainProbe } from '../../../src/explain';

export interface FakeEngineLog {
  diagnosed: { input: string; origin: 'text' | 'file'; bytes: number; result: Diagnosis }[];
  probes: { target: string; opts: ProbeOptions; startedAt: number }[];
}

export interface FakeEngineOptions {
  /** How long a probe takes. */
  probeMs?: number;
  /** Outcome per probe call, in order; default: fail then pass (so a recheck shows a change). */
  outcomes?: Outcome[];
  rateLimit?: { perUser: number; perTeam: number };
}

function causeFor(text: string): CauseId {
  if (/auth/i.test(text)) return 'outbound-auth-mismatch';
  if (/quota|mailbox full/i.test(text)) return 'mailbox-full';
  return 'recipient-unknown';
}

/** Pull the facts a bounce states with a few regexes: enough for the adapter's tests. */
export function fakeDiagnose(raw: string): Diagnosis {
  if (!looksLikeBounce(raw)) {
    return { kind: 'not-a-bounce', source: { format: 'text' }, recipients: [], causes: [], text: raw.slice(0, 200), warnings: [] };
  }
  const addresses = [...new Set(raw.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [])].filter((a) => !/postmaster|mailer-daemon/i.test(a));
  const status = raw.match(/\b[45]\.\d{1,3}\.\d{1,3}\b/)?.[0];
  const replyCode = raw.match(/\b[45][0-5]\d\b/)?.[0];
  const remoteHost = raw.match(/(?:Remote-MTA:\s*dns;\s*|Generating server:\s*|\()([a-z0-9.-]+\.[a-z]{2,})/i)?.[1];
  const id = causeFor(raw);
  const c = CAUSES[id];
  const recipients: ClassifiedRecipient[] = (addresses.length ? addresses : ['']).map((address) => ({
    address, status, replyCode, remoteHost, diagnostic: raw.split('\n').find((l) => /\b[45]\d\d\b|#[45]\./.test(l))?.trim() ?? '',
    reason: c.reason, cause: id, hard: c.hard, rule: 'fake-engine',
  }));
  return {
    kind: 'bounce',
    source: { format: 'text', mta: /exchange|#4\.4\.7/i.test(raw) ? 'exchange2003' : undefined },
    recipients,
    causes: [{
      id, title: c.title, summary: c.summary, rank: 1, confidence: 'high', why: 'fake engine', actor: c.actor, hard: c.hard,
      steps: c.steps, ...(c.confirmBy ? { confirmBy: c.confirmBy } : {}), references: c.references,
    }],
    text: raw.slice(0, 2000),
    warnings: [],
    ...(/#4\.4\.7|exchange/i.test(raw) ? { platform: 'exchange-2003' as const } : {}),
  };
}

export function fakeProbeReport(target: string, outcome: Outcome, ms = 40): ProbeReport {
  const host = { name: `mx.${target.replace(/^.*@/, '')}`, ip: '127.0.0.1', port: 25 };
  const label = `${host.name}[${host.ip}]:${host.port}`;
  const auth = outcome === 'pass' ? [] : ['LOGIN'];
  return {
    target, kind: target.includes('@') ? 'address' : 'domain', startedAt: new Date().toISOString(), ms,
    dns: { mx: [{ exchange: host.name, priority: 10, addresses: [host.ip] }], lookups: [{ name: target, type: 'MX', ms: 3, answer: `10 ${host.name}` }] },
    hosts: [{
      ...host, steps: [{ step: 'connect', ms: 2, ok: true }, { step: 'banner', ms: 3, ok: true, reply: '220 mx ESMTP' }, { step: 'ehlo', ms: 2, ok: true, reply: '250 mx' }],
      banner: '220 mx ESMTP', ehlo: { before: ['PIPELINING', ...(auth.length ? ['AUTH LOGIN'] : [])] }, auth: { before: auth },
      transcript: ['S: 220 mx ESMTP', 'C: EHLO smtpcheck.invalid', 'S: 250-mx', 'S: 250 PIPELINING', 'C: QUIT', 'S: 221 bye'],
    }],
    findings: outcome === 'pass'
      ? [{ id: 'auth-not-offered', outcome: 'pass', title: 'No AUTH offered to anonymous senders', host: label }]
      : [{ id: 'auth-offered-plaintext', outcome, title: 'AUTH offered before STARTTLS', host: label, evidence: '250-AUTH LOGIN' }],
    verdict: outcome === 'pass' ? 'Accepts anonymous mail; no AUTH demanded' : 'Offers AUTH before STARTTLS',
    outcome,
  };
}

export function fakeEngines(opts: FakeEngineOptions = {}): { engines: SlackEngines; log: FakeEngineLog } {
  const log: FakeEngineLog = { diagnosed: [], probes: [] };
  const outcomes = [...(opts.outcomes ?? ['fail', 'pass'])];
  const make = (origin: 'text' | 'file'): Engine => ({
    looksLikeBounce,
    diagnose: (input) => {
      const raw = readInput(input, { origin: origin === 'text' ? 'slack' : 'file', maxBytes: 64 * 1024 });
      const text = raw.bytes.toString('utf8');
      const result = fakeDiagnose(text);
      log.diagnosed.push({ input: text, origin, bytes: raw.bytes.length, result });
      return result;
    },
    explainDiagnosis,
    explainProbe,
    probe: async (target, o) => {
      log.probes.push({ target, opts: o, startedAt: Date.now() });
      const steps = Math.max(1, Math.ceil((opts.probeMs ?? 30) / 500));
      for (let i = 0; i < steps; i++) {
        await new Promise((r) => setTimeout(r, (opts.probeMs ?? 30) / steps));
        o.onProgress?.({ stage: 'smtp', message: `step ${i + 1} of ${steps}`, elapsedMs: ((i + 1) * (opts.probeMs ?? 30)) / steps });
      }
      return fakeProbeReport(target, outcomes.length > 1 ? outcomes.shift()! : outcomes[0] ?? 'pass', opts.probeMs ?? 30);
    },
  });
  return {
    engines: { text: make('text'), file: make('file'), limiter: new ProbeRateLimiter(opts.rateLimit ?? { perUser: 100, perTeam: 1000 }) },
    log,
  };
}
