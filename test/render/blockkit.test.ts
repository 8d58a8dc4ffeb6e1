/**
 * Block Kit rendering: every message stays inside Slack's limits however large the input (checked by the
 * fake Slack's validator, which rejects what Slack rejects), carries fallback text, escapes and masks
 * untrusted words, and lays out what explain decided.
 */
import { checkMessage, checkView } from '../fake-slack/validate';
import {
  ACTIONS, blockTextLength, cut, escapeMrkdwn, fit, renderDetails, renderDiagnosis, renderHome, renderProbe, renderProbeRoot,
  renderProbeStarted, renderReply, renderTranscript, stepMrkdwn, LIMITS, type SlackMessage,
} from '../../src/render/blockkit';
import { explainDiagnosis, explainProbe } from '../../src/explain';
import { CAUSES } from '../../src/kb/causes';
import { HELP_COMMANDS, initialState } from '../../src/bot/handle';
import type { Diagnosis, ClassifiedRecipient } from '../../src/classify/types';
import type { DiagnosisReply, ProbeReply, TranscriptReply } from '../../src/bot/types';
import type { ProbeReport } from '../../src/probe/types';
import { PLATFORMS, type Platform } from '../../src/kb/types';

function valid(m: SlackMessage): void {
  expect(checkMessage({ text: m.text, blocks: m.blocks })).toBeUndefined();
  expect(m.text.length).toBeGreaterThan(0);
  expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallback);
  expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(blockTextLength(m.blocks)).toBeLessThanOrEqual(LIMITS.totalText);
}

function recipient(i: number, diagnostic: string): ClassifiedRecipient {
  return {
    address: `user${i}@example.com`, status: '5.1.1', replyCode: '550', remoteHost: `mx${i}.example.com`, remoteIp: '192.0.2.25', command: 'RCPT',
    action: 'failed', diagnostic, reason: 'userunknown', cause: 'recipient-unknown', hard: true, rule: 'test',
  };
}

/** A diagnosis as classify shapes it (types from classify/types), sized by the test. */
function diagnosis(recipients: ClassifiedRecipient[], opts: { platform?: Platform; causes?: (keyof typeof CAUSES)[] } = {}): Diagnosis {
  const ids = opts.causes ?? ['recipient-unknown'];
  return {
    kind: 'bounce', source: { format: 'mime', mta: 'postfix' }, recipients, text: '', warnings: ['The input was larger than 2 MiB; only the first part was read.'],
    causes: ids.map((id, i) => {
      const c = CAUSES[id];
      return { id, title: c.title, summary: c.summary, rank: i + 1, confidence: i ? 'low' : ids.length > 1 ? 'medium' : 'high', why: 'test', tellApart: 'Read the queue log.', actor: c.actor, hard: c.hard, steps: c.steps, ...(c.confirmBy ? { confirmBy: c.confirmBy } : {}), references: c.references };
    }),
    ...(opts.platform ? { platform: opts.platform } : {}),
  };
}

function diagnosisReply(d: Diagnosis, platform?: Platform): DiagnosisReply {
  const explanation = explainDiagnosis(d, platform ? { platform } : {});
  return {
    kind: 'diagnosis', trigger: 'paste', diagnosis: d, explanation, platform: explanation.platform.chosen,
    platformSource: platform ? 'chosen' : 'report', otherPlatforms: [],
    ...(explanation.confirm ? { suggestedProbe: { target: explanation.confirm.target, note: explanation.confirm.why } } : {}),
  };
}

function probeReport(hosts: number, transcriptLines: number, findings: number): ProbeReport {
  return {
    target: 'example.com', kind: 'domain', startedAt: '2026-11-27T12:00:00.000Z', ms: 1234,
    dns: { mx: Array.from({ length: hosts }, (_, i) => ({ exchange: `mx${i}.example.com`, priority: 10 + i, addresses: [`192.0.2.${i + 1}`] })), spf: { record: 'v=spf1 mx -all' }, lookups: Array.from({ length: 40 }, (_, i) => ({ name: `q${i}.example.com`, type: 'A', ms: i, answer: '192.0.2.1' })) },
    hosts: Array.from({ length: hosts }, (_, i) => ({
      name: `mx${i}.example.com`, ip: `192.0.2.${i + 1}`, port: 25, steps: [{ step: 'connect', ms: 3, ok: true }, { step: 'banner', ms: 5, ok: true, reply: '220 hi' }],
      banner: '220 mx ESMTP', ehlo: { before: ['STARTTLS', 'AUTH LOGIN'] }, auth: { before: ['LOGIN'] }, tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' },
      transcript: Array.from({ length: transcriptLines }, (_, j) => `${j % 2 ? 'C' : 'S'}: line ${j} ${'x'.repeat(60)}`),
    })),
    findings: Array.from({ length: findings }, (_, i) => ({ id: i % 2 ? 'auth-offered-plaintext' : 'mx-ok', outcome: i % 3 ? 'warn' : 'fail', title: `Finding ${i} ${'y'.repeat(100)}`, host: `mx0.example.com[192.0.2.1]:25`, evidence: 'e'.repeat(500) })),
    verdict: 'Offers AUTH before STARTTLS', outcome: 'fail',
  };
}

