/**
 * Hand-built engine results for testing the conversation core, renderers, console and CLI without
 * depending on the parse/classify/probe stages (explain is the real one: pure functions of these). Their shapes follow src/classify/types.ts and
 * src/probe/types.ts; the story case follows the Exchange 2003 KB article in shared/seed (queue
 * error "The remote SMTP service rejected AUTH negotiation").
 */
import type { Diagnosis, RankedCause } from '../../src/classify/types';
import type { Engine, ProbeOptions } from '../../src/bot/types';
import type { Finding, HostProbe, ProbeReport } from '../../src/probe/types';
import type { Platform } from '../../src/kb/types';
import { explainDiagnosis, explainProbe } from '../../src/explain';

export const AUTH_LINE = 'The remote SMTP service rejected AUTH negotiation';

export const AUTH_CAUSE: RankedCause = {
  id: 'outbound-auth-mismatch',
  title: 'Outbound SMTP authentication mismatch',
  summary: 'Your server tries to log in (AUTH) to the next server, but that server does not offer or accept authentication. Servers on the internet receiving mail for their own domains expect anonymous delivery.',
  rank: 1,
  confidence: 'high',
  why: 'The queue error says the remote SMTP service rejected AUTH negotiation.',
  actor: 'sender-admin',
  hard: false,
  steps: {
    'exchange-2003': [
      'Open Exchange System Manager.',
      'Expand Servers, ServerName, Protocols, SMTP; right-click Default SMTP Virtual Server and click Properties.',
      'On the Delivery tab click Outbound Security, select Anonymous access, and click OK twice.',
      'Under Connectors, open each SMTP Connector\'s Properties, Advanced tab, Outbound Security, and select Anonymous access (or what the smart host really requires).',
    ],
    'exchange-onprem': ['Run `Get-SendConnector | fl Name,SmartHosts,SmartHostAuthMechanism` and set `Set-SendConnector -SmartHostAuthMechanism None` for DNS delivery.'],
    postfix: ['Remove `smtp_sasl_auth_enable = yes` for destinations that do not need it, or scope it with `smtp_sasl_password_maps`.'],
    generic: ['Turn off outbound authentication for delivery to the internet; use it only for a smart host that requires it.'],
  },
  confirmBy: { target: 'remote-host', findings: ['auth-not-offered'], note: 'A probe shows whether the remote host offers AUTH at all; if it offers none, outbound authentication can never succeed.' },
  references: ['https://support.microsoft.com/kb/329636'],
};

export function storyDiagnosis(): Diagnosis {
  return {
    kind: 'bounce',
    source: { format: 'line', mta: 'exchange2003' },
    recipients: [{
      address: 'someone@example.com', action: 'delayed', status: '4.4.7', remoteHost: 'mx.example.com', command: 'AUTH',
      diagnostic: AUTH_LINE, reason: 'securityerror', cause: 'outbound-auth-mismatch', hard: false, rule: 'exchange2003-auth-negotiation',
    }],
    text: AUTH_LINE,
    warnings: [],
    causes: [AUTH_CAUSE],
    platform: 'exchange-2003',
  };
}

export function expiredDiagnosis(): Diagnosis {
  const base: Omit<RankedCause, 'id' | 'title' | 'rank' | 'tellApart'> = {
    summary: 'Retries ran out.', confidence: 'medium', why: 'Only #4.4.7 is given.', actor: 'sender-admin', hard: false,
    steps: { generic: ['Read the queue viewer\'s error for the message.'] }, references: [],
  };
  return {
    kind: 'bounce',
    source: { format: 'text', mta: 'exchange2003' },
    recipients: [{ address: 'someone@example.com', action: 'failed', status: '4.4.7', diagnostic: 'Could not deliver the message in the time limit specified.', reason: 'expired', cause: 'delivery-expired', hard: false }],
    text: '',
    warnings: [],
    causes: [
      { ...base, id: 'outbound-auth-mismatch', title: 'Outbound SMTP authentication mismatch', rank: 1, tellApart: 'The queue shows "rejected AUTH negotiation".' },
      { ...base, id: 'connection-timeout', title: 'The connection to the destination timed out', rank: 2, confidence: 'low', tellApart: 'The queue shows a connection timeout; probe port 25.' },
    ],
  };
}

