/**
 * TLS and certificate grading: each certificate defect from its peer, trust reported apart from the name,
 * severity by port role (opportunistic TLS on MX ports, RFC 7435; strict on submission, RFC 8314),
 * the TLS 1.0-only server, and implicit TLS.
 */
import { probeSmtpHost } from '../../../src/probe/smtp';
import { getTestCerts } from '../../helpers/certs';
import { allCommands, startPeer } from '../../helpers/smtp-servers';
import { HELO, finding, ids, probePeer, problems } from './peer-probe';

afterAll(() => {
  expect(allCommands().length).toBeGreaterThan(0);
  expect(allCommands()).not.toContain('DATA');
});

const CERT_PROBLEMS = ['cert-expired', 'cert-untrusted', 'cert-name-mismatch', 'cert-not-yet-valid', 'cert-expiring-soon'];

describe('certificate grading', () => {
  test('good chain and name → cert-ok with the facts, no certificate problem', async () => {
    const { result } = await probePeer('good-cert');
    expect(ids(result)).toContain('cert-ok');
    expect(ids(result).filter((id) => CERT_PROBLEMS.includes(id))).toEqual([]);
    const cert = result.host.tls?.cert;
    expect(cert).toMatchObject({ trusted: true, nameMatches: true, subject: 'CN=mx.example.test', issuer: 'CN=smtpcheck test CA', altNames: ['mx.example.test'] });
    expect(cert?.daysLeft).toBeGreaterThan(20);
    expect(cert?.chain).toEqual(['CN=mx.example.test', 'CN=smtpcheck test CA']);
    expect(cert?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(result.host.tls?.protocol).toBe('TLSv1.3');
  });

  test('the same good certificate is untrusted when the probe does not trust the test CA (system store)', async () => {
    const { result } = await probePeer('good-cert', { trustedCa: undefined });
    expect(result.host.tls?.cert).toMatchObject({ trusted: false, nameMatches: true });
    expect(finding(result, 'cert-untrusted').evidence).toMatch(/^UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT_LOCALLY)/);
  });

  test('expired → cert-expired only (the chain itself is fine), a warning on an MX port', async () => {
    const { result } = await probePeer('expired-cert');
    const f = finding(result, 'cert-expired');
    expect(f.outcome).toBe('warn');
    expect(f.title).toContain('expired on 2020-02-01');
    expect(f.title).toContain('opportunistic');
    expect(ids(result)).not.toContain('cert-untrusted');
    expect(result.host.tls?.cert).toMatchObject({ trustError: 'CERT_HAS_EXPIRED' });
    expect(result.host.tls?.cert?.daysLeft).toBeLessThan(0);
  });

  test('wrong name → cert-name-mismatch, reported separately from trust', async () => {
    const { result } = await probePeer('wrong-name-cert');
    const f = finding(result, 'cert-name-mismatch');
    expect(f.outcome).toBe('warn');
    expect(f.evidence).toContain('other.example.test');
    expect(result.host.tls?.cert).toMatchObject({ trusted: true, nameMatches: false });
    expect(ids(result)).not.toContain('cert-untrusted');
  });

  test('self-signed → cert-untrusted (DEPTH_ZERO_SELF_SIGNED_CERT), name still checked on its own', async () => {
    const { result } = await probePeer('self-signed-cert');
    const f = finding(result, 'cert-untrusted');
    expect(f.outcome).toBe('warn');
    expect(f.title).toContain('self-signed');
    expect(f.evidence).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(result.host.tls?.cert?.nameMatches).toBe(true);
    expect(ids(result)).not.toContain('cert-name-mismatch');
  });

  test('on a submission port the same defects fail', async () => {
    const expired = await probePeer('expired-cert', { role: 'submission' });
    expect(finding(expired.result, 'cert-expired').outcome).toBe('fail');
    const self = await probePeer('self-signed-cert', { role: 'submission' });
    expect(finding(self.result, 'cert-untrusted').outcome).toBe('fail');
    const wrong = await probePeer('wrong-name-cert', { role: 'submission' });
    expect(finding(wrong.result, 'cert-name-mismatch').outcome).toBe('fail');
  });

  test('a host probed by IP address: name mismatch is a skip, not a defect', async () => {
    const certs = await getTestCerts();
    const peer = await startPeer('good-cert');
    try {
      const r = await probeSmtpHost({ name: '127.0.0.1', ip: '127.0.0.1', port: peer.port }, { heloName: HELO, timeoutMs: 5000, trustedCa: certs.ca.cert });
      expect(finding(r, 'cert-name-mismatch').outcome).toBe('skip');
      expect(problems(r)).toEqual([]);
    } finally {
      await peer.stop();
    }
  });
});

describe('TLS versions', () => {
  test('TLS 1.0-only server → starttls-failed and tls-legacy-only, from one extra 1.0–1.1 handshake', async () => {
    const { result } = await probePeer('tls10-only');
    expect(finding(result, 'starttls-failed').evidence).toContain('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION');
    const legacy = finding(result, 'tls-legacy-only');
    expect(legacy.outcome).toBe('fail');
    expect(legacy.evidence).toContain('negotiated TLSv1 ');
    expect(result.host.tls?.legacyProtocol).toBe('TLSv1');
    expect(result.host.transcript).toContain('* extra handshake offering only TLS 1.0-1.1: negotiated TLSv1');
  });

  test('legacyTlsCheck:false skips the extra handshake', async () => {
    const { result } = await probePeer('tls10-only', { legacyTlsCheck: false });
    expect(ids(result)).toContain('starttls-failed');
    expect(ids(result)).not.toContain('tls-legacy-only');
    expect(result.host.tls).toBeUndefined();
  });

  test('a modern server gets no legacy handshake', async () => {
    const { result, peer } = await probePeer('good-cert');
    expect(ids(result)).not.toContain('tls-legacy-only');
    expect(peer.commands.filter((c) => c === 'STARTTLS')).toHaveLength(1);
  });
});

describe('implicit TLS (465 style)', () => {
  test('TLS first, then greeting and EHLO over TLS; AUTH listed as "after"', async () => {
    const { result } = await probePeer('implicit-tls', { mode: 'implicit-tls' });
    expect(ids(result).slice(0, 3)).toEqual(['connect-ok', 'tls-ok', 'banner-ok']);
    expect(result.host.steps.map((s) => s.step).slice(0, 4)).toEqual(['connect', 'tls', 'banner', 'ehlo']);
    expect(result.host.ehlo.before).toBeUndefined();
    expect(result.host.auth.after).toEqual(['PLAIN', 'LOGIN']);
    expect(ids(result)).toContain('auth-offered');
    expect(ids(result)).not.toContain('auth-before-tls');
    expect(result.host.transcript[1]).toBe('* TLS established (implicit TLS)');
  });

  test('implicit TLS against a plaintext server → tls-failed', async () => {
    const { result } = await probePeer('mx-no-auth', { mode: 'implicit-tls' });
    expect(finding(result, 'tls-failed').outcome).toBe('fail');
    expect(ids(result)).not.toContain('banner-ok');
  });
});