function probeReply(report: ProbeReport, showTranscript = false): ProbeReply {
  return { kind: 'probe', trigger: 'probe', report, explanation: explainProbe(report), showTranscript };
}

describe('renderDiagnosis', () => {
  it('lays out headline, cause, recipient facts, steps for the platform, the select and the buttons', () => {
    const reply = diagnosisReply(diagnosis([recipient(1, '550 5.1.1 <user1@example.com>: Recipient address rejected: User unknown')], { causes: ['outbound-auth-mismatch'] }), 'exchange-2003');
    const m = renderDiagnosis(reply);
    valid(m);
    const json = JSON.stringify(m.blocks);
    expect(m.blocks[0]).toMatchObject({ type: 'header' });
    expect(json).toContain(CAUSES['outbound-auth-mismatch'].title);
    expect(json).toContain('user1@example.com');
    expect(json).toContain('> 550 5.1.1 &lt;user1@example.com&gt;');
    expect(json).toContain('What to do — ');
    const actions = m.blocks.find((b) => b.type === 'actions');
    expect(JSON.stringify(actions)).toContain(ACTIONS.platform);
    const select = actions?.type === 'actions' ? actions.elements.find((e) => e.type === 'static_select') : undefined;
    expect(select?.type === 'static_select' && select.initial_option?.value).toBe('exchange-2003');
    expect(select?.type === 'static_select' && select.options.map((o) => o.value)).toEqual([...PLATFORMS]);
    expect(JSON.stringify(actions)).toContain(ACTIONS.details);
    expect(m.text).toContain(reply.explanation.headline);
  });

  it('stays within Slack limits for 300 recipients with 10 kB server replies and many candidate causes', () => {
    const many = Array.from({ length: 300 }, (_, i) => recipient(i, `550 ${'z'.repeat(10_000)}`));
    const m = renderDiagnosis(diagnosisReply(diagnosis(many, { causes: ['delivery-expired', 'outbound-auth-mismatch', 'connection-timeout', 'dns-failure', 'relay-denied', 'greylisted'] })));
    valid(m);
    expect(JSON.stringify(m.blocks)).toMatch(/295 more recipients — use \*Show details\*/);
  });

  it('escapes Slack control characters and masks tokens in the server\'s words', () => {
    const nasty = recipient(1, '550 <!channel> <@U123> &amp; token xoxb-1234567890-abcdefghij said no');
    const m = renderDiagnosis(diagnosisReply(diagnosis([nasty])));
    const json = JSON.stringify(m);
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).not.toContain('xoxb-1234567890');
    valid(m);
  });

  it('turns step code with backticks (sendmail m4) into a code block and keeps `inline` code', () => {
    expect(stepMrkdwn('Run `postqueue -f` now')).toBe('Run `postqueue -f` now');
    expect(stepMrkdwn("Add ``define(`SMART_HOST', `relay')`` to sendmail.mc")).toContain("```define(`SMART_HOST', `relay')```");
    expect(stepMrkdwn('Use `a<b` & more')).toBe('Use `a&lt;b` &amp; more');
  });

  it('renders details for every recipient within limits', () => {
    const d = diagnosis(Array.from({ length: 80 }, (_, i) => recipient(i, 'd'.repeat(3000))));
    const m = renderDetails({ kind: 'details', diagnosis: d });
    valid(m);
    expect(JSON.stringify(m.blocks)).toContain('Recipient 1: user0@example.com');
  });
});

