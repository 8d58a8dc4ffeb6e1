/**
 * explainProbe (verdict first, findings grouped by outcome with evidence, timing and causes), the finding →
 * cause table, and the step-text segmenter renderers use.
 */
import { CONTRADICTED_BY, explainProbe, FINDING_CAUSES, formatMs, stepSegments } from '../../src/explain';
import { CAUSE_IDS } from '../../src/kb/cause-ids';
import { FINDING_DEFAULTS } from '../../src/probe/findings';
import { finding, hostProbe, probeReport } from './fixtures';

describe('explainProbe', () => {
  const report = probeReport([
    finding('connect-ok', 'pass', 'mx.example.com[192.0.2.25]:25', { ms: 40 }),
    finding('auth-not-offered', 'pass', 'mx.example.com[192.0.2.25]:25', { evidence: '250-PIPELINING\n250-SIZE 52428800\n250 STARTTLS' }),
    finding('cert-expired', 'warn', 'mx.example.com[192.0.2.25]:25', { evidence: 'notAfter=Jan  1 00:00:00 2024 GMT', ms: 95 }),
    finding('connect-timeout', 'fail', 'mx2.example.com[192.0.2.26]:25', { ms: 10000 }),
    finding('dnsbl-error', 'skip', undefined),
    finding('probe-budget-exceeded', 'error', 'mx3.example.com[192.0.2.27]:25'),
  ], {
    verdict: 'mx2.example.com times out on port 25; certificate of mx.example.com expired',
    outcome: 'fail',
    hosts: [
      hostProbe({ auth: { after: ['PLAIN', 'LOGIN'] } }),
      hostProbe({ name: 'mx2.example.com', ip: '192.0.2.26', steps: [{ step: 'connect', ms: 10000, ok: false }], tls: undefined, banner: undefined, error: { code: 'ETIMEDOUT', message: 'Connection timeout' } }),
    ],
  });
  const e = explainProbe(report);

  test('starts from the report\'s verdict and outcome', () => {
    expect(e).toMatchObject({ target: 'mx.example.com', kind: 'host', outcome: 'fail', verdict: report.verdict, ms: 1840 });
    expect(e.counts).toEqual({ fail: 1, error: 1, warn: 1, pass: 2, skip: 1 });
  });

  test('groups findings by outcome, worst first, each with evidence and timing', () => {
    expect(e.groups.map((g) => [g.outcome, g.label])).toEqual([
      ['fail', 'Problems'], ['error', 'Could not check'], ['warn', 'Warnings'], ['pass', 'Passed'], ['skip', 'Skipped'],
    ]);
    const fail = e.groups[0].findings[0];
    expect(fail).toMatchObject({ id: 'connect-timeout', host: 'mx2.example.com[192.0.2.26]:25', ms: 10000, timing: '10 s' });
    const warn = e.groups[2].findings[0];
    expect(warn).toMatchObject({ id: 'cert-expired', evidence: 'notAfter=Jan  1 00:00:00 2024 GMT', timing: '95 ms' });
  });

  test('failures and warnings point to causes; passes do not', () => {
    const byId = new Map(e.groups.flatMap((g) => g.findings).map((f) => [f.id, f]));
    expect(byId.get('connect-timeout')!.causes.map((c) => c.id)).toEqual(['connection-timeout', 'port25-blocked']);
    expect(byId.get('connect-timeout')!.causes[0].title).toBe('The connection to the destination timed out');
    expect(byId.get('cert-expired')!.causes.map((c) => c.id)).toEqual(['tls-cert-invalid']);
    expect(byId.get('auth-not-offered')!.causes).toEqual([]);
    expect(e.pointsTo.map((c) => c.id)).toEqual(['connection-timeout', 'port25-blocked', 'tls-cert-invalid']);
  });

  test('summarises each host: TLS, AUTH before/after, time, error', () => {
    expect(e.hosts[0]).toMatchObject({
      host: 'mx.example.com[192.0.2.25]:25', tls: 'TLSv1.3 TLS_AES_256_GCM_SHA384', authBefore: [], authAfter: ['PLAIN', 'LOGIN'], ms: 280,
      banner: '220 mx.example.com ESMTP',
    });
    expect(e.hosts[1]).toMatchObject({ name: 'mx2.example.com', ms: 10000, error: 'Connection timeout' });
    expect(e.hosts[1].tls).toBeUndefined();
  });

  test('an empty report still explains', () => {
    const empty = explainProbe(probeReport([], { hosts: [], verdict: 'Nothing to probe', outcome: 'skip' }));
    expect(empty.groups).toEqual([]);
    expect(empty.pointsTo).toEqual([]);
    expect(empty.verdict).toBe('Nothing to probe');
  });
});

describe('formatMs', () => {
  test('milliseconds, tenths of seconds, whole seconds', () => {
    expect(formatMs(7.4)).toBe('7 ms');
    expect(formatMs(999)).toBe('999 ms');
    expect(formatMs(2340)).toBe('2.3 s');
    expect(formatMs(75000)).toBe('75 s');
    expect(formatMs(Number.NaN)).toBe('');
  });
});

describe('finding → cause tables', () => {
  const known = Object.keys(FINDING_DEFAULTS);

  test('every finding id in the tables is one the probe emits, and every cause is real', () => {
    for (const [id, meaning] of Object.entries(FINDING_CAUSES)) {
      expect(known).toContain(id);
      expect(meaning.causes.length).toBeGreaterThan(0);
      for (const c of meaning.causes) expect(CAUSE_IDS).toContain(c);
      expect(meaning.says).toContain('{host}');
    }
    for (const [cause, list] of Object.entries(CONTRADICTED_BY)) {
      expect(CAUSE_IDS).toContain(cause);
      for (const c of list!) for (const f of c.findings) expect(known).toContain(f);
    }
  });

  test('every failing or warning finding the probe can emit points somewhere, except pure hygiene checks', () => {
    const hygiene = new Set(['mx-ip-literal', 'spf-permissive', 'tls-rpt-invalid', 'auth-before-tls', 'banner-slow',
      'reply-too-large', 'address-refused', 'probe-budget-exceeded', 'probe-internal-error', 'dnsbl-refused', 'dnsbl-error']);
    for (const [id, def] of Object.entries(FINDING_DEFAULTS)) {
      if ((def.outcome === 'fail' || def.outcome === 'warn') && !hygiene.has(id)) expect(Object.keys(FINDING_CAUSES)).toContain(id);
    }
  });
});

describe('stepSegments', () => {
  test('splits prose from `code` and ``code with backticks``', () => {
    expect(stepSegments('Run `postqueue -f` now.')).toEqual([
      { text: 'Run ', code: false }, { text: 'postqueue -f', code: true }, { text: ' now.', code: false },
    ]);
    expect(stepSegments("Add ``define(`SMART_HOST', `[relay]')dnl`` to sendmail.mc")).toEqual([
      { text: 'Add ', code: false }, { text: "define(`SMART_HOST', `[relay]')dnl", code: true }, { text: ' to sendmail.mc', code: false },
    ]);
    expect(stepSegments('No code here.')).toEqual([{ text: 'No code here.', code: false }]);
  });
});
