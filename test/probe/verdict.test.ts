import { makeFinding } from '../../src/probe/findings';
import { rankFindings, summarize, worstOutcome } from '../../src/probe/verdict';

test('outcome is the worst: fail > error > warn > skip > pass', () => {
  expect(worstOutcome([])).toBe('pass');
  expect(worstOutcome([makeFinding('mx-ok'), makeFinding('mta-sts-missing')])).toBe('skip');
  expect(worstOutcome([makeFinding('mx-ok'), makeFinding('spf-missing'), makeFinding('dns-error')])).toBe('error');
  expect(worstOutcome([makeFinding('dns-error'), makeFinding('null-mx')])).toBe('fail');
});

test('verdict names the most serious first, by outcome then table weight', () => {
  const findings = [
    makeFinding('spf-missing'),
    makeFinding('dmarc-missing'),
    makeFinding('mx-ok'),
    makeFinding('dnsbl-listed', { title: '192.0.2.1 is listed on zen.example' }),
    makeFinding('domain-not-found', { title: 'example.test does not exist (NXDOMAIN)' }),
    makeFinding('address-refused', { title: 'Not probed: 10.0.0.1' }),
  ];
  expect(rankFindings(findings).map((f) => f.id)).toEqual(['domain-not-found', 'dnsbl-listed', 'address-refused', 'spf-missing', 'dmarc-missing', 'mx-ok']);
  expect(summarize(findings)).toEqual({
    outcome: 'fail',
    verdict: 'FAIL: example.test does not exist (NXDOMAIN); 192.0.2.1 is listed on zen.example; Not probed: 10.0.0.1; and 2 more',
  });
});

test('the same problem on several hosts is said once with a count', () => {
  const t = 'STARTTLS not offered';
  const { verdict } = summarize([makeFinding('x-unknown-id', { outcome: 'warn', title: t }), makeFinding('x-unknown-id', { outcome: 'warn', title: t })]);
  expect(verdict).toBe('WARN: STARTTLS not offered (×2)');
});

test('all passing: the verdict says so and names the passes', () => {
  expect(summarize([makeFinding('mx-ok', { title: 'example.test has 2 MX hosts' }), makeFinding('spf-ok'), makeFinding('mta-sts-missing')])).toEqual({
    outcome: 'skip',
    verdict: 'SKIP: 2 checks passed — example.test has 2 MX hosts; SPF record published',
  });
  expect(summarize([])).toEqual({ outcome: 'pass', verdict: 'PASS: nothing to report' });
});

test('makeFinding takes defaults from the table; unknown ids get a safe default', () => {
  expect(makeFinding('mx-missing')).toMatchObject({ id: 'mx-missing', outcome: 'warn' });
  expect(makeFinding('no-such-id')).toEqual({ id: 'no-such-id', outcome: 'error', title: 'no-such-id' });
  expect(makeFinding('ptr-missing', { host: 'a[1.2.3.4]', ms: 3, evidence: 'e' })).toMatchObject({ host: 'a[1.2.3.4]', ms: 3, evidence: 'e' });
});