describe('renderProbe and transcripts', () => {
  it('keeps a probe of 10 hosts with 60 findings inside the limits', () => {
    const m = renderProbe(probeReply(probeReport(10, 50, 60)));
    valid(m);
    expect(m.text).toMatch(/^FAIL: example\.com/);
    const json = JSON.stringify(m.blocks);
    expect(json).toContain(ACTIONS.recheck);
    expect(json).toContain(ACTIONS.transcript);
    expect(json).toMatch(/6 more hosts probed/);
  });

  it('cuts a 5000-line transcript with a pointer, and keeps code fences balanced', () => {
    const m = renderProbe(probeReply(probeReport(2, 5000, 3), true));
    valid(m);
    const t: TranscriptReply = {
      kind: 'transcript', target: 'example.com', rerun: true, startedAt: 'now',
      dns: Array.from({ length: 500 }, (_, i) => ({ name: `n${i}`, type: 'MX', ms: 1, answer: 'a'.repeat(50) })),
      hosts: Array.from({ length: 8 }, (_, i) => ({ label: `mx${i}[192.0.2.${i}]:25`, lines: Array.from({ length: 5000 }, (_, j) => `S: ${j} ${'q'.repeat(80)}`) })),
    };
    const tm = renderTranscript(t);
    valid(tm);
    const json = JSON.stringify(tm.blocks);
    expect(json).toMatch(/more lines not shown/);
    for (const b of tm.blocks) {
      if (b.type === 'section' && b.text) expect((b.text.text.match(/```/g) ?? []).length % 2).toBe(0);
    }
  });

  it('masks AUTH credentials in transcripts', () => {
    const report = probeReport(1, 0, 1);
    report.hosts[0].transcript = ['C: AUTH PLAIN dXNlcgB1c2VyAHBhc3N3b3Jk', 'S: 235 ok'];
    const json = JSON.stringify(renderProbe(probeReply(report, true)));
    expect(json).not.toContain('dXNlcgB1c2VyAHBhc3N3b3Jk');
  });

  it('renders the slash-command root before and after', () => {
    const started = renderProbeStarted({ target: 'example.com', port: 587 }, 'U0ALICE');
    valid(started);
    expect(started.text).toBe('Checking example.com port 587…');
    expect(JSON.stringify(started.blocks)).toContain('<@U0ALICE>');
    const done = renderProbeRoot(probeReport(1, 1, 1), 'U0ALICE');
    valid(done);
    expect(done.text).toMatch(/^FAIL: example\.com/);
  });
});

describe('every reply kind and App Home', () => {
  it('renders help, usage, notices and errors with fallback text', () => {
    const state = initialState();
    for (const reply of [
      { kind: 'help', commands: HELP_COMMANDS, platforms: [], state },
      { kind: 'usage', message: 'Usage: probe <x>', state },
      { kind: 'notice', message: 'Nothing to re-check yet', state },
      { kind: 'not-understood', why: 'unknown', message: 'I did not understand that', state },
      { kind: 'error', code: 'smtpcheck_bad_input', message: 'That is too large <script>', state },
    ] as Parameters<typeof renderReply>[0][]) {
      const m = renderReply(reply);
      valid(m);
    }
    expect(JSON.stringify(renderReply({ kind: 'error', code: 'smtpcheck_bad_input', message: 'a <b>', state } as Parameters<typeof renderReply>[0]))).toContain('a &lt;b&gt;');
  });

  it('publishes a valid App Home naming ports, the private-address policy and rate limits', () => {
    const view = renderHome({ slashCommand: '/smtpcheck', commands: HELP_COMMANDS, allowedPorts: [25, 587], allowPrivate: true, probesPerUserPerMinute: 3, probesPerTeamPerMinute: 20, probeTimeoutMs: 20000, maxInputBytes: 2 * 1024 * 1024, mode: 'socket' });
    expect(checkView(view)).toBeUndefined();
    const json = JSON.stringify(view);
    expect(json).toContain('25, 587');
    expect(json).toContain('allowed (SMTPCHECK_ALLOW_PRIVATE=1)');
    expect(json).toContain('3 a minute');
    expect(json).toContain('20 a minute');
  });
});

describe('fit and cut', () => {
  it('fit() trims any message to Slack\'s block count and text budget, keeping the buttons', () => {
    const section = (t: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text: t } });
    const m = fit({ text: 'x', blocks: [...Array.from({ length: 80 }, (_, i) => section(`${i} ${'w'.repeat(2500)}`)), { type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'A' } }] }] });
    valid(m);
    expect(m.blocks[m.blocks.length - 1].type).toBe('actions');
  });

  it('cut() never leaves half an entity', () => {
    expect(cut(escapeMrkdwn('aaaa&bbbb'), 7)).toBe('aaaa…');
  });
});
