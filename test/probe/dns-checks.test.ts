/**
 * Each DNS check against a local dns2 server. Record shapes follow the RFCs they come from
 * (RFC 5321 §5.1 MX, RFC 7505 null MX, RFC 7208 SPF, RFC 7489 DMARC, RFC 8460 TLS-RPT) and the
 * public DNSBL conventions (127.0.0.2 test listing, Spamhaus 127.255.255.x refusal codes).
 */
import { resolveMailHosts } from '../../src/probe/dns/mx';
import { checkPtr } from '../../src/probe/dns/ptr';
import { checkSpf } from '../../src/probe/dns/spf';
import { checkDmarc } from '../../src/probe/dns/dmarc';
import { checkTlsRpt } from '../../src/probe/dns/tls-rpt';
import { checkDnsbl, classifyAnswer } from '../../src/probe/dns/dnsbl';
import { pickAddresses, resolveHostTarget } from '../../src/probe/dns/address';
import { createResolver, type Resolver } from '../../src/probe/resolver';
import type { Finding } from '../../src/probe/types';
import { dnsblName, ptrName, startDnsServer, type TestDnsServer, type Zone } from '../helpers/dns-server';

const includeChain: Zone = {};
for (let i = 0; i < 11; i++) includeChain[`i${i}.spf.test`] = { TXT: [`v=spf1 include:i${i + 1}.spf.test -all`] };
includeChain['i11.spf.test'] = { TXT: ['v=spf1 -all'] };

const ZONE: Zone = {
  // MX
  'ok.test': {
    MX: [{ priority: 20, exchange: 'mx2.ok.test' }, { priority: 10, exchange: 'mx1.ok.test' }, { priority: 30, exchange: 'gone.ok.test' }],
    // One SPF record published as two character-strings (RFC 7208 §3.3).
    TXT: [['v=spf1 ip4:198.51.100.0/24 ', 'include:_spf.ok.test -all'], 'google-site-verification=abc'],
  },
  'mx1.ok.test': { A: ['127.0.0.2'] },
  'mx2.ok.test': { A: ['127.0.0.3'], AAAA: ['::1'] },
  'null.test': { MX: [{ priority: 0, exchange: '' }] },
  'nomx.test': { A: ['127.0.0.4'] },
  'empty.test': {},
  'servfail.test': 'SERVFAIL',
  'hang.test': 'TIMEOUT',
  'many.test': { MX: Array.from({ length: 7 }, (_, i) => ({ priority: i * 10, exchange: `mx${i}.many.test` })) },
  '*.many.test': { A: ['127.0.0.6'] },
  'literal.test': { MX: [{ priority: 10, exchange: '127.0.0.7' }] },
  'mxfail.test': { MX: [{ priority: 10, exchange: 'mx.mxfail.test' }] },
  'mx.mxfail.test': { fail: { '*': 'SERVFAIL' } },
  // PTR
  [ptrName('127.0.0.2')]: { PTR: ['mx1.ok.test'] },
  [ptrName('127.0.0.3')]: { PTR: ['mail.other.test'] },
  'mail.other.test': { A: ['127.0.0.9'] },
  [ptrName('127.0.0.5')]: 'SERVFAIL',
  // SPF
  '_spf.ok.test': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
  'twospf.test': { TXT: ['v=spf1 -all', 'v=spf1 mx -all'] },
  'badspf.test': { TXT: ['v=spf1 ip4:999.1.1.1 -all'] },
  'open.test': { TXT: ['v=spf1 mx +all'] },
  ...includeChain,
  'deep.spf.test': { TXT: ['v=spf1 include:i0.spf.test -all'] },
  // DMARC
  '_dmarc.ok.test': { TXT: ['v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@ok.test'] },
  'sub.ok.test': {},
  '_dmarc.invalid.test': { TXT: ['v=DMARC1; p=maybe'] },
  '_dmarc.twice.test': { TXT: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] },
  '_dmarc.monitor.test': { TXT: ['v=DMARC1; p=none; pct=50'] },
  // TLS-RPT
  '_smtp._tls.ok.test': { TXT: ['v=TLSRPTv1; rua=mailto:tlsrpt@ok.test,https://reports.ok.test/tlsrpt'] },
  '_smtp._tls.badrpt.test': { TXT: ['v=TLSRPTv1; rua=ftp://x.test/'] },
  // DNSBL
  [dnsblName('127.0.0.2', 'bl.test')]: { A: ['127.0.0.2'], TXT: ['Listed: https://bl.test/lookup?127.0.0.2'] },
  [dnsblName('127.0.0.4', 'bl.test')]: { A: ['127.255.255.254'] },
  [dnsblName('127.0.0.5', 'bl.test')]: { A: ['192.0.2.1'] },
  [dnsblName('127.0.0.6', 'bl.test')]: 'SERVFAIL',
};

