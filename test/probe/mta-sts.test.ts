/**
 * MTA-STS end to end: TXT record from the local dns2 server, policy served over HTTPS from a local
 * server on an ephemeral port with a test certificate (generated with openssl at test time), the
 * guard applied to the policy host. Policy texts follow RFC 8461 §3.2.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fetchMtaSts, judgeMtaSts, judgeMtaStsTls, type MtaStsFetch, type MtaStsOptions } from '../../src/probe/dns/mta-sts';
import type { HostProbe } from '../../src/probe/types';
import { createResolver, type Resolver } from '../../src/probe/resolver';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';

const DOMAINS = ['sts.test', 'testing.test', 'redir.test', 'missing404.test', 'bogus.test', 'json.test', 'huge.test', 'noid.test', 'private.test'];

const POLICIES: Record<string, { status?: number; type?: string; body?: string; headers?: Record<string, string> }> = {
  'mta-sts.sts.test': { body: 'version: STSv1\r\nmode: enforce\r\nmx: mx1.sts.test\r\nmx: *.backup.sts.test\r\nmax_age: 604800\r\n' },
  'mta-sts.testing.test': { body: 'version: STSv1\nmode: testing\nmx: mx1.testing.test\nmax_age: 86400\n' },
  'mta-sts.redir.test': { status: 301, headers: { location: 'https://mta-sts.sts.test/.well-known/mta-sts.txt' } },
  'mta-sts.missing404.test': { status: 404, body: 'not found' },
  'mta-sts.bogus.test': { body: 'version: STSv1\nmode: strict\nmx: mx1.bogus.test\nmax_age: 86400\n' },
  'mta-sts.json.test': { type: 'application/json', body: 'version: STSv1\nmode: enforce\nmx: mx1.json.test\nmax_age: 86400\n' },
  'mta-sts.huge.test': { body: `version: STSv1\nmode: enforce\n${'mx: x.huge.test\n'.repeat(6000)}max_age: 86400\n` },
};

let dns: TestDnsServer;
let server: https.Server;
let port: number;
let ca: string;
let resolver: Resolver;
const requests: string[] = [];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'smtpcheck-sts-'));
  try {
    const san = DOMAINS.map((d) => `DNS:mta-sts.${d}`).join(',');
    await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem',
      '-days', '2', '-subj', '/CN=mta-sts.sts.test', '-addext', `subjectAltName=${san}`], { cwd: dir });
    const key = await readFile(join(dir, 'k.pem'), 'utf8');
    ca = await readFile(join(dir, 'c.pem'), 'utf8');
    server = https.createServer({ key, cert: ca }, (req, res) => {
      const host = String(req.headers.host ?? '');
      requests.push(`${host}${req.url}`);
      const p = POLICIES[host];
      if (!p || req.url !== '/.well-known/mta-sts.txt') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(p.status ?? 200, { 'content-type': p.type ?? 'text/plain', ...p.headers });
      res.end(p.body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const zone: Parameters<typeof startDnsServer>[0] = {};
  for (const d of DOMAINS) {
    zone[`_mta-sts.${d}`] = { TXT: [d === 'noid.test' ? 'v=STSv1;' : 'v=STSv1; id=20261127T1200'] };
    zone[`mta-sts.${d}`] = { A: ['127.0.0.1'] };
  }
  zone['_mta-sts.twice.test'] = { TXT: ['v=STSv1; id=1', 'v=STSv1; id=2'] };
  zone['_mta-sts.nohost.test'] = { TXT: ['v=STSv1; id=1'] };
  dns = await startDnsServer(zone);
  resolver = createResolver({ servers: [dns.address], timeoutMs: 500 });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await dns.stop();
});

const opts = (extra: Partial<MtaStsOptions> = {}): MtaStsOptions => ({ guard: { allowPrivate: true }, timeoutMs: 3000, port, ca, ...extra });

test('an enforce policy covering every MX (exact and wildcard) passes', async () => {
  const fetched = await fetchMtaSts(resolver, 'sts.test', opts());
  expect(fetched.report).toEqual({
    record: 'v=STSv1; id=20261127T1200',
    policy: { mode: 'enforce', mx: ['mx1.sts.test', '*.backup.sts.test'], maxAge: 604800 },
  });
  expect(fetched.findings).toEqual([]);
  const findings = judgeMtaSts('sts.test', fetched, ['mx1.sts.test', 'mx9.backup.sts.test']);
  expect(findings.map((f) => `${f.id}:${f.outcome}`)).toEqual(['mta-sts-ok:pass']);
  expect(requests).toContain('mta-sts.sts.test/.well-known/mta-sts.txt');
});

test('an MX the policy does not list: fail under enforce, warn under testing', async () => {
  const enforce = judgeMtaSts('sts.test', await fetchMtaSts(resolver, 'sts.test', opts()), ['mx1.sts.test', 'mx2.sts.test']);
  expect(enforce.map((f) => `${f.id}:${f.outcome}`)).toEqual(['mta-sts-invalid:fail']);
  expect(enforce[0].evidence).toMatch(/MX not covered: mx2\.sts\.test/);
  const testing = judgeMtaSts('testing.test', await fetchMtaSts(resolver, 'testing.test', opts()), ['mx2.testing.test']);
  expect(testing.map((f) => `${f.id}:${f.outcome}`)).toEqual(['mta-sts-invalid:warn']);
});

test('a redirect is reported and not followed', async () => {
  const before = requests.length;
  const r = await fetchMtaSts(resolver, 'redir.test', opts());
  expect(r.findings.map((f) => f.id)).toEqual(['mta-sts-invalid']);
  expect(r.findings[0].evidence).toContain('HTTP 301 → https://mta-sts.sts.test/.well-known/mta-sts.txt');
  expect(requests.slice(before)).toEqual(['mta-sts.redir.test/.well-known/mta-sts.txt']);
  expect(r.policy).toBeUndefined();
});

test('HTTP 404, an invalid mode, a missing id and multiple records are broken policies', async () => {
  const notFound = await fetchMtaSts(resolver, 'missing404.test', opts());
  expect(notFound.report.error).toBe('policy fetch returned HTTP 404');
  const bogus = await fetchMtaSts(resolver, 'bogus.test', opts());
  expect(bogus.report.error).toMatch(/invalid policy: Invalid mode field/);
  const noId = await fetchMtaSts(resolver, 'noid.test', opts());
  expect(noId.findings.map((f) => `${f.id}:${f.outcome}`)).toEqual(['mta-sts-invalid:fail']);
  expect(noId.findings[0].title).toMatch(/no valid id=/);
  const twice = await fetchMtaSts(resolver, 'twice.test', opts());
  expect(twice.report.error).toBe('multiple MTA-STS records');
});

test('a policy host without an address cannot be fetched', async () => {
  const r = await fetchMtaSts(resolver, 'nohost.test', opts());
  expect(r.findings.map((f) => f.id)).toEqual(['mta-sts-invalid']);
  expect(r.findings[0].evidence).toMatch(/NXDOMAIN/);
});

test('wrong content type is a warning; an oversized body is refused', async () => {
  const json = await fetchMtaSts(resolver, 'json.test', opts());
  expect(json.policy?.mode).toBe('enforce');
  expect(json.findings.map((f) => `${f.id}:${f.outcome}`)).toEqual(['mta-sts-invalid:warn']);
  const huge = await fetchMtaSts(resolver, 'huge.test', opts());
  expect(huge.report.error).toMatch(/larger than 65536 bytes/);
});

test('the certificate must verify: without the test CA the fetch fails', async () => {
  const r = await fetchMtaSts(resolver, 'sts.test', opts({ ca: undefined }));
  expect(r.policy).toBeUndefined();
  expect(r.report.error).toMatch(/SELF_SIGNED|self-signed/i);
});

test('the guard applies to the policy host: a loopback policy host is never contacted', async () => {
  const before = requests.length;
  const r = await fetchMtaSts(resolver, 'private.test', opts({ guard: { allowPrivate: false } }));
  expect(r.findings.map((f) => `${f.id}:${f.outcome}`)).toEqual(['mta-sts-invalid:error', 'address-refused:error']);
  expect(r.refused).toEqual([{ ip: '127.0.0.1', reason: 'loopback (127.0.0.0/8)', name: 'mta-sts.private.test' }]);
  expect(requests.length).toBe(before);
});

test('no record → mta-sts-missing (skip); a failing lookup → dns-error', async () => {
  const none = await fetchMtaSts(resolver, 'nothing.test', opts());
  expect(none.findings.map((f) => `${f.id}:${f.outcome}`)).toEqual(['mta-sts-missing:skip']);
  dns.set('_mta-sts.broken.test', 'SERVFAIL');
  const broken = await fetchMtaSts(resolver, 'broken.test', opts());
  expect(broken.findings.map((f) => `${f.id}:${f.outcome}`)).toEqual(['dns-error:error']);
});

describe('enforce mode versus what the SMTP stage saw', () => {
  const host = (name: string, extra: Partial<HostProbe>): HostProbe => ({
    name, ip: '192.0.2.1', port: 25, steps: [{ step: 'connect', ms: 1, ok: true }], ehlo: { before: ['PIPELINING', 'STARTTLS'] }, auth: {}, transcript: [], ...extra,
  });
  const goodCert = { trusted: true, nameMatches: true, daysLeft: 60 };
  const hosts: HostProbe[] = [
    host('good.sts.test', { tls: { protocol: 'TLSv1.3', cert: goodCert } }),
    host('notls.sts.test', { ehlo: { before: ['PIPELINING', 'SIZE 10240000'] } }),
    host('self.sts.test', { tls: { cert: { trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT', nameMatches: true } } }),
    host('name.sts.test', { tls: { cert: { trusted: true, nameMatches: false } } }),
    host('old.sts.test', { tls: { cert: { ...goodCert, daysLeft: -3 } } }),
    host('down.sts.test', { steps: [{ step: 'connect', ms: 900, ok: false }], ehlo: {}, error: { code: 'ETIMEDOUT', message: 'x', command: 'CONNECT' } }),
  ];
  const fetched = (mode: string): MtaStsFetch => ({ report: {}, findings: [], refused: [], policy: { mode, mx: ['*.sts.test'] } });

  test('enforce: missing STARTTLS, untrusted, mismatched and expired certificates are failures', () => {
    const findings = judgeMtaStsTls(fetched('enforce'), hosts);
    expect(findings.map((f) => `${f.id}:${f.outcome}:${f.host}`)).toEqual([
      'mta-sts-tls-mismatch:fail:notls.sts.test[192.0.2.1]:25',
      'mta-sts-tls-mismatch:fail:self.sts.test[192.0.2.1]:25',
      'mta-sts-tls-mismatch:fail:name.sts.test[192.0.2.1]:25',
      'mta-sts-tls-mismatch:fail:old.sts.test[192.0.2.1]:25',
    ]);
    expect(findings[1].title).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  test('testing and none modes do not make TLS problems fatal', () => {
    expect(judgeMtaStsTls(fetched('testing'), hosts)).toEqual([]);
    expect(judgeMtaStsTls(fetched('none'), hosts)).toEqual([]);
  });
});
