/**
 * Grading rules that no loopback peer reaches cheaply (a 10 s greeting, a certificate two days from
 * expiry, a 4xx on AUTH …), checked on session facts directly. Fact shapes are what probe-host.ts builds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_DEFAULTS } from '../../../src/probe/findings';
import type { SessionFacts } from '../../../src/probe/smtp/facts';
import { buildFindings } from '../../../src/probe/smtp/smtp-findings';
import type { StepRecord } from '../../../src/probe/smtp/steps';

const step = (name: string, ms: number, reply?: string, ok = true): StepRecord => ({
  step: name, ms, ok, answered: true, t0: 0, ...(reply ? { reply, fullReply: reply, code: Number(reply.slice(0, 3)) } : {}),
});

function facts(over: Partial<SessionFacts> = {}): SessionFacts {
  return {
    target: { name: 'mx.example.test', ip: '192.0.2.25', port: 25 },
    label: 'mx.example.test[192.0.2.25]:25',
    role: 'mx',
    mode: 'starttls',
    hasCredentials: false,
    connect: { ok: true, ms: 12 },
    steps: [step('banner', 30, '220 mx.example.test ESMTP'), step('ehlo', 5, '250-mx.example.test\n250 STARTTLS'), step('starttls', 20, '220 ready'), step('ehlo-tls', 5, '250 mx.example.test')],
    ehloBefore: { extensions: ['STARTTLS'], auth: [], startTls: true },
    ehloAfter: { extensions: [], auth: [], startTls: false },
    ...over,
  };
}

const find = (f: SessionFacts, id: string) => buildFindings(f).find((x) => x.id === id);

describe('grading rules', () => {
  test('every finding id in the SMTP sources has a row in the shared finding table', () => {
    const dir = join(__dirname, '../../../src/probe/smtp');
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const src = readFileSync(join(dir, file), 'utf8');
      for (const m of src.matchAll(/make\('([a-z0-9-]+)'|\bid: '([a-z0-9-]+)'/g)) used.add(m[1] ?? m[2]);
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((id) => !FINDING_DEFAULTS[id])).toEqual([]);
  });

  test('every id the SMTP side emits has a row in the shared finding table', () => {
    const samples: SessionFacts[] = [
      facts(),
      facts({ connect: { ok: false, ms: 5, errorCode: 'ECONNREFUSED' } }),
      facts({ connect: { ok: false, ms: 5, errorCode: 'EHOSTUNREACH', errorMessage: 'no route' } }),
      facts({ steps: [step('banner', 12_500, '220 slow.example ESMTP')] }),
      facts({ tls: { protocol: 'TLSv1.2', cert: { trusted: true, nameMatches: true, daysLeft: 3, validTo: '2026-11-30T00:00:00.000Z' } } }),
      facts({ authTest: { status: 'failed', method: 'PLAIN', code: 454, reply: '454 4.7.0 Temporary authentication failure', message: 'x' }, hasCredentials: true }),
      facts({ rcpt: { mailFrom: '', address: 'a@example.test', result: { mail: { command: 'MAIL FROM:<>', reply: '250 ok', code: 250, ms: 1 }, rcpt: { command: 'RCPT TO:<a@example.test>', reply: '451 4.3.0 Temporary lookup failure', code: 451, ms: 1 } } } }),
    ];
    const emitted = new Set(samples.flatMap((f) => buildFindings(f).map((x) => x.id)));
    for (const id of emitted) expect(FINDING_DEFAULTS[id]).toBeDefined();
  });

  test('a greeting over 10 s is reported as slow (warn), still a pass for the greeting itself', () => {
    const f = facts({ steps: [step('banner', 12_500, '220 slow.example ESMTP')] });
    expect(find(f, 'banner-ok')?.outcome).toBe('pass');
    expect(find(f, 'banner-slow')).toMatchObject({ outcome: 'warn', ms: 12_500 });
  });

  test('connect timeout on port 25 mentions that the bot\'s own network may block port 25', () => {
    const f = facts({ connect: { ok: false, ms: 9000, errorCode: 'ETIMEDOUT', errorMessage: 'no TCP answer' } });
    expect(buildFindings(f).map((x) => x.id)).toEqual(['connect-timeout']);
    expect(find(f, 'connect-timeout')?.title).toContain('block outbound port 25');
    const other = facts({ target: { name: 'smtp.example.test', ip: '192.0.2.25', port: 587 }, connect: { ok: false, ms: 9000, errorCode: 'ETIMEDOUT' } });
    expect(find(other, 'connect-timeout')?.title).not.toContain('port 25');
  });

  test('no route → connect-failed with the code', () => {
    const f = facts({ connect: { ok: false, ms: 1, errorCode: 'EHOSTUNREACH', errorMessage: 'connect EHOSTUNREACH' } });
    expect(find(f, 'connect-failed')).toMatchObject({ outcome: 'fail', evidence: 'EHOSTUNREACH: connect EHOSTUNREACH' });
  });

  test('a certificate expiring within two weeks warns; an expired one is not also "expiring soon"', () => {
    const soon = facts({ tls: { cert: { trusted: true, nameMatches: true, daysLeft: 3, validTo: '2026-11-30T00:00:00.000Z' } } });
    expect(find(soon, 'cert-expiring-soon')?.outcome).toBe('warn');
    expect(find(soon, 'cert-ok')).toBeUndefined();
    const gone = facts({ tls: { cert: { trusted: false, trustError: 'CERT_HAS_EXPIRED', nameMatches: true, daysLeft: -3, validTo: '2026-11-24T00:00:00.000Z' } } });
    expect(find(gone, 'cert-expiring-soon')).toBeUndefined();
    expect(find(gone, 'cert-expired')).toBeDefined();
    expect(find(gone, 'cert-untrusted')).toBeUndefined();
  });

  test('a certificate not valid yet', () => {
    const f = facts({ tls: { cert: { trusted: false, trustError: 'CERT_NOT_YET_VALID', nameMatches: true, daysLeft: 400, validFrom: '2099-01-01T00:00:00.000Z' } } });
    expect(find(f, 'cert-not-yet-valid')?.outcome).toBe('warn');
    expect(find(f, 'cert-untrusted')).toBeUndefined();
  });

  test('missing intermediate is explained in words', () => {
    const f = facts({ tls: { cert: { trusted: false, trustError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', nameMatches: true, daysLeft: 60 } } });
    expect(find(f, 'cert-untrusted')?.title).toContain('intermediate certificate');
  });

  test('a 4xx on AUTH is a temporary refusal (warn), not bad credentials', () => {
    const f = facts({ hasCredentials: true, authTest: { status: 'failed', method: 'PLAIN', code: 454, reply: '454 4.7.0 Temporary authentication failure', message: 'Invalid login' } });
    expect(find(f, 'auth-failed')).toMatchObject({ outcome: 'warn', evidence: '454 4.7.0 Temporary authentication failure' });
  });

  test('a 4xx on RCPT that is not greylisting → rcpt-deferred', () => {
    const f = facts({ rcpt: { mailFrom: '', address: 'a@example.test', result: { mail: { command: 'MAIL FROM:<>', reply: '250 ok', code: 250, ms: 1 }, rcpt: { command: 'RCPT TO:<a@example.test>', reply: '451 4.3.0 Temporary lookup failure', code: 451, ms: 1 } } } });
    expect(find(f, 'rcpt-deferred')?.outcome).toBe('warn');
    expect(find(f, 'rcpt-greylisted')).toBeUndefined();
  });

  test('every finding names the host it is about', () => {
    for (const x of buildFindings(facts())) expect(x.host).toBe('mx.example.test[192.0.2.25]:25');
  });
});
