/**
 * Text from strangers — a bounce's "server said" words, a probed server's banner and replies — must
 * not turn into Slack markup: no @channel/@here pings, no user mentions, no disguised links. The
 * bounce comes in both ways a user gives it (a Slack message, whose markup intake undoes, and an
 * uploaded .eml, read as it is); the probe report is built by hand with hostile server text in every
 * field a server controls. Shapes: Postfix bounce(8) wording; ProbeReport as src/probe/types.ts.
 */
import { diagnose } from '../../src/pipeline';
import { createEngine } from '../../src/bot/engine';
import { diagnosisReply } from '../../src/bot/handle';
import { loadConfig } from '../../src/config';
import { explainProbe } from '../../src/explain';
import { makeFinding } from '../../src/probe/findings';
import type { ProbeReport } from '../../src/probe/types';
import { renderDiagnosis, renderProbe, renderProbeRoot, renderTranscript } from '../../src/render/blockkit';

const HOSTILE = '<!channel> <!here|here> <!everyone> <@U0123ABC> <#C0123|general> <!subteam^S0123|@admins> <https://evil.example/login|Click here to fix>';
/** What must never reach Slack unescaped: a special mention, a user/channel/group mention, a labelled link. */
const MARKUP = /<!(?:channel|here|everyone|subteam)|<@U0123ABC|<#C0123|<https?:\/\/evil/;

function bounce(words: string): string {
  return [
    'This is the mail system at host mail.example.org.',
    '',
    `<user@example.com>: host mx.example.com[192.0.2.25] said: 550 5.1.1 ${words} User unknown (in reply to RCPT TO command)`,
    '',
  ].join('\n');
}

const engine = createEngine(loadConfig({}));

describe('a bounce\'s words cannot ping or link in Slack', () => {
  it.each(['slack', 'file'] as const)('origin %s', (origin) => {
    const d = diagnose(bounce(HOSTILE), { origin });
    expect(d.recipients.map((r) => r.address)).toEqual(['user@example.com']);
    const msg = renderDiagnosis(diagnosisReply(d, engine, undefined, 'paste'));
    const all = JSON.stringify(msg);
    expect(all).not.toMatch(MARKUP);
    // The words are still shown, harmlessly (escaped or as plain text).
    expect(all).toMatch(/channel/);
  });
});

describe('a probed server\'s words cannot ping or link in Slack', () => {
  const host = 'mx.example.test[192.0.2.7]:25';
  const report: ProbeReport = {
    target: 'example.test',
    kind: 'domain',
    startedAt: '2024-01-01T00:00:00.000Z',
    ms: 1200,
    dns: { lookups: [{ name: 'example.test', type: 'MX', ms: 3, answer: `10 mx.example.test ${HOSTILE}` }] },
    hosts: [{
      name: 'mx.example.test',
      ip: '192.0.2.7',
      port: 25,
      banner: `220 mx.example.test ESMTP ${HOSTILE}`,
      steps: [{ step: 'connect', ms: 12, ok: true }, { step: 'banner', ms: 30, ok: true }],
      ehlo: { before: ['PIPELINING', `X-${HOSTILE}`] },
      auth: { before: [], after: [] },
      transcript: [`S: 220 mx.example.test ESMTP ${HOSTILE}`, 'C: EHLO probe.smtpcheck.test', `S: 554 5.7.1 ${HOSTILE}`],
      error: { code: 'EPROTOCOL', message: `554 5.7.1 ${HOSTILE}` },
    }],
    findings: [
      makeFinding('banner-rejected', { host, evidence: `554 5.7.1 ${HOSTILE}` }),
      makeFinding('ehlo-ok', { host, evidence: `250 mx.example.test ${HOSTILE}` }),
    ],
    verdict: `mx.example.test rejects connections: 554 5.7.1 ${HOSTILE}`,
    outcome: 'fail',
  };

  const probeMessage = () => renderProbe({ kind: 'probe', trigger: 'probe', report, explanation: explainProbe(report), showTranscript: true });

  it('the probe reply\'s blocks, and the channel root message\'s blocks', () => {
    expect(JSON.stringify(probeMessage().blocks)).not.toMatch(MARKUP);
    expect(JSON.stringify(renderProbeRoot(report, 'U999').blocks)).not.toMatch(MARKUP);
  });

  // Regression (QA): fallback text is escaped like the blocks — a banner saying <!channel> must not notify.
  it('the probe reply\'s fallback text (what notifications show)', () => {
    expect(probeMessage().text).not.toMatch(MARKUP);
  });

  it('the channel root message\'s fallback text (renderProbeRoot)', () => {
    expect(renderProbeRoot(report, 'U999').text).not.toMatch(MARKUP);
  });

  it('the transcript reply', () => {
    const msg = renderTranscript({
      kind: 'transcript', target: report.target, rerun: false, startedAt: report.startedAt,
      dns: report.dns.lookups ?? [],
      hosts: [{ label: host, lines: report.hosts[0].transcript, error: report.hosts[0].error?.message }],
    });
    expect(JSON.stringify(msg)).not.toMatch(MARKUP);
  });
});
