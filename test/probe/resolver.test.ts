/**
 * The resolver against a local dns2 server: answers, the four kinds of "no answer", the lookup log,
 * PTR via resolvePtr (not /etc/hosts), TCP fallback for large answers, and the helper's own semantics.
 */
import { Socket } from 'node:net';
import { cachingResolver, createResolver, DnsLookupError, expandIPv6, mailauthResolver, recordingResolver, reverseName } from '../../src/probe/resolver';
import type { DnsReport } from '../../src/probe/types';
import { ptrName, startDnsServer, type TestDnsServer } from '../helpers/dns-server';

let dns: TestDnsServer;

beforeAll(async () => {
  dns = await startDnsServer({
    'example.test': {
      MX: [{ priority: 20, exchange: 'mx2.example.test' }, { priority: 10, exchange: 'mx1.example.test' }],
      TXT: ['v=spf1 -all', ['v=DKIM1; k=rsa; ', 'p=MIGf']],
      A: ['192.0.2.10'],
    },
    'mx1.example.test': { A: ['127.0.0.2'], AAAA: ['2001:db8::2'] },
    'exists.test': {},
    'broken.test': 'SERVFAIL',
    'slow.test': 'TIMEOUT',
    'half.test': { A: ['127.0.0.3'], fail: { MX: 'SERVFAIL', TXT: 'TIMEOUT' } },
    'refused.test': 'REFUSED',
    'alias.test': { CNAME: 'mx1.example.test' },
    '*.wild.test': { A: ['127.0.0.9'] },
    'long.test': { TXT: ['x'.repeat(600)] },
    'big.test': { TXT: Array.from({ length: 12 }, (_, i) => `record-${i}-${'y'.repeat(80)}`) },
    [ptrName('127.0.0.2')]: { PTR: ['mx1.example.test'] },
    [ptrName('2001:db8::2')]: { PTR: ['mx1.example.test'] },
  });
});
afterAll(() => dns.stop());

const resolver = () => createResolver({ servers: [dns.address], timeoutMs: 600 });

test('answers: MX, A, AAAA, TXT (one record per entry, strings kept), CNAME chased', async () => {
  const r = resolver();
  expect(await r.resolve('example.test', 'MX')).toEqual(expect.arrayContaining([{ exchange: 'mx1.example.test', priority: 10 }, { exchange: 'mx2.example.test', priority: 20 }]));
  expect(await r.resolve('mx1.example.test', 'A')).toEqual(['127.0.0.2']);
  expect(await r.resolve('mx1.example.test', 'AAAA')).toEqual(['2001:db8::2']);
  expect(await r.resolve('example.test', 'TXT')).toEqual(expect.arrayContaining([['v=spf1 -all'], ['v=DKIM1; k=rsa; ', 'p=MIGf']]));
  expect(await r.resolve('alias.test', 'A')).toEqual(['127.0.0.2']);
  expect(await r.resolve('anything.wild.test', 'A')).toEqual(['127.0.0.9']);
});

test('a long TXT value is split into 255-byte strings, as a zone file would', async () => {
  const [record] = await resolver().resolve('long.test', 'TXT');
  expect(record.map((s) => s.length)).toEqual([255, 255, 90]);
});

test('an answer too big for UDP arrives over TCP on the same port', async () => {
  const rows = await resolver().resolve('big.test', 'TXT');
  expect(rows).toHaveLength(12);
  expect(dns.queriesFor('big.test', 'TXT').map((q) => q.transport)).toEqual(expect.arrayContaining(['udp', 'tcp']));
});

test.each([
  ['nothing.test', 'A', 'ENOTFOUND', 'nxdomain'],
  ['exists.test', 'MX', 'ENODATA', 'nodata'],
  ['mx1.example.test', 'TXT', 'ENODATA', 'nodata'],
  ['broken.test', 'A', 'ESERVFAIL', 'servfail'],
  ['half.test', 'MX', 'ESERVFAIL', 'servfail'],
  ['refused.test', 'A', 'EREFUSED', 'refused'],
  ['slow.test', 'A', 'ETIMEOUT', 'timeout'],
  ['half.test', 'TXT', 'ETIMEOUT', 'timeout'],
] as const)('%s %s → %s (%s)', async (name, type, code, kind) => {
  const err = await resolver().resolve(name, type).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DnsLookupError);
  expect(err).toMatchObject({ code, kind, hostname: name, rrtype: type });
});

