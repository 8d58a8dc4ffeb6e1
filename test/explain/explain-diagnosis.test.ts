/**
 * explainDiagnosis: the story case across platforms and with probe evidence, a bare #4.4.7 with candidates,
 * reports that are not failures, delays, and the recipient facts shown to the user.
 */
import { explainDiagnosis } from '../../src/explain';
import { NO_CAUSE_HEADLINE } from '../../src/explain/labels';
import { CAUSES } from '../../src/kb/causes';
import {
  diagnosis, EX2003_EXPIRY_TEXT, finding, probeReport, ranked, recipient, storyDiagnosis,
} from './fixtures';

const stepsText = (steps: string[]) => steps.join('\n');

describe('the story: outbound-auth-mismatch', () => {
  test('Exchange 2003: Outbound Security → Anonymous access on the virtual server and on the connector', () => {
    const e = explainDiagnosis(storyDiagnosis('exchange-2003'));
    expect(e.kind).toBe('bounce');
    expect(e.headline).toBe(CAUSES['outbound-auth-mismatch'].title);
    expect(e.platform).toMatchObject({ chosen: 'exchange-2003', source: 'report', hasSteps: true });
    expect(e.platform.adminTool).toMatch(/Exchange System Manager/);

    const top = e.causes[0];
    expect(top.id).toBe('outbound-auth-mismatch');
    expect(top.stepsPlatform).toBe('exchange-2003');
    const text = stepsText(top.steps);
    expect(text).toMatch(/Default SMTP Virtual Server → Properties → Delivery tab → Outbound Security → select Anonymous access/);
    expect(text).toMatch(/SMTP connector → Properties → Advanced tab → Outbound Security → select Anonymous access/);
    expect(text).toMatch(/rejected AUTH negotiation/);
    // The Exchange 2003 procedure stands alone: no PowerShell or Postfix advice mixed in.
    expect(text).not.toMatch(/Set-SendConnector|postconf/);
    expect(top.actorLabel).toBe('Your mail administrator');
    expect(top.retryAdvice).toMatch(/already bounced must be resent/);
  });

  test('the UI can offer every platform that has steps for the lead cause', () => {
    const e = explainDiagnosis(storyDiagnosis('exchange-2003'));
    expect(e.platform.available).toEqual([
      'exchange-2003', 'exchange-onprem', 'exchange-online', 'google-workspace', 'postfix', 'exim', 'sendmail', 'generic',
    ]);
  });

  test('switching to Exchange 2007–SE gives Send connector cmdlets instead', () => {
    const e = explainDiagnosis(storyDiagnosis('exchange-2003'), { platform: 'exchange-onprem' });
    expect(e.platform).toMatchObject({ chosen: 'exchange-onprem', source: 'option' });
    const text = stepsText(e.causes[0].steps);
    expect(text).toContain('Set-SendConnector');
    expect(text).toContain('SmartHostAuthMechanism');
    expect(text).toContain('-DNSRoutingEnabled $true');
    expect(text).not.toMatch(/Exchange System Manager/);
  });

  test('Postfix steps and generic fallback', () => {
    expect(stepsText(explainDiagnosis(storyDiagnosis(), { platform: 'postfix' }).causes[0].steps)).toContain('smtp_sasl_auth_enable = no');
    const generic = explainDiagnosis(storyDiagnosis(null));
    expect(generic.platform).toMatchObject({ chosen: 'generic', source: 'default' });
    expect(generic.causes[0].steps).toEqual(CAUSES['outbound-auth-mismatch'].steps.generic);
  });

  test('suggests probing the remote host the bounce names', () => {
    const e = explainDiagnosis(storyDiagnosis());
    expect(e.confirm).toEqual(expect.objectContaining({
      cause: 'outbound-auth-mismatch', target: 'mx.example.com', targetKind: 'remote-host',
      command: 'smtpcheck probe mx.example.com', lookFor: ['auth-not-offered', 'auth-only-after-starttls'],
    }));
    expect(e.confirm?.fallback).toBeUndefined();
  });

  test('a probe showing no AUTH on that host confirms it', () => {
    const report = probeReport([finding('connect-ok', 'pass'), finding('starttls-ok', 'pass'), finding('auth-not-offered', 'pass')]);
    const e = explainDiagnosis(storyDiagnosis(), { probe: report });
    expect(e.probeEvidence).toMatchObject({ cause: 'outbound-auth-mismatch', verdict: 'confirmed', target: 'mx.example.com' });
    expect(e.probeEvidence?.line).toBe('Confirmed: mx.example.com offers no AUTH — deliver anonymously');
    expect(e.probeEvidence?.confirming.map((f) => f.findingId)).toEqual(['auth-not-offered']);
    expect(e.lead).toBe(e.probeEvidence?.line);
    expect(e.causes[0].probe).toBe('confirmed');
  });

  test('a probe showing AUTH only after STARTTLS also confirms it, with the TLS-first fix', () => {
    const e = explainDiagnosis(storyDiagnosis(), { probe: probeReport([finding('auth-only-after-starttls', 'pass')]) });
    expect(e.probeEvidence?.verdict).toBe('confirmed');
    expect(e.probeEvidence?.line).toMatch(/^Confirmed: mx\.example\.com offers AUTH only after STARTTLS/);
  });

  test('a probe showing AUTH offered argues against it', () => {
    const e = explainDiagnosis(storyDiagnosis(), { probe: probeReport([finding('auth-offered', 'pass')]) });
    expect(e.probeEvidence?.verdict).toBe('contradicted');
    expect(e.probeEvidence?.line).toMatch(/^Not confirmed: mx\.example\.com does offer AUTH/);
    expect(e.causes[0].probe).toBe('contradicted');
  });

  test('a probe that could not connect is inconclusive and says what it found instead', () => {
    const e = explainDiagnosis(storyDiagnosis(), { probe: probeReport([finding('connect-timeout', 'fail')], { outcome: 'fail' }) });
    expect(e.probeEvidence?.verdict).toBe('inconclusive');
    expect(e.probeEvidence?.other.map((o) => o.findingId)).toEqual(['connect-timeout']);
    expect(e.probeEvidence?.other[0].causes).toContain('connection-timeout');
    expect(e.probeEvidence?.line).toMatch(/connections to mx\.example\.com time out/);
  });
});

