import { diagnosisReply } from '../../src/bot/handle';
import type { BotReply } from '../../src/bot/types';
import { renderDetailsText, renderDiagnosisText, renderHelpText, renderProbeText, renderReplyText, renderTranscriptText } from '../../src/render/text';
import { colorEnabled, colorStyle, stripAnsi, styleFor, wrap } from '../../src/render/terminal';
import { explainProbe } from '../../src/explain';
import type { ProbeReport } from '../../src/probe/types';
import { AUTH_LINE, expiredDiagnosis, F, fakeEngine, report, storyDiagnosis, userUnknownDiagnosis } from '../bot/fakes';

const engine = fakeEngine();
const probeReply = (r: ProbeReport) => ({ report: r, explanation: explainProbe(r), showTranscript: false });

/** Lines longer than the width are allowed only when they are one unbreakable word after the indent. */
function overlong(text: string, width = 80): string[] {
  return stripAnsi(text).split('\n').filter((l) => l.length > width && /\s\S+\s/.test(l.trim()));
}

describe('renderDiagnosisText', () => {
  const story = renderDiagnosisText(diagnosisReply(storyDiagnosis(), engine, undefined, 'paste'), { context: 'cli' });

  it('leads with a headline naming the cause, then the recipient\'s facts in the server\'s words', () => {
    const lines = story.split('\n');
    expect(lines[0]).toBe('Outbound SMTP authentication mismatch');
    expect(story).toMatch(/someone@example\.com\n\s+Status\s+4\.4\.7 \(delayed\)\n\s+Remote host\s+mx\.example\.com\n\s+SMTP stage\s+AUTH\n\s+Server said\s+"The remote SMTP service rejected AUTH negotiation"/);
  });

  it('gives the cause in plain words, who must act, and numbered steps for the report\'s platform', () => {
    expect(story).toMatch(/^Cause: Outbound SMTP authentication mismatch \(high confidence\)$/m);
    expect(story).toMatch(/Who must act: Your mail administrator\. Not permanent/);
    expect(story).toMatch(/What to do — Exchange Server 2003:\n  In Exchange System Manager[^\n]*\n  1\. Open Exchange System Manager\.\n  2\. /);
    expect(story).toMatch(/Outbound Security, select Anonymous\s+access/);
    expect(story).toMatch(/Other platforms: exchange-onprem, [^(]*postfix[^(]*\(run again with\s+--platform NAME\)/);
    expect(story).toMatch(/Confirm it: smtpcheck probe mx\.example\.com/);
    expect(story).toContain('https://support.microsoft.com/kb/329636');
  });

  it('fits an 80-column terminal', () => {
    expect(overlong(story)).toEqual([]);
    expect(overlong(renderDetailsText({ kind: 'details', diagnosis: userUnknownDiagnosis() }))).toEqual([]);
  });

  it('switches the steps with the platform and words hints for the chat in chat context', () => {
    const text = renderDiagnosisText(diagnosisReply(storyDiagnosis(), engine, 'exchange-onprem', 'platform'), { context: 'chat' });
    expect(text).toMatch(/What to do — Exchange Server \(on-premises\):/);
    expect(text).toContain('`Set-SendConnector -SmartHostAuthMechanism None`');
    expect(text).not.toMatch(/Open Exchange System Manager/);
    expect(text).toMatch(/Other platforms: exchange-2003, [^(]*\(type platform NAME\)/);
    expect(text).toMatch(/Confirm it: probe mx\.example\.com/);
  });

  it('falls back to the generic steps, saying so, when the platform has none', () => {
    const d = storyDiagnosis();
    // The catalogue has no Sendmail steps for malformed content (checked: kb/causes).
    d.causes[0] = { ...d.causes[0], id: 'content-malformed', steps: { generic: ['Find the program that wrote the broken headers.'] } };
    const text = renderDiagnosisText(diagnosisReply(d, engine, 'sendmail', 'platform'));
    expect(text).toMatch(/What to do — any mail system:\n  \(No steps specific to Sendmail; these apply to any mail system\.\)\n  1\. Find the program/);
  });

  it('leads a bare #4.4.7 with the symptom, then what may lie behind it with what tells them apart', () => {
    const text = renderDiagnosisText(diagnosisReply(expiredDiagnosis(), engine, undefined, 'paste'));
    expect(text).toMatch(/^Cause: Delivery retries ran out/m);
    expect(text).toMatch(/What may lie behind it, most likely first:\n  1\. Outbound SMTP authentication mismatch \(medium confidence\)\n     Tell apart: The queue shows "rejected AUTH negotiation"\.\n  2\. The connection to the destination timed out \(low confidence\)/);
    expect(text).toMatch(/Tell apart: The queue shows a connection timeout; probe port 25\./);
  });

  it('calls an uncertain lead the most likely cause and numbers the alternatives by rank', () => {
    const d = userUnknownDiagnosis();
    d.causes[0].confidence = 'medium';
    d.causes[0].tellApart = 'The address has a typo.';
    d.causes.push({ ...d.causes[0], id: 'mailbox-disabled', title: 'The mailbox is disabled', rank: 2, confidence: 'low', tellApart: 'The account was closed recently.' });
    const text = renderDiagnosisText(diagnosisReply(d, engine, undefined, 'paste'));
    expect(text).toMatch(/^Most likely cause: The recipient address does not exist \(medium confidence\)/m);
    expect(text).toMatch(/Tell apart: The address has a typo\./);
    expect(text).toMatch(/Other possible causes:\n  2\. The mailbox is disabled \(low confidence\)\n     Tell apart: The account was closed recently\./);
    expect(text).toMatch(/\(Steps are for the most likely cause\.\)/);
  });

  it('names the less likely candidates in one line when there are many', () => {
    const d = expiredDiagnosis();
    const extra = ['port25-blocked', 'dns-failure', 'greylisted', 'rate-limited'] as const;
    d.causes.push(...extra.map((id, i) => ({ ...d.causes[1], id, title: `Candidate ${id}`, rank: 3 + i })));
    const text = renderDiagnosisText(diagnosisReply(d, engine, undefined, 'paste'), { context: 'cli' });
    expect(text).toMatch(/  4\. Candidate dns-failure/);
    expect(text).not.toMatch(/  5\. /);
    expect(text).toMatch(/Less likely: Candidate greylisted; Candidate rate-limited[^)]*\(use --json\s+for\s+all\)\./);
  });

  it('says a delay is still being retried', () => {
    const d = storyDiagnosis();
    d.kind = 'delay';
    const text = renderDiagnosisText(diagnosisReply(d, engine, undefined, 'paste'));
    expect(text.split('\n')[0]).toBe('Delivery is only delayed — still retrying');
    expect(text).toMatch(/Temporary: the server is still\s+retrying/);
  });

  it('masks secrets that came in with the bounce', () => {
    const d = storyDiagnosis();
    d.recipients[0].diagnostic = `${AUTH_LINE} after AUTH PLAIN AGFsaWNlAHNlY3JldHBhc3N3b3Jk`;
    expect(renderDiagnosisText(diagnosisReply(d, engine, undefined, 'paste'))).not.toContain('AGFsaWNlAHNlY3JldHBhc3N3b3Jk');
  });
});

describe('renderProbeText', () => {
  const r = report([F.mxOk, F.authNone, F.tlsFail]);
  const text = renderProbeText({ report: r, explanation: explainProbe(r), showTranscript: false }, { context: 'cli' });

  it('puts the verdict first, then each step with its timing', () => {
    expect(text.split('\n')[0]).toBe('FAIL: STARTTLS handshake failed');
    expect(text).toMatch(/No message\s+was sent\./);
    expect(text).toMatch(/^\s+banner\s+30 ms\s+ok\s+220 mx\.example\.com ESMTP$/m);
    expect(text).toMatch(/AUTH\s+before TLS: none offered/);
  });

  it('lists findings worst first with their evidence', () => {
    const findings = text.slice(text.indexOf('Problems:'));
    expect(findings).toMatch(/^Problems:\n  \[FAIL\][\s\S]*\nWarnings:\n  \[WARN\][\s\S]*\nPassed:\n  \[PASS\]/);
    expect(findings.indexOf('[FAIL]')).toBeLessThan(findings.indexOf('[WARN]'));
    expect(findings.indexOf('[WARN]')).toBeLessThan(findings.indexOf('[PASS]'));
    expect(findings).toMatch(/\[FAIL\]\s+STARTTLS handshake failed\n\s+evidence: "454 4\.7\.0 TLS not available"/);
  });

  it('names the host of each finding only when several hosts were probed', () => {
    const two = report([F.tlsFail], { hosts: [r.hosts[0], { ...r.hosts[0], name: 'mx2.example.com', ip: '192.0.2.11' }] });
    expect(renderProbeText({ report: two, explanation: explainProbe(two), showTranscript: false })).toMatch(/\[FAIL\]\s+STARTTLS handshake failed — mx\.example\.com\[192\.0\.2\.10\]:25\n/);
  });

  it('does not repeat the outcome when the verdict already starts with it', () => {
    expect(renderProbeText(probeReply(report([F.authNone], { verdict: 'WARN: no AUTH' }))).split('\n')[0]).toBe('WARN: no AUTH');
  });

  it('appends the transcript only when asked', () => {
    expect(text).not.toContain('C: EHLO smtpcheck.invalid');
    expect(renderProbeText({ report: r, explanation: explainProbe(r), showTranscript: true })).toMatch(/Transcript mx\.example\.com\[192\.0\.2\.10\]:25\n  S: 220 mx\.example\.com ESMTP\n  C: EHLO/);
  });

  it('says what changed since the previous run', () => {
    const out = renderProbeText({
      report: r, explanation: explainProbe(r), showTranscript: false,
      comparedTo: { at: '2025-01-01T00:00:00.000Z', outcome: 'pass', verdict: 'ok', changes: [
        { change: 'appeared', id: 'starttls-failed', title: 'STARTTLS handshake failed', after: 'fail' },
        { change: 'disappeared', id: 'cert-expired', title: 'Certificate expired', before: 'fail' },
        { change: 'changed', id: 'auth-not-offered', title: 'The server offers no AUTH', before: 'pass', after: 'warn' },
      ] },
    });
    expect(out).toMatch(/Since the last run \(2025-01-01T00:00:00\.000Z, PASS\):\n  \+ new: \[FAIL\] STARTTLS handshake failed\n  - gone: \[FAIL\] Certificate expired\n  ~ PASS → WARN: The server offers no AUTH/);
  });

  it('shows the certificate facts a postmaster checks', () => {
    const withTls = report([F.tlsOk], { hosts: [{ ...r.hosts[0], tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', cert: { subject: 'CN=mx.example.com', trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT', nameMatches: true, validTo: '2030-01-01', daysLeft: 1000 } } }] });
    const out = renderProbeText(probeReply(withTls));
    expect(out).toMatch(/TLS\s+TLSv1\.3 TLS_AES_256_GCM_SHA384/);
    expect(out).toMatch(/NOT trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    expect(overlong(out)).toEqual([]);
  });
});

describe('renderReplyText', () => {
  it('renders the transcript follow-up, help, notices and errors', () => {
    const state = { v: 1 as const };
    const transcript: BotReply = { kind: 'transcript', target: 'example.com', rerun: true, startedAt: 't', dns: [{ name: 'example.com', type: 'MX', ms: 3, answer: '10 mx.example.com' }], hosts: [{ label: 'mx[192.0.2.1]:25', lines: ['S: 220 hi'], error: 'timed out' }], state };
    expect(renderTranscriptText(transcript)).toMatch(/run again just now[\s\S]*3 ms\s+MX\s+example\.com 10 mx\.example\.com[\s\S]*S: 220 hi\n  ! timed out/);
    const help = renderReplyText({ kind: 'help', commands: [{ usage: 'recheck', description: 'Run it again.' }], platforms: [], state });
    expect(help).toMatch(/recheck\n    Run it again\.[\s\S]*quit/);
    expect(renderReplyText({ kind: 'notice', message: 'Nothing yet.', state })).toBe('Nothing yet.\n');
    expect(renderReplyText({ kind: 'error', code: 'smtpcheck_bad_target' as never, message: 'Bad target.', state })).toBe('Bad target.\n');
  });

  it('documents the CLI, its options and exit statuses in help', () => {
    const help = renderHelpText();
    for (const word of ['diagnose', 'probe', '--jsonl', '--platform', '--rcpt', '--transcript', 'Exit status', 'SMTPCHECK_ALLOW_PRIVATE']) expect(help).toContain(word);
    expect(overlong(help)).toEqual([]);
  });
});

describe('terminal', () => {
  it('uses colour only on a TTY without NO_COLOR', () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled({}, {})).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(styleFor({ isTTY: false }, {}).red('x')).toBe('x');
  });

  it('renders the same words with colour as without', () => {
    const reply = diagnosisReply(storyDiagnosis(), engine, undefined, 'paste');
    const coloured = renderDiagnosisText(reply, { style: colorStyle });
    expect(coloured).toContain('\x1b[');
    expect(stripAnsi(coloured)).toBe(renderDiagnosisText(reply));
  });

  it('wraps at the width with a hanging indent and keeps long words whole', () => {
    expect(wrap('aaa bbb ccc ddd', 9, '- ', '  ')).toEqual(['- aaa bbb', '  ccc ddd']);
    expect(wrap('see https://example.com/a/very/long/path/that/does/not/fit', 20)).toEqual(['see', 'https://example.com/a/very/long/path/that/does/not/fit']);
  });
});