export function userUnknownDiagnosis(): Diagnosis {
  return {
    kind: 'bounce',
    source: { format: 'mime', mta: 'postfix' },
    recipients: [{
      address: 'nobody@example.org', action: 'failed', status: '5.1.1', replyCode: '550', remoteHost: 'mx.example.org', remoteIp: '192.0.2.25',
      command: 'RCPT', diagnostic: '550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
      reason: 'userunknown', cause: 'recipient-unknown', hard: true,
    }],
    text: '',
    warnings: [],
    causes: [{
      id: 'recipient-unknown', title: 'The recipient address does not exist', summary: 'The receiving server has no mailbox with this address.',
      rank: 1, confidence: 'high', why: 'Status 5.1.1 and "User unknown".', actor: 'sender', hard: true,
      steps: { generic: ['Check the address for typos.'], postfix: ['Check `virtual_mailbox_maps`.'] }, references: [],
    }],
  };
}

export function notABounce(): Diagnosis {
  return { kind: 'not-a-bounce', source: { format: 'text' }, recipients: [], causes: [], text: '', warnings: [] };
}

export function host(overrides: Partial<HostProbe> = {}): HostProbe {
  return {
    name: 'mx.example.com', ip: '192.0.2.10', port: 25,
    steps: [
      { step: 'connect', ms: 12, ok: true },
      { step: 'banner', ms: 30, ok: true, reply: '220 mx.example.com ESMTP' },
      { step: 'ehlo', ms: 8, ok: true, reply: '250-mx.example.com\n250 STARTTLS' },
    ],
    banner: '220 mx.example.com ESMTP',
    ehlo: { before: ['STARTTLS', 'PIPELINING'] },
    auth: { before: [] },
    transcript: ['S: 220 mx.example.com ESMTP', 'C: EHLO smtpcheck.invalid', 'S: 250-mx.example.com', 'S: 250 STARTTLS', 'C: QUIT'],
    ...overrides,
  };
}

export function report(findings: Finding[], overrides: Partial<ProbeReport> = {}): ProbeReport {
  const worst = (['error', 'fail', 'warn', 'skip', 'pass'] as const).find((o) => findings.some((f) => f.outcome === o)) ?? 'pass';
  return {
    target: 'example.com', kind: 'domain', startedAt: new Date().toISOString(), ms: 420,
    dns: { mx: [{ exchange: 'mx.example.com', priority: 10, addresses: ['192.0.2.10'] }], lookups: [{ name: 'example.com', type: 'MX', ms: 3, answer: '10 mx.example.com' }] },
    hosts: [host()],
    findings,
    verdict: findings.find((f) => f.outcome === worst)?.title ?? 'All checks passed',
    outcome: worst,
    ...overrides,
  };
}

const H = 'mx.example.com[192.0.2.10]:25';
export const F = {
  mxOk: { id: 'mx-ok', outcome: 'pass', title: 'MX records found' },
  authNone: { id: 'auth-not-offered', outcome: 'warn', title: 'The server offers no AUTH', host: H, evidence: '250 STARTTLS' },
  tlsFail: { id: 'starttls-failed', outcome: 'fail', title: 'STARTTLS handshake failed', host: H, evidence: '454 4.7.0 TLS not available' },
  tlsOk: { id: 'starttls-ok', outcome: 'pass', title: 'STARTTLS works', host: H },
} satisfies Record<string, Finding>;

export interface FakeEngine extends Engine {
  calls: { explainPlatforms: (Platform | undefined)[]; probes: { target: string; opts: ProbeOptions }[] };
  /** Reports the next probes return, in order (the last one repeats). */
  reports: ProbeReport[];
}

/** A fake engine: recognises the story line, a 5.1.1 bounce and the #4.4.7 expiry; probes return `reports`. */
export function fakeEngine(reports: ProbeReport[] = [report([F.mxOk])]): FakeEngine {
  const engine: FakeEngine = {
    calls: { explainPlatforms: [], probes: [] },
    reports,
    looksLikeBounce: (text) => /AUTH negotiation|\b[45]\.\d\.\d{1,3}\b|#4\.4\.7/.test(text),
    diagnose: (input) => {
      const text = input.toString();
      if (text.includes('BINARY')) throw new (require('../../src/errors').SmtpcheckError)('smtpcheck_binary_input', 'That looks like a binary file, not a bounce message.');
      if (text.includes('AUTH negotiation')) return storyDiagnosis();
      if (text.includes('5.1.1')) return userUnknownDiagnosis();
      if (text.includes('#4.4.7')) return expiredDiagnosis();
      return notABounce();
    },
    explainDiagnosis: (d, opts) => {
      engine.calls.explainPlatforms.push(opts.platform);
      return explainDiagnosis(d, opts);
    },
    probe: async (target, opts) => {
      engine.calls.probes.push({ target, opts });
      const next = engine.reports.length > 1 ? engine.reports.shift()! : engine.reports[0];
      return { ...next, target, startedAt: new Date(Date.now() + engine.calls.probes.length).toISOString() };
    },
    explainProbe: (r) => explainProbe(r),
  };
  return engine;
}