test('PTR goes to the DNS server via the .arpa name, for IPv4 and IPv6', async () => {
  const r = resolver();
  expect(reverseName('127.0.0.2')).toBe('2.0.0.127.in-addr.arpa');
  expect(reverseName('2001:db8::2')).toBe(ptrName('2001:db8::2'));
  expect(await r.resolve(reverseName('127.0.0.2'), 'PTR')).toEqual(['mx1.example.test']);
  expect(await r.resolve(reverseName('2001:db8::2'), 'PTR')).toEqual(['mx1.example.test']);
  // /etc/hosts maps 127.0.0.1 to localhost; the DNS server has no PTR for it.
  await expect(r.resolve(reverseName('127.0.0.1'), 'PTR')).rejects.toMatchObject({ kind: 'nxdomain' });
});

test('expandIPv6 handles ::, embedded IPv4 and full forms', () => {
  expect(expandIPv6('::1')).toBe('0000:0000:0000:0000:0000:0000:0000:0001');
  expect(expandIPv6('::ffff:10.0.0.1')).toBe('0000:0000:0000:0000:0000:ffff:0a00:0001');
  expect(expandIPv6('2001:DB8:0:0:0:0:0:1')).toBe('2001:0db8:0000:0000:0000:0000:0000:0001');
});

test('recordingResolver logs each lookup with time and answer or error', async () => {
  const lookups: DnsReport['lookups'] = [];
  const r = recordingResolver(resolver(), lookups);
  await r.resolve('example.test', 'MX');
  await r.resolve('nothing.test', 'A').catch(() => undefined);
  await r.resolve('broken.test', 'TXT').catch(() => undefined);
  expect(lookups).toEqual([
    { name: 'example.test', type: 'MX', ms: expect.any(Number), answer: expect.stringMatching(/10 mx1\.example\.test.*20 mx2\.example\.test|20 mx2\.example\.test.*10 mx1\.example\.test/) },
    { name: 'nothing.test', type: 'A', ms: expect.any(Number), error: 'NXDOMAIN (name does not exist)' },
    { name: 'broken.test', type: 'TXT', ms: expect.any(Number), error: 'SERVFAIL (the DNS server could not answer)' },
  ]);
});

test('cachingResolver asks each name and type once', async () => {
  const r = cachingResolver(resolver());
  const before = dns.queriesFor('mx1.example.test', 'A').length;
  await Promise.all([r.resolve('mx1.example.test', 'A'), r.resolve('MX1.example.test', 'A')]);
  await r.resolve('mx1.example.test', 'A');
  expect(dns.queriesFor('mx1.example.test', 'A').length - before).toBe(1);
});

test('mailauthResolver keeps node:dns error codes (mailauth tests err.code)', async () => {
  const r = mailauthResolver(resolver());
  await expect(r('nothing.test', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  await expect(r('exists.test', 'txt')).rejects.toMatchObject({ code: 'ENODATA' });
  await expect(r('example.test', 'SRV')).rejects.toMatchObject({ code: 'ENOTIMP' });
});

test('dns-server helper: set() changes the zone; stop() closes UDP and TCP', async () => {
  const local = await startDnsServer({ 'a.test': { A: ['127.0.0.5'] } });
  const r = createResolver({ servers: [local.address], timeoutMs: 600 });
  expect(await r.resolve('a.test', 'A')).toEqual(['127.0.0.5']);
  local.set('a.test', 'NXDOMAIN');
  await expect(r.resolve('a.test', 'A')).rejects.toMatchObject({ kind: 'nxdomain' });
  local.set('b.test', { A: ['127.0.0.6'] });
  expect(await r.resolve('b.test', 'A')).toEqual(['127.0.0.6']);
  expect(local.queries.map((q) => `${q.name} ${q.type}`)).toEqual(['a.test A', 'a.test A', 'b.test A']);
  await local.stop();
  const refused = await new Promise<string>((resolve) => {
    const s = new Socket();
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    s.connect(local.port, '127.0.0.1', () => { s.destroy(); resolve('connected'); });
  });
  expect(refused).toBe('ECONNREFUSED');
});

test('dns-server helper: the fallback answer for unknown names is configurable', async () => {
  const local = await startDnsServer({ 'known.test': { A: ['127.0.0.8'] } }, { fallback: 'SERVFAIL' });
  try {
    const r = createResolver({ servers: [local.address], timeoutMs: 600 });
    await expect(r.resolve('unknown.test', 'A')).rejects.toMatchObject({ kind: 'servfail' });
    expect(await r.resolve('known.test', 'A')).toEqual(['127.0.0.8']);
  } finally {
    await local.stop();
  }
});