let dns: TestDnsServer;
let resolver: Resolver;
beforeAll(async () => {
  dns = await startDnsServer(ZONE);
  resolver = createResolver({ servers: [dns.address], timeoutMs: 400 });
});
afterAll(() => dns.stop());

const ids = (findings: Finding[]) => findings.map((f) => `${f.id}:${f.outcome}`);

describe('MX', () => {
  test('MX hosts in preference order with their addresses; an MX without address is a warning', async () => {
    const r = await resolveMailHosts(resolver, 'ok.test');
    expect(r.hosts).toEqual([
      { name: 'mx1.ok.test', priority: 10, addresses: ['127.0.0.2'] },
      { name: 'mx2.ok.test', priority: 20, addresses: ['127.0.0.3', '::1'] },
    ]);
    expect(r.dns.mx?.map((m) => m.exchange)).toEqual(['mx1.ok.test', 'mx2.ok.test', 'gone.ok.test']);
    expect(ids(r.findings)).toEqual(['mx-no-address:warn', 'mx-ok:pass']);
    expect(r.findings[0].evidence).toMatch(/NXDOMAIN/);
  });

  test('null MX → null-mx (fail), nothing to probe', async () => {
    const r = await resolveMailHosts(resolver, 'null.test');
    expect(r.dns.nullMx).toBe(true);
    expect(r.hosts).toEqual([]);
    expect(ids(r.findings)).toEqual(['null-mx:fail']);
  });

  test('no MX → the domain\'s own address (implicit MX), flagged mx-missing', async () => {
    const r = await resolveMailHosts(resolver, 'nomx.test');
    expect(r.dns.implicitMx).toBe(true);
    expect(r.hosts).toEqual([{ name: 'nomx.test', priority: 0, addresses: ['127.0.0.4'] }]);
    expect(ids(r.findings)).toEqual(['mx-missing:warn']);
  });

  test('no MX and no address → no-mail-host', async () => {
    const r = await resolveMailHosts(resolver, 'empty.test');
    expect(r.hosts).toEqual([]);
    expect(ids(r.findings)).toEqual(['no-mail-host:fail']);
  });

  test('NXDOMAIN → domain-not-found; SERVFAIL and timeout → dns-error, never "no MX"', async () => {
    const nx = await resolveMailHosts(resolver, 'nothing.test');
    expect(nx.domainNotFound).toBe(true);
    expect(ids(nx.findings)).toEqual(['domain-not-found:fail']);
    const sf = await resolveMailHosts(resolver, 'servfail.test');
    expect(ids(sf.findings)).toEqual(['dns-error:error']);
    expect(sf.findings[0].title).toMatch(/SERVFAIL/);
    const to = await resolveMailHosts(resolver, 'hang.test');
    expect(ids(to.findings)).toEqual(['dns-error:error']);
    expect(to.findings[0].title).toMatch(/timeout/);
    expect(dns.queriesFor('hang.test', 'A')).toHaveLength(0);
  });

  test('more than 5 MX: the first 5 by preference, the rest named in mx-capped', async () => {
    const r = await resolveMailHosts(resolver, 'many.test');
    expect(r.hosts.map((h) => h.name)).toEqual(['mx0.many.test', 'mx1.many.test', 'mx2.many.test', 'mx3.many.test', 'mx4.many.test']);
    const capped = r.findings.find((f) => f.id === 'mx-capped');
    expect(capped?.evidence).toBe('Not checked: mx5.many.test (50), mx6.many.test (60)');
    expect(dns.queriesFor('mx5.many.test')).toHaveLength(0);
  });

  test('an MX that names an IP address is flagged', async () => {
    const r = await resolveMailHosts(resolver, 'literal.test');
    expect(ids(r.findings)).toContain('mx-ip-literal:warn');
    expect(r.hosts).toEqual([{ name: '127.0.0.7', priority: 10, addresses: ['127.0.0.7'] }]);
  });

  test('an MX whose address lookup fails is a DNS error, not "no address"', async () => {
    const r = await resolveMailHosts(resolver, 'mxfail.test');
    expect(ids(r.findings)).toEqual(['dns-error:error']);
    expect(r.findings[0].host).toBe('mx.mxfail.test');
  });

  test('host targets resolve their own name', async () => {
    expect(await resolveHostTarget(resolver, 'mx2.ok.test')).toEqual({ hosts: [{ name: 'mx2.ok.test', addresses: ['127.0.0.3', '::1'] }], findings: [] });
    const none = await resolveHostTarget(resolver, 'gone.ok.test');
    expect(ids(none.findings)).toEqual(['host-not-found:fail']);
  });

  test('pickAddresses alternates families and caps', () => {
    expect(pickAddresses(['192.0.2.1', '192.0.2.2', '2001:db8::1', '2001:db8::2'], 2)).toEqual(['192.0.2.1', '2001:db8::1']);
    expect(pickAddresses(['192.0.2.1', '192.0.2.2', '192.0.2.3'], 2)).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(pickAddresses(['2001:db8::1'], 2)).toEqual(['2001:db8::1']);
  });
});

