/**
 * Connect, greeting, EHLO and STARTTLS findings, each produced by its scripted peer
 * (test/helpers/smtp-servers.ts), and the healthy path that produces none of them.
 */
import { probeSmtpHost } from '../../../src/probe/smtp';
import { allCommands, closedPort } from '../../helpers/smtp-servers';
import { HELO, finding, ids, probePeer, problems } from './peer-probe';

afterAll(() => {
  expect(allCommands().length).toBeGreaterThan(0);
  expect(allCommands()).not.toContain('DATA');
});

describe('healthy MX (the Exchange story destination)', () => {
  test('passes every step and says so', async () => {
    const { result, peer } = await probePeer('mx-no-auth');
    expect(problems(result)).toEqual([]);
    expect(ids(result)).toEqual(['connect-ok', 'banner-ok', 'ehlo-ok', 'starttls-ok', 'cert-ok', 'auth-not-offered']);
    expect(finding(result, 'banner-ok').evidence).toBe('220 mx.example.test ESMTP Microsoft ESMTP MAIL Service ready');
    expect(result.host.steps.map((s) => s.step)).toEqual(['connect', 'banner', 'ehlo', 'starttls', 'ehlo-tls', 'quit']);
    expect(result.host.steps.every((s) => s.ok)).toBe(true);
    expect(result.host.ehlo.before).toContain('STARTTLS');
    expect(result.host.ehlo.after).not.toContain('STARTTLS');
    expect(result.host.size).toBe(36700160);
    expect(result.host.error).toBeUndefined();
    // Always QUIT, never DATA.
    expect(peer.commands.map((c) => c.split(' ')[0])).toEqual(['EHLO', 'STARTTLS', 'EHLO', 'QUIT']);
  });

  test('the transcript is the session as the server and client said it', async () => {
    const { result } = await probePeer('mx-no-auth');
    const t = result.host.transcript;
    expect(t[0]).toMatch(/^\* connected to 127\.0\.0\.1:\d+ in \d+ ms$/);
    expect(t).toContain('S: 220 mx.example.test ESMTP Microsoft ESMTP MAIL Service ready');
    expect(t).toContain('C: EHLO probe.smtpcheck.example');
    expect(t).toContain('C: STARTTLS');
    expect(t).toContain('* TLS established (STARTTLS)');
    expect(t[t.length - 2]).toBe('C: QUIT');
    expect(t[t.length - 1]).toMatch(/^S: 221 /);
  });
});

describe('connection', () => {
  test('closed port → connect-refused', async () => {
    const port = await closedPort();
    const r = await probeSmtpHost({ name: 'mx.example.test', ip: '127.0.0.1', port }, { heloName: HELO, timeoutMs: 3000 });
    expect(ids(r)).toEqual(['connect-refused']);
    expect(finding(r, 'connect-refused').outcome).toBe('fail');
    expect(finding(r, 'connect-refused').evidence).toContain('ECONNREFUSED');
    expect(r.host.steps).toEqual([{ step: 'connect', ms: expect.any(Number), ok: false }]);
    expect(r.host.error?.code).toBe('ECONNREFUSED');
  });

  test('unanswered SYN (filtered port) → connect-timeout', async () => {
    const { result } = await probePeer('blackhole', { timeoutMs: 800 });
    expect(ids(result)).toEqual(['connect-timeout']);
    expect(finding(result, 'connect-timeout').outcome).toBe('fail');
  });
});

describe('greeting', () => {
  test('421 greeting → banner-rejected (warn: the server asks to come back), with the banner text', async () => {
    const { result } = await probePeer('greeting-421');
    const f = finding(result, 'banner-rejected');
    expect(f.outcome).toBe('warn');
    expect(f.evidence).toBe('421 4.3.2 mx.example.test Service not available, closing transmission channel');
    expect(result.host.banner).toBe(f.evidence);
    expect(ids(result)).not.toContain('banner-ok');
  });

  test('554 greeting → banner-rejected (fail), with the banner text', async () => {
    const { result } = await probePeer('greeting-554');
    const f = finding(result, 'banner-rejected');
    expect(f.outcome).toBe('fail');
    expect(f.evidence).toContain('554 5.7.1 mx.example.test Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org');
  });

  test('connection closed before any greeting → banner-missing', async () => {
    const { result } = await probePeer('close-before-greeting');
    expect(ids(result)).toEqual(['connect-ok', 'banner-missing']);
  });

  test('multi-line greeting and EHLO split across TCP writes are read whole', async () => {
    const { result } = await probePeer('split-multiline');
    expect(result.host.banner).toBe('220-mx.example.test ESMTP Postfix\n220-Unsolicited bulk mail prohibited\n220 ready');
    expect(result.host.ehlo.before).toEqual(['PIPELINING', 'SIZE 5242880', 'AUTH LOGIN PLAIN NTLM', '8BITMIME']);
    expect(result.host.auth.before).toEqual(['LOGIN', 'PLAIN', 'NTLM']);
    expect(result.host.size).toBe(5242880);
    expect(ids(result)).toContain('banner-ok');
  });

  test('a slow greeting within the budget is fine (banner-ok, with its time)', async () => {
    const { result } = await probePeer('slow-banner', { timeoutMs: 5000 }, { bannerDelayMs: 600 });
    expect(ids(result)).toContain('banner-ok');
    expect(finding(result, 'banner-ok').ms).toBeGreaterThanOrEqual(500);
    expect(ids(result)).not.toContain('banner-slow'); // below the 10 s threshold
  });
});

