/**
 * AUTH: what is offered before and after STARTTLS (the facts behind Exchange's "rejected AUTH negotiation"),
 * the login test with configured credentials (only over TLS, only when offered), and the password never
 * leaving the probe — not in the transcript, not in the HostProbe, not in any finding.
 */
import { allCommands, TEST_AUTH } from '../../helpers/smtp-servers';
import { finding, ids, probePeer } from './peer-probe';
import type { SmtpHostResult } from '../../../src/probe/smtp';

afterAll(() => {
  expect(allCommands().length).toBeGreaterThan(0);
  expect(allCommands()).not.toContain('DATA');
});

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** Every form in which the password could leak. */
function expectNoSecret(result: SmtpHostResult): void {
  const all = JSON.stringify(result);
  expect(all).not.toContain(TEST_AUTH.pass);
  expect(all).not.toContain(b64(TEST_AUTH.pass));
  expect(all).not.toContain(b64(`\0${TEST_AUTH.user}\0${TEST_AUTH.pass}`));
  // The user name is not a secret, but the AUTH payloads that carry it are masked whole.
  expect(all).not.toContain(b64(TEST_AUTH.user));
}

describe('AUTH offered', () => {
  test('the Exchange story: no AUTH before or after STARTTLS → auth-not-offered, said in those words', async () => {
    const { result } = await probePeer('mx-no-auth');
    const f = finding(result, 'auth-not-offered');
    expect(f.outcome).toBe('pass'); // normal for an MX probed without credentials
    expect(f.title).toContain('neither before nor after STARTTLS');
    expect(f.title).toContain('an internet MX expects anonymous delivery');
    expect(f.title).toContain('rejected AUTH negotiation');
    expect(f.evidence).toMatch(/^EHLO: .*STARTTLS.*; EHLO after STARTTLS: /);
    expect(result.host.auth).toEqual({ before: [], after: [] });
  });

  test('the Exchange story with credentials configured: auth-not-offered fails and nothing is sent', async () => {
    const { result, peer } = await probePeer('mx-no-auth', { auth: TEST_AUTH });
    expect(finding(result, 'auth-not-offered').outcome).toBe('fail');
    expect(finding(result, 'auth-skipped').title).toContain('does not offer AUTH');
    // nodemailer's login() would have sent AUTH PLAIN anyway; the probe must not.
    expect(peer.commands.some((c) => /^AUTH/i.test(c))).toBe(false);
    expectNoSecret(result);
  });

  test('no AUTH on a submission port fails even without credentials', async () => {
    const { result } = await probePeer('mx-no-auth', { role: 'submission' });
    expect(finding(result, 'auth-not-offered').outcome).toBe('fail');
  });

  test('AUTH only after STARTTLS → auth-only-after-starttls with both lists', async () => {
    const { result } = await probePeer('auth-after-starttls');
    const f = finding(result, 'auth-only-after-starttls');
    expect(f.outcome).toBe('pass');
    expect(f.evidence).toBe('EHLO before STARTTLS: no AUTH; EHLO after STARTTLS: AUTH PLAIN LOGIN');
    expect(result.host.auth).toEqual({ before: [], after: ['PLAIN', 'LOGIN'] });
    expect(ids(result)).not.toContain('auth-not-offered');
  });

  test('NTLM/GSSAPI are reported in full (nodemailer\'s own list drops them)', async () => {
    const { result } = await probePeer('ntlm-only', { auth: TEST_AUTH });
    expect(result.host.auth.after).toEqual(['NTLM', 'GSSAPI']);
    expect(finding(result, 'auth-skipped').title).toContain('only NTLM GSSAPI');
    expectNoSecret(result);
  });

  test('password mechanisms in plaintext → auth-before-tls; the login test refuses to run unencrypted', async () => {
    const { result, peer } = await probePeer('plain-auth-no-tls', { auth: TEST_AUTH });
    expect(finding(result, 'auth-before-tls').outcome).toBe('warn');
    expect(finding(result, 'auth-skipped').title).toContain('not encrypted');
    expect(peer.commands.some((c) => /^AUTH/i.test(c))).toBe(false);
    expectNoSecret(result);
  });
});

describe('AUTH test', () => {
  test('good credentials over TLS → auth-ok (235); the password appears nowhere', async () => {
    const { result, peer } = await probePeer('auth-after-starttls', { auth: TEST_AUTH });
    const f = finding(result, 'auth-ok');
    expect(f.evidence).toMatch(/^235 /);
    expect(result.host.transcript).toContain('C: AUTH PLAIN [redacted]');
    expect(result.host.steps.find((s) => s.step === 'auth')).toMatchObject({ ok: true });
    // AUTH went out after STARTTLS only.
    const verbs = peer.commands.map((c) => c.split(' ')[0]);
    expect(verbs.indexOf('AUTH')).toBeGreaterThan(verbs.indexOf('STARTTLS'));
    expectNoSecret(result);
  });

  test('AUTH LOGIN: user name and password lines are masked in the transcript', async () => {
    const { result } = await probePeer('auth-login-only', { auth: TEST_AUTH });
    expect(ids(result)).toContain('auth-ok');
    const t = result.host.transcript;
    const start = t.indexOf('C: AUTH LOGIN');
    expect(start).toBeGreaterThan(0);
    expect(t.slice(start, start + 5)).toEqual(['C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', 'C: [redacted]', 'S: 334 UGFzc3dvcmQ6', 'C: [redacted]']);
    expectNoSecret(result);
  });

  test('bad credentials → auth-failed with the server\'s 535 5.7.8 words; the password appears nowhere', async () => {
    const { result } = await probePeer('auth-535', { auth: TEST_AUTH });
    const f = finding(result, 'auth-failed');
    expect(f.outcome).toBe('fail');
    expect(f.evidence).toBe('535 5.7.8 Error: authentication failed: authentication failure');
    expect(result.host.steps.find((s) => s.step === 'auth')).toMatchObject({ ok: false });
    expectNoSecret(result);
  });

  test('implicit TLS: AUTH test runs over the TLS-from-the-start session', async () => {
    const { result } = await probePeer('implicit-tls', { mode: 'implicit-tls', auth: TEST_AUTH });
    expect(ids(result)).toContain('auth-ok');
    expectNoSecret(result);
  });

  test('no credentials configured → no AUTH command at all', async () => {
    const { result, peer } = await probePeer('auth-after-starttls');
    expect(peer.commands.some((c) => /^AUTH/i.test(c))).toBe(false);
    expect(ids(result).filter((id) => id.startsWith('auth-') && id !== 'auth-only-after-starttls')).toEqual([]);
  });
});