describe('PTR and forward-confirmed reverse DNS', () => {
  test('confirmed, mismatched, missing and failing lookups are told apart', async () => {
    const r = await checkPtr(resolver, [
      { ip: '127.0.0.2', name: 'mx1.ok.test' },
      { ip: '127.0.0.3', name: 'mx2.ok.test' },
      { ip: '127.0.0.4', name: 'nomx.test' },
      { ip: '127.0.0.5', name: 'x.test' },
    ]);
    expect(r.report['127.0.0.2']).toEqual({ names: ['mx1.ok.test'], forwardConfirmed: true });
    expect(r.report['127.0.0.3']).toEqual({ names: ['mail.other.test'], forwardConfirmed: false });
    expect(r.report['127.0.0.4']).toEqual({ names: [], forwardConfirmed: false });
    const byId = Object.fromEntries(r.findings.map((f) => [f.id, f]));
    expect(byId['ptr-mismatch']).toMatchObject({ outcome: 'warn', host: 'mx2.ok.test[127.0.0.3]' });
    expect(byId['ptr-mismatch'].evidence).toContain('mail.other.test → 127.0.0.9');
    expect(byId['ptr-missing']).toMatchObject({ outcome: 'warn', host: 'nomx.test[127.0.0.4]' });
    expect(byId['dns-error'].evidence).toMatch(/SERVFAIL/);
    expect(byId['ptr-ok'].evidence).toBe('127.0.0.2 → mx1.ok.test');
  });
});

describe('SPF', () => {
  const opts = { heloName: 'probe.smtpcheck.test' };

  test('a record split into several strings is one record, and its includes are evaluated', async () => {
    const r = await checkSpf(resolver, 'ok.test', opts);
    expect(r.report).toEqual({ record: 'v=spf1 ip4:198.51.100.0/24 include:_spf.ok.test -all' });
    expect(ids(r.findings)).toEqual(['spf-ok:pass']);
    expect(r.findings[0].evidence).toMatch(/1 of 10 DNS lookups/);
    expect(dns.queriesFor('_spf.ok.test', 'TXT').length).toBeGreaterThan(0);
  });

  test('missing, multiple, syntax error, too many lookups, +all', async () => {
    expect(ids((await checkSpf(resolver, 'empty.test', opts)).findings)).toEqual(['spf-missing:warn']);
    expect(ids((await checkSpf(resolver, 'nothing.test', opts)).findings)).toEqual(['spf-missing:warn']);
    expect(ids((await checkSpf(resolver, 'twospf.test', opts)).findings)).toEqual(['spf-multiple:fail']);
    const bad = await checkSpf(resolver, 'badspf.test', opts);
    expect(ids(bad.findings)).toEqual(['spf-invalid:fail']);
    expect(bad.report.error).toMatch(/permerror/);
    expect(ids((await checkSpf(resolver, 'deep.spf.test', opts)).findings)).toEqual(['spf-too-many-lookups:fail']);
    expect(ids((await checkSpf(resolver, 'open.test', opts)).findings)).toEqual(['spf-permissive:warn']);
  });

  test('a failing TXT lookup is a DNS error, not a missing record', async () => {
    expect(ids((await checkSpf(resolver, 'servfail.test', opts)).findings)).toEqual(['dns-error:error']);
  });
});

