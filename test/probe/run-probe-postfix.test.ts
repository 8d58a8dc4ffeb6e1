/**
 * runProbe against the real MTA: Debian's Postfix on 127.0.0.1:2500 (set up by .ci/postfix-setup.sh,
 * see test/helpers/postfix.ts) as the only MX of a domain served by the local dns2 server.
 */
import type { ProbeConfig } from '../../src/config';
import { runProbe } from '../../src/probe';
import { describeWithPostfix, POSTFIX } from '../helpers/postfix';
import { ptrName, startDnsServer, type TestDnsServer } from '../helpers/dns-server';

describeWithPostfix('runProbe with Postfix as the MX', () => {
  let dns: TestDnsServer;
  beforeAll(async () => {
    dns = await startDnsServer({
      'example.test': { MX: [{ priority: 10, exchange: POSTFIX.hostname }], TXT: ['v=spf1 mx -all'] },
      [POSTFIX.hostname]: { A: [POSTFIX.host] },
      [ptrName(POSTFIX.host)]: { PTR: [POSTFIX.hostname] },
    });
  });
  afterAll(() => dns.stop());

  const config = (): ProbeConfig => ({
    dnsServers: [dns.address], heloName: 'probe.smtpcheck.test', mailFrom: '', dnsblZones: [],
    timeoutMs: 10000, allowPrivate: true, allowedPorts: [25, POSTFIX.starttlsPort], maxConcurrent: 4,
  });

  test('an address probe reaches Postfix, upgrades to TLS and checks the recipient without sending', async () => {
    const report = await runProbe(POSTFIX.knownRcpt, { config: config(), port: POSTFIX.starttlsPort });
    expect(report.hosts).toHaveLength(1);
    const [host] = report.hosts;
    expect(host.banner).toMatch(/^220 mx\.example\.test ESMTP Postfix/);
    expect(host.ehlo.before).toContain('STARTTLS');
    // smtpd_tls_auth_only=yes: AUTH appears only after STARTTLS.
    expect(host.auth.before ?? []).toEqual([]);
    expect(host.auth.after).toEqual(expect.arrayContaining(['PLAIN', 'LOGIN']));
    expect(report.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['mx-ok', 'ptr-ok', 'spf-ok', 'banner-ok', 'starttls-ok', 'rcpt-accepted']));
    expect(host.transcript.some((l) => /^C: DATA/i.test(l))).toBe(false);
  });

  test('an unknown recipient at Postfix is reported as rejected', async () => {
    const report = await runProbe(POSTFIX.unknownRcpt, { config: config(), port: POSTFIX.starttlsPort });
    const rejected = report.findings.find((f) => f.id === 'rcpt-rejected');
    expect(rejected?.evidence).toMatch(/550 5\.1\.1/);
    expect(report.outcome).toBe('fail');
  });
});
