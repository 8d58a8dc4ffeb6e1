/**
 * Against a real MTA: Debian's Postfix on 127.0.0.1, set up by `.ci/postfix-setup.sh`
 * (127.0.0.1:2500 STARTTLS with smtpd_tls_auth_only=yes, 127.0.0.1:2465 wrapper mode, snakeoil certificate,
 * Cyrus sasldb account). Skipped with a note when Postfix is not running, unless SMTPCHECK_REQUIRE_POSTFIX
 * is set (CI), where a missing Postfix fails the suite.
 *
 * 2500 is not a submission port, so it is graded like an MX port (port-role.ts): the self-signed snakeoil
 * certificate warns there and fails when the same port is probed with role 'submission'.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { probeSmtpHost, type SmtpProbeOptions } from '../../../src/probe/smtp';
import { POSTFIX, describeWithPostfix, snakeoilName } from '../../helpers/postfix';
import { HELO, finding, ids } from './peer-probe';

const LOG = '/var/log/postfix.log';

function probe(port: number, opts: Partial<SmtpProbeOptions> = {}, name: string = POSTFIX.hostname) {
  return probeSmtpHost({ name, ip: POSTFIX.host, port }, { heloName: HELO, timeoutMs: 10_000, ...opts });
}

/** The AUTH test only sends credentials to a certificate that verifies: trust the snakeoil and use its name. */
function probeTrusted(port: number, opts: Partial<SmtpProbeOptions> = {}) {
  return probe(port, { trustedCa: readFileSync(POSTFIX.certFile, 'utf8'), ...opts }, snakeoilName() ?? POSTFIX.hostname);
}

describeWithPostfix('Postfix on 127.0.0.1', () => {
  let logStart = 0;
  beforeAll(() => {
    logStart = existsSync(LOG) ? statSync(LOG).size : 0;
  });

  test('banner and EHLO before/after STARTTLS: AUTH only after STARTTLS', async () => {
    const r = await probe(POSTFIX.starttlsPort);
    expect(finding(r, 'banner-ok').evidence).toBe('220 mx.example.test ESMTP Postfix (Debian/GNU)');
    expect(r.host.ehlo.before).toEqual(expect.arrayContaining(['PIPELINING', 'STARTTLS', 'SIZE 10240000']));
    expect(r.host.auth.before).toEqual([]);
    expect(r.host.auth.after).toEqual(['PLAIN', 'LOGIN']);
    expect(finding(r, 'auth-only-after-starttls').evidence).toBe('EHLO before STARTTLS: no AUTH; EHLO after STARTTLS: AUTH PLAIN LOGIN');
    expect(ids(r)).toContain('starttls-ok');
  });

  test('TLS 1.3 with the self-signed snakeoil certificate: warnings on an MX-style port', async () => {
    const r = await probe(POSTFIX.starttlsPort);
    expect(r.host.tls?.protocol).toBe('TLSv1.3');
    expect(r.host.tls?.cert).toMatchObject({ trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(finding(r, 'cert-untrusted').outcome).toBe('warn');
    expect(finding(r, 'cert-name-mismatch').outcome).toBe('warn'); // snakeoil is issued for the machine's name
  });

  test('probed under the snakeoil name, the name matches and only trust is reported', async () => {
    const name = snakeoilName();
    expect(name).toBeTruthy();
    const r = await probe(POSTFIX.starttlsPort, {}, name as string);
    expect(r.host.tls?.cert?.nameMatches).toBe(true);
    expect(ids(r)).not.toContain('cert-name-mismatch');
    expect(ids(r)).toContain('cert-untrusted');
  });

  test('graded as a submission port, the self-signed certificate fails', async () => {
    const r = await probe(POSTFIX.starttlsPort, { role: 'submission' });
    expect(finding(r, 'cert-untrusted').outcome).toBe('fail');
  });

  test('AUTH with the sasldb account over TLS → 235; the password appears nowhere', async () => {
    const r = await probeTrusted(POSTFIX.starttlsPort, { auth: POSTFIX.auth });
    expect(finding(r, 'auth-ok').evidence).toBe('235 2.7.0 Authentication successful');
    expect(JSON.stringify(r)).not.toContain(POSTFIX.auth.pass);
    expect(JSON.stringify(r)).not.toContain(Buffer.from(POSTFIX.auth.pass).toString('base64'));
  });

  test('AUTH is skipped, credentials unsent, while the self-signed certificate is not trusted', async () => {
    const r = await probe(POSTFIX.starttlsPort, { auth: POSTFIX.auth });
    expect(finding(r, 'auth-skipped').evidence ?? finding(r, 'auth-skipped').title).toMatch(/not trusted/);
    expect(ids(r)).not.toContain('auth-ok');
  });

  test('AUTH with a wrong password → auth-failed 535 5.7.8', async () => {
    const r = await probeTrusted(POSTFIX.starttlsPort, { auth: { user: POSTFIX.auth.user, pass: 'not-the-password' } });
    const f = finding(r, 'auth-failed');
    expect(f.outcome).toBe('fail');
    expect(f.evidence).toBe('535 5.7.8 Error: authentication failed: authentication failure');
    expect(JSON.stringify(r)).not.toContain('not-the-password');
  });

  test('RCPT of an unknown local user → rcpt-rejected 550 5.1.1; a known one is accepted', async () => {
    const rejected = await probe(POSTFIX.starttlsPort, { rcpt: POSTFIX.unknownRcpt });
    expect(finding(rejected, 'rcpt-rejected').evidence).toBe(
      `550 5.1.1 <${POSTFIX.unknownRcpt}>: Recipient address rejected: User unknown in local recipient table`,
    );
    const accepted = await probe(POSTFIX.starttlsPort, { rcpt: POSTFIX.knownRcpt });
    expect(finding(accepted, 'rcpt-accepted').evidence).toBe('250 2.1.5 Ok');
  });

  test('relaying to a foreign domain without AUTH is refused (554 5.7.1 Relay access denied)', async () => {
    const r = await probe(POSTFIX.starttlsPort, { rcpt: 'someone@elsewhere.example' });
    expect(finding(r, 'rcpt-rejected').evidence).toContain('Relay access denied');
  });

  test('2465: implicit TLS, AUTH offered over TLS, login works', async () => {
    const r = await probeTrusted(POSTFIX.implicitTlsPort, { mode: 'implicit-tls', auth: POSTFIX.auth });
    expect(ids(r).slice(0, 3)).toEqual(['connect-ok', 'tls-ok', 'banner-ok']);
    expect(r.host.auth.after).toEqual(['PLAIN', 'LOGIN']);
    expect(ids(r)).toContain('auth-ok');
  });

  test('Postfix saw no DATA from any of these sessions (its own per-session command counts)', async () => {
    if (!existsSync(LOG)) return; // maillog_file is set by the setup script; nothing to read without it
    // postlogd writes asynchronously: wait until the sessions above (10) have logged their disconnect.
    let disconnects: string[] = [];
    for (let i = 0; i < 40; i++) {
      const text = readFileSync(LOG, 'utf8').slice(logStart);
      disconnects = text.split('\n').filter((l) => / disconnect from /.test(l));
      if (disconnects.length >= 10) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(disconnects.length).toBeGreaterThanOrEqual(10);
    expect(disconnects.filter((l) => / data=/.test(l))).toEqual([]);
  });
});