describe('DMARC', () => {
  test('policy at the domain', async () => {
    const r = await checkDmarc(resolver, 'ok.test');
    expect(r.report).toEqual({ record: 'v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@ok.test', policy: 'reject' });
    expect(ids(r.findings)).toEqual(['dmarc-ok:pass']);
  });

  test('a subdomain without its own record inherits the parent\'s sp= policy', async () => {
    const r = await checkDmarc(resolver, 'sub.ok.test');
    expect(r.report.policy).toBe('quarantine');
    expect(r.findings[0].title).toMatch(/inherited from ok\.test/);
  });

  test('missing, invalid, multiple, p=none', async () => {
    expect(ids((await checkDmarc(resolver, 'empty.test')).findings)).toEqual(['dmarc-missing:warn']);
    expect(ids((await checkDmarc(resolver, 'invalid.test')).findings)).toEqual(['dmarc-invalid:fail']);
    expect(ids((await checkDmarc(resolver, 'twice.test')).findings)).toEqual(['dmarc-multiple:fail']);
    const monitor = await checkDmarc(resolver, 'monitor.test');
    expect(monitor.report.policy).toBe('none');
    expect(monitor.findings[0].title).toMatch(/monitoring only/);
    expect(monitor.findings[0].evidence).toMatch(/50%/);
  });
});

describe('TLS-RPT', () => {
  test('ok, missing, invalid rua', async () => {
    const ok = await checkTlsRpt(resolver, 'ok.test');
    expect(ids(ok.findings)).toEqual(['tls-rpt-ok:pass']);
    expect(ok.findings[0].title).toContain('mailto:tlsrpt@ok.test, https://reports.ok.test/tlsrpt');
    expect(ids((await checkTlsRpt(resolver, 'empty.test')).findings)).toEqual(['tls-rpt-missing:skip']);
    expect(ids((await checkTlsRpt(resolver, 'badrpt.test')).findings)).toEqual(['tls-rpt-invalid:warn']);
  });
});

describe('DNSBL', () => {
  test('listed (with reason), not listed, refused 127.255.255.254, unexpected answer, SERVFAIL; IPv6 skipped', async () => {
    const r = await checkDnsbl(resolver, [
      { ip: '127.0.0.2', name: 'mx1.ok.test' },
      { ip: '127.0.0.3', name: 'mx2.ok.test' },
      { ip: '127.0.0.4', name: 'mx3.ok.test' },
      { ip: '127.0.0.5', name: 'mx4.ok.test' },
      { ip: '127.0.0.6', name: 'mx5.ok.test' },
      { ip: '::1', name: 'mx2.ok.test' },
    ], ['bl.test']);
    expect(r.report).toEqual([
      { ip: '127.0.0.2', zone: 'bl.test', listed: true, answer: '127.0.0.2', reason: 'Listed: https://bl.test/lookup?127.0.0.2' },
      { ip: '127.0.0.3', zone: 'bl.test', listed: false },
      { ip: '127.0.0.4', zone: 'bl.test', listed: false, refused: true, answer: '127.255.255.254' },
      { ip: '127.0.0.5', zone: 'bl.test', listed: false, answer: '192.0.2.1', error: expect.stringMatching(/unexpected answer/) },
      { ip: '127.0.0.6', zone: 'bl.test', listed: false, error: 'SERVFAIL (the DNS server could not answer)' },
    ]);
    expect(ids(r.findings)).toEqual(['dnsbl-listed:fail', 'dnsbl-refused:skip', 'dnsbl-error:skip', 'dnsbl-error:skip']);
    expect(r.findings[1].evidence).toMatch(/public or open resolver/);
    expect(dns.queriesFor(dnsblName('127.0.0.2', 'bl.test'), 'TXT')).toHaveLength(1);
  });

  test('clean addresses give one dnsbl-clean', async () => {
    const r = await checkDnsbl(resolver, [{ ip: '127.0.0.3', name: 'mx2.ok.test' }], ['bl.test', 'bl2.test']);
    expect(ids(r.findings)).toEqual(['dnsbl-clean:pass']);
    expect(r.findings[0].title).toBe('Not listed on bl.test, bl2.test');
  });

  test('answer classification', () => {
    expect(classifyAnswer('127.0.0.2')).toBe('listed');
    expect(classifyAnswer('127.0.0.11')).toBe('listed');
    expect(classifyAnswer('127.255.255.252')).toBe('refused');
    expect(classifyAnswer('127.255.255.255')).toBe('refused');
    expect(classifyAnswer('10.0.0.1')).toBe('unexpected');
  });
});