describe('EHLO', () => {
  test('EHLO 502 → HELO fallback: ehlo-rejected (warn); no STARTTLS and no AUTH read from the transcript, not from nodemailer', async () => {
    const { result, peer } = await probePeer('ehlo-502');
    const f = finding(result, 'ehlo-rejected');
    expect(f.outcome).toBe('warn');
    expect(f.evidence).toBe('502 5.5.1 EHLO not implemented');
    expect(peer.commands.map((c) => c.split(' ')[0])).toEqual(['EHLO', 'HELO', 'QUIT']);
    expect(finding(result, 'starttls-not-offered').evidence).toBe('(HELO only: no extensions)');
    // nodemailer sets allowsAuth after HELO; the probe must not believe it.
    expect(finding(result, 'auth-not-offered').title).toContain('only speaks HELO');
    expect(result.host.auth.before).toEqual([]);
  });

  test('EHLO and HELO both refused → ehlo-rejected (fail)', async () => {
    const { result } = await probePeer('ehlo-helo-rejected');
    const f = finding(result, 'ehlo-rejected');
    expect(f.outcome).toBe('fail');
    expect(f.evidence).toBe('550 5.7.1 Access denied');
    expect(ids(result)).not.toContain('ehlo-ok');
  });

  test('oversized reply → reply-too-large, nothing of it kept beyond the bound', async () => {
    const { result } = await probePeer('oversized-reply');
    expect(finding(result, 'reply-too-large').outcome).toBe('fail');
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
  });
});

describe('STARTTLS', () => {
  test('not advertised → starttls-not-offered (warn on an MX port)', async () => {
    const { result } = await probePeer('slow-banner', {}, { bannerDelayMs: 0 });
    expect(finding(result, 'starttls-not-offered').outcome).toBe('warn');
    expect(result.host.tls).toBeUndefined();
  });

  test('not advertised on a submission port → fail', async () => {
    const { result } = await probePeer('slow-banner', { role: 'submission' }, { bannerDelayMs: 0 });
    expect(finding(result, 'starttls-not-offered').outcome).toBe('fail');
  });

  test('454 → starttls-failed with the server words; AUTH over TLS is unknown, not "not offered"', async () => {
    const { result } = await probePeer('starttls-454');
    const f = finding(result, 'starttls-failed');
    expect(f.outcome).toBe('fail');
    expect(f.evidence).toBe('454 4.7.0 TLS not available due to local problem');
    expect(ids(result)).toContain('auth-unknown');
    expect(ids(result)).not.toContain('auth-not-offered');
    expect(ids(result)).not.toContain('tls-legacy-only'); // a refusal is not a handshake failure
  });

  test('220 then garbage → starttls-failed (ESOCKET with the OpenSSL reason), and the legacy retry fails too', async () => {
    const { result } = await probePeer('broken-starttls');
    const f = finding(result, 'starttls-failed');
    expect(f.evidence).toContain('ERR_SSL_WRONG_VERSION_NUMBER');
    expect(f.evidence).toContain('a TLS 1.0–1.1 handshake also failed');
    expect(ids(result)).not.toContain('tls-legacy-only');
    expect(result.host.steps.find((s) => s.step === 'starttls')).toMatchObject({ ok: false, reply: '220 2.0.0 Ready to start TLS' });
  });

  test('plain mode never upgrades and says STARTTLS is there', async () => {
    const { result, peer } = await probePeer('mx-no-auth', { mode: 'plain' });
    expect(ids(result)).toContain('starttls-offered');
    expect(peer.commands).not.toContain('STARTTLS');
    expect(result.host.mode).toBe('plain');
  });
});