describe('a bare #4.4.7: the symptom with ranked candidates', () => {
  const bare = () => diagnosis({
    recipients: [recipient({ cause: 'delivery-expired', status: '4.4.7' })],
    causes: [ranked('delivery-expired', 1, 'high', 'Enhanced status 4.4.7')],
  });

  test('lists several candidates, each with what tells it apart', () => {
    const e = explainDiagnosis(bare());
    expect(e.causes[0].id).toBe('delivery-expired');
    expect(e.headline).toMatch(/^Delivery retries ran out .* likely causes below/);
    const candidates = e.causes.slice(1);
    expect(candidates.length).toBeGreaterThanOrEqual(5);
    expect(candidates[0].id).toBe('outbound-auth-mismatch');
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining(['connection-timeout', 'port25-blocked', 'dns-failure']));
    for (const c of candidates) {
      expect(c.tellApart).toBeTruthy();
      expect(c.confidence).toBe('low');
      expect(c.rank).toBe(e.causes.indexOf(c) + 1);
    }
    expect(e.causes.length).toBeLessThanOrEqual(7);
  });

  test('the symptom\'s own steps say where to find the real error on the chosen platform', () => {
    const e = explainDiagnosis(bare(), { platform: 'exchange-onprem' });
    expect(e.causes[0].stepsPlatform).toBe('exchange-onprem');
    expect(stepsText(e.causes[0].steps)).toMatch(/Get-Queue .*LastError/);
  });

  test('with no remote host named, the probe falls back to the recipient domain', () => {
    const e = explainDiagnosis(bare());
    expect(e.confirm).toMatchObject({ cause: 'outbound-auth-mismatch', target: 'example.com', fallback: true });
    expect(e.confirm?.why).toMatch(/probe that host instead/);
  });

  test('words in the report move the matching candidate up', () => {
    const d = bare();
    d.recipients[0].diagnostic = '451 4.4.0 Primary target IP address responded with: "421 4.4.1 Connection timed out." Attempted failover to alternate host, but that did not succeed.';
    const e = explainDiagnosis(d);
    expect(e.causes[1].id).toBe('connection-timeout');
    expect(e.causes[1].why).toMatch(/report's wording points to it/);
  });

  test('a probe only supports a candidate (an MX without AUTH is normal) and moves it up, without claiming proof', () => {
    const report = probeReport([finding('connect-ok', 'pass'), finding('auth-not-offered', 'pass')], { target: 'example.com', kind: 'domain' });
    const e = explainDiagnosis(bare(), { probe: report });
    expect(e.probeEvidence).toMatchObject({ cause: 'outbound-auth-mismatch', verdict: 'supported' });
    expect(e.probeEvidence?.line).toBe(`Fits "${CAUSES['outbound-auth-mismatch'].title}": mx.example.com offers no AUTH — deliver anonymously`);
    expect(e.headline).toMatch(/^Delivery retries ran out/);
    expect(e.lead).toBe(e.probeEvidence?.line);
    expect(e.causes.map((c) => c.id).slice(0, 2)).toEqual(['delivery-expired', 'outbound-auth-mismatch']);
    expect(e.causes[1].probe).toBe('supported');
    // The MX answered from outside, so "their server times out" is ruled out and drops to the end.
    const timeout = e.causes.find((c) => c.id === 'connection-timeout')!;
    expect(timeout.probe).toBe('contradicted');
    const lastOpen = Math.max(...e.causes.filter((c) => c.probe !== 'contradicted').map((c) => e.causes.indexOf(c)));
    expect(e.causes.indexOf(timeout)).toBeGreaterThan(lastOpen);
    expect(e.causes.map((c) => c.rank)).toEqual(e.causes.map((_, i) => i + 1));
  });

  test('a cause the report itself points to, confirmed by the probe, takes the lead over the symptom', () => {
    const d = bare();
    d.causes.push(ranked('outbound-auth-mismatch', 2, 'medium', 'Queue text mentions AUTH'));
    const e = explainDiagnosis(d, { probe: probeReport([finding('auth-not-offered', 'pass')]) });
    expect(e.causes.map((c) => c.id)).toEqual(['outbound-auth-mismatch', 'delivery-expired']);
    expect(e.headline).toBe(CAUSES['outbound-auth-mismatch'].title);
    expect(e.probeEvidence?.line).toBe('Confirmed: mx.example.com offers no AUTH — deliver anonymously');
  });

  test('classify\'s shape — candidates only, the symptom left on the recipient — still leads with the symptom', () => {
    // rankCauses replaces a bare symptom by its candidates (low, or medium when the words point to one).
    const d = diagnosis({
      recipients: [recipient({ cause: 'delivery-expired', status: '4.4.7' })],
      causes: [
        { ...ranked('outbound-auth-mismatch', 1, 'low'), tellApart: 'from classify' },
        ranked('connection-timeout', 2, 'low'),
        ranked('port25-blocked', 3, 'low'),
      ],
    });
    const e = explainDiagnosis(d);
    expect(e.causes.map((c) => c.id)).toEqual(['delivery-expired', 'outbound-auth-mismatch', 'connection-timeout', 'port25-blocked']);
    expect(e.causes.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
    expect(e.causes[0].why).toMatch(/4\.4\.7/);
    expect(e.headline).toMatch(/^Delivery retries ran out/);
    expect(e.causes[1].tellApart).toBe('from classify');
    expect(e.causes[2].tellApart).toMatch(/10060/);
  });

  test('a cause decided by clear words is not buried under candidates', () => {
    const d = diagnosis({
      recipients: [recipient({ cause: 'delivery-expired', status: '4.4.7' })],
      causes: [ranked('outbound-auth-mismatch', 1, 'high'), ranked('connection-timeout', 2, 'low')],
    });
    const e = explainDiagnosis(d);
    expect(e.causes.map((c) => c.id)).toEqual(['outbound-auth-mismatch', 'connection-timeout']);
    expect(e.headline).toBe(CAUSES['outbound-auth-mismatch'].title);
  });

  test('candidates classify already ranked keep their place and gain a tellApart', () => {
    const d = bare();
    d.causes.push({ ...ranked('dns-failure', 2, 'medium'), tellApart: undefined });
    const e = explainDiagnosis(d);
    expect(e.causes.map((c) => c.id)).toEqual(['delivery-expired', 'dns-failure']);
    expect(e.causes[1].tellApart).toMatch(/DNS query failed/);
  });
});

describe('reports that are not failures', () => {
  test('not a bounce: a plain headline, no causes, no probe suggestion', () => {
    const e = explainDiagnosis(diagnosis({ kind: 'not-a-bounce', text: 'Hi team, lunch at 12?' }));
    expect(e.headline).toBe('Not a bounce');
    expect(e.causes).toEqual([]);
    expect(e.recipients).toEqual([]);
    expect(e.confirm).toBeUndefined();
    expect(e.lead).toMatch(/does not look like a delivery report/);
  });

  test('auto-reply keeps its informational cause but gives no retry advice', () => {
    const e = explainDiagnosis(diagnosis({ kind: 'autoreply', causes: [ranked('auto-reply', 1)] }));
    expect(e.headline).toBe('An automatic reply, not a bounce');
    expect(e.causes[0].id).toBe('auto-reply');
    expect(e.causes[0].retryAdvice).toBeUndefined();
  });
});

describe('a delay: only delayed, still retrying', () => {
  test('the headline says so, nothing needs resending, and candidates say how to find the cause', () => {
    const e = explainDiagnosis(diagnosis({
      kind: 'delay',
      text: 'THIS IS A WARNING MESSAGE ONLY.\nYOU DO NOT NEED TO RESEND YOUR MESSAGE\nDelivery to the following recipients has been delayed\nsomeone@example.com',
      recipients: [recipient({ cause: 'delivery-delayed', action: 'delayed', diagnostic: '' })],
      causes: [ranked('delivery-delayed', 1)],
    }));
    expect(e.headline).toBe('Delivery is only delayed — still retrying');
    expect(e.lead).toMatch(/has not said why yet/);
    expect(e.causes[0].retryAdvice).toMatch(/still retrying/);
    expect(e.causes.length).toBeGreaterThan(3);
    expect(e.causes.slice(1).every((c) => c.tellApart)).toBe(true);
  });

  test('a delay whose current error is known names it', () => {
    const e = explainDiagnosis(diagnosis({
      kind: 'delay',
      recipients: [recipient({ cause: 'outbound-auth-mismatch', action: 'delayed' })],
      causes: [ranked('outbound-auth-mismatch', 1), ranked('delivery-delayed', 2, 'medium')],
    }));
    expect(e.headline).toBe('Delivery is only delayed — still retrying');
    expect(e.lead).toBe(`The server keeps retrying; the error it is getting: ${CAUSES['outbound-auth-mismatch'].title}.`);
    expect(e.causes.map((c) => c.id)).toEqual(['outbound-auth-mismatch', 'delivery-delayed']);
  });
});

describe('recipients, steps and fallbacks', () => {
  test('recipient facts are ready to show, with secrets masked and long replies cut', () => {
    const long = `550 5.7.1 ${'x'.repeat(2000)}`;
    const e = explainDiagnosis(diagnosis({
      recipients: [
        recipient({ cause: 'recipient-unknown', address: 'bob@example.org', status: '5.1.1', replyCode: '550', command: 'RCPT', remoteHost: 'mx1.example.org', diagnostic: '550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown' }),
        recipient({ cause: 'smart-host-auth-failed', address: 'carol@example.net', diagnostic: 'AUTH PLAIN dGVzdHVzZXIAdGVzdHVzZXIAc2VjcmV0cGFzcw== 535 5.7.8 Error: authentication failed' }),
        recipient({ cause: 'content-filtered', address: 'dan@example.net', diagnostic: long }),
      ],
      causes: [ranked('recipient-unknown', 1)],
    }));
    expect(e.recipients[0]).toMatchObject({
      address: 'bob@example.org', status: '5.1.1', replyCode: '550', command: 'RCPT', remoteHost: 'mx1.example.org',
      cause: 'recipient-unknown', causeTitle: 'The recipient address does not exist', hard: true,
      line: 'bob@example.org — 550 5.1.1 at RCPT from mx1.example.org',
    });
    expect(e.recipients[1].serverSaid).not.toContain('dGVzdHVzZXIAdGVzdHVzZXIAc2VjcmV0cGFzcw==');
    expect(e.recipients[1].serverSaid).toContain('535 5.7.8');
    expect(e.recipients[2].serverSaid.length).toBeLessThanOrEqual(600);
    expect(e.recipients[2].serverSaid.endsWith('…')).toBe(true);
  });

  test('a hard bounce says resending will not help, and the probe checks the recipient at RCPT', () => {
    const e = explainDiagnosis(diagnosis({
      recipients: [recipient({ cause: 'recipient-unknown', address: 'bob@example.org', status: '5.1.1' })],
      causes: [ranked('recipient-unknown', 1)],
    }), { platform: 'postfix' });
    expect(e.causes[0].retryAdvice).toMatch(/^Permanent/);
    expect(e.causes.map((c) => c.id)).toEqual(['recipient-unknown']);
    expect(e.platform).toMatchObject({ chosen: 'postfix', hasSteps: false });
    expect(e.causes[0].stepsPlatform).toBe('generic');
    expect(e.causes[0].steps).toEqual(CAUSES['recipient-unknown'].steps.generic);
    expect(e.confirm?.command).toBe('smtpcheck probe example.org --rcpt bob@example.org');
  });

  test('recipient-side causes show the generic steps first, then the platform\'s recipient-side steps', () => {
    const e = explainDiagnosis(diagnosis({
      recipients: [recipient({ cause: 'mailbox-full', status: '5.2.2' })],
      causes: [ranked('mailbox-full', 1)],
    }), { platform: 'exchange-online' });
    const c = CAUSES['mailbox-full'];
    expect(e.causes[0].steps).toEqual([...c.steps.generic, ...c.steps['exchange-online']!]);
    expect(e.causes[0].actorLabel).toBe('The recipient');
  });

  test('a sender-side cause is probed on the sender\'s own domain', () => {
    const e = explainDiagnosis(diagnosis({
      recipients: [recipient({ cause: 'ptr-missing', status: '5.7.25', address: 'x@gmail.com' })],
      causes: [ranked('ptr-missing', 1)],
      from: 'Alice <alice@Contoso.com>',
    }));
    expect(e.confirm).toMatchObject({ target: 'contoso.com', targetKind: 'sender-domain', command: 'smtpcheck probe contoso.com' });
  });

  test('without ranked causes, the recipients\' causes are explained; with nothing at all, "unknown"', () => {
    const fromRecipients = explainDiagnosis(diagnosis({
      recipients: [recipient({ cause: 'mailbox-full', status: '4.2.2', rule: 'gmail-over-quota' })],
    }));
    expect(fromRecipients.causes.map((c) => c.id)).toEqual(['mailbox-full']);
    expect(fromRecipients.causes[0].why).toMatch(/gmail-over-quota/);

    const nothing = explainDiagnosis(diagnosis({ text: 'garbled' }));
    expect(nothing.causes.map((c) => c.id)[0]).toBe('unknown');
    expect(nothing.causes.length).toBeGreaterThan(1); // the unknown symptom offers candidates too
  });

  test('references come from the leading causes, https and de-duplicated', () => {
    const e = explainDiagnosis(storyDiagnosis());
    expect(e.references.length).toBeGreaterThan(0);
    expect(new Set(e.references).size).toBe(e.references.length);
    for (const r of e.references) expect(r.startsWith('https://')).toBe(true);
  });

  test('fields missing from a malformed diagnosis do not crash it', () => {
    const d = diagnosis({ recipients: [{ ...recipient({ cause: 'unknown' }), cause: 'no-such-cause' as never, diagnostic: undefined as never }] });
    (d as { warnings?: string[] }).warnings = undefined;
    const e = explainDiagnosis(d);
    expect(e.recipients[0]).toMatchObject({ serverSaid: '', causeTitle: 'no-such-cause' });
    expect(e.notes).toEqual([]);
    expect(e.headline).toBe(NO_CAUSE_HEADLINE);
  });

  test('parse warnings are passed on as notes', () => {
    const e = explainDiagnosis(diagnosis({ kind: 'not-a-bounce', warnings: ['Input was truncated at 1 MB'] }));
    expect(e.notes).toEqual(['Input was truncated at 1 MB']);
  });

  test('the Exchange 2003 fixture text is what a bare #4.4.7 looks like', () => {
    expect(EX2003_EXPIRY_TEXT).toMatch(/#4\.4\.7/);
  });
});
