/**
 * runProbe end to end: a local dns2 server publishes the zones, real smtp-server hosts listen on
 * 127.0.0.1/.2/.3/.5 (one port), a silent host on 127.0.0.4, and H5's probeSmtpHost does the SMTP.
 * Where a behaviour cannot be produced on loopback (a port-25 egress block, a session that never
 * returns), the SMTP stage is replaced through the `smtpProbe` seam.
 */
import { ErrorCode } from '../../src/errors';
import type { ProbeConfig } from '../../src/config';
import { runProbe, type SmtpProber } from '../../src/probe';
import { makeFinding } from '../../src/probe/findings';
import { ConcurrencyLimiter } from '../../src/probe/limits';
import type { ProbeProgress } from '../../src/probe/types';
import { getTestCerts } from '../helpers/certs';
import { dnsblName, ptrName, startDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { startLoopbackFarm, type LoopbackFarm } from './support/loopback-mx';

let dns: TestDnsServer;
let farm: LoopbackFarm;
let ca: string;

beforeAll(async () => {
  ca = (await getTestCerts()).ca.cert;
  farm = await startLoopbackFarm([
    { ip: '127.0.0.1', kind: 'smtp', bannerDelayMs: 200 },
    { ip: '127.0.0.2', kind: 'smtp', bannerDelayMs: 200 },
    { ip: '127.0.0.3', kind: 'smtp', bannerDelayMs: 200 },
    { ip: '127.0.0.4', kind: 'silent' },
    { ip: '127.0.0.5', kind: 'smtp' },
  ]);
  dns = await startDnsServer({
    'example.test': {
      MX: [{ priority: 10, exchange: 'mx1.example.test' }, { priority: 20, exchange: 'mx2.example.test' }, { priority: 30, exchange: 'mx3.example.test' }],
      TXT: ['v=spf1 mx -all'],
    },
    '_dmarc.example.test': { TXT: ['v=DMARC1; p=reject'] },
    'mx1.example.test': { A: ['127.0.0.1'] },
    'mx2.example.test': { A: ['127.0.0.2'] },
    'mx3.example.test': { A: ['127.0.0.3'] },
    [ptrName('127.0.0.1')]: { PTR: ['mx1.example.test'] },
    [ptrName('127.0.0.2')]: { PTR: ['mx2.example.test'] },
    [ptrName('127.0.0.3')]: { PTR: ['mx3.example.test'] },
    [dnsblName('127.0.0.3', 'bl.test')]: { A: ['127.0.0.2'], TXT: ['Listed for testing'] },
    'slow.test': { MX: [{ priority: 10, exchange: 'tarpit.slow.test' }, { priority: 20, exchange: 'mx.slow.test' }] },
    'tarpit.slow.test': { A: ['127.0.0.4'] },
    'mx.slow.test': { A: ['127.0.0.5'] },
    'servfail.test': 'SERVFAIL',
    'null.test': { MX: [{ priority: 0, exchange: '' }] },
    'mixed.test': { MX: [{ priority: 10, exchange: 'a.mixed.test' }, { priority: 20, exchange: 'b.mixed.test' }] },
    'a.mixed.test': { A: ['10.0.0.1'] },
    'b.mixed.test': { A: ['8.8.8.8'] },
    'sub.example.test': { A: ['127.0.0.5'] },
  });
});

afterAll(async () => {
  await farm.stop();
  await dns.stop();
});

function config(extra: Partial<ProbeConfig> = {}): ProbeConfig {
  return {
    dnsServers: [dns.address],
    heloName: 'probe.smtpcheck.test',
    mailFrom: '',
    dnsblZones: ['bl.test'],
    timeoutMs: 8000,
    allowPrivate: true,
    allowedPorts: [25, 465, 587, 2525, farm.port],
    maxConcurrent: 4,
    ...extra,
  };
}

const ids = (findings: { id: string }[]) => findings.map((f) => f.id);

/** A scripted SMTP stage: answers from `script`, records calls and concurrency. */
function fakeProber(script: (host: { name: string; ip: string; port: number }) => Promise<Awaited<ReturnType<SmtpProber>>> | Awaited<ReturnType<SmtpProber>>) {
  const calls: { name: string; ip: string; port: number; auth?: unknown; rcpt?: string; timeoutMs: number }[] = [];
  let active = 0;
  const stats = { peak: 0 };
  const prober: SmtpProber = async (host, opts) => {
    calls.push({ ...host, auth: opts.auth, rcpt: opts.rcpt, timeoutMs: opts.timeoutMs });
    active++;
    stats.peak = Math.max(stats.peak, active);
    try {
      await new Promise((r) => setTimeout(r, 20));
      return await script(host);
    } finally {
      active--;
    }
  };
  return { prober, calls, stats };
}

const okHost = (h: { name: string; ip: string; port: number }) => ({
  host: { ...h, steps: [{ step: 'connect', ms: 1, ok: true }], ehlo: {}, auth: {}, transcript: [] },
  findings: [makeFinding('connect-ok', { host: `${h.name}[${h.ip}]:${h.port}` })],
});

describe('a domain with three MX hosts on loopback', () => {
  test('every MX address is probed in parallel, DNS checks are merged, and the report is plain JSON', async () => {
    const events: ProbeProgress[] = [];
    const report = await runProbe('Example.TEST', { config: config(), port: farm.port, trustedCa: ca, sessions: new ConcurrencyLimiter(4), onProgress: (e) => events.push(e) });

    expect(report).toMatchObject({ target: 'example.test', kind: 'domain' });
    expect(report.hosts.map((h) => `${h.name}[${h.ip}]:${h.port}`)).toEqual([
      `mx1.example.test[127.0.0.1]:${farm.port}`, `mx2.example.test[127.0.0.2]:${farm.port}`, `mx3.example.test[127.0.0.3]:${farm.port}`,
    ]);
    for (const h of report.hosts) {
      expect(h.banner).toMatch(/^220 /);
      expect(h.ehlo.before).toContain('STARTTLS');
      expect(h.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    }
    // All three sessions were open at the same time.
    expect(farm.peakConcurrent).toBe(3);
    expect(farm.hosts.slice(0, 3).every((h) => h.commands.some((c) => c.startsWith('EHLO probe.smtpcheck.test')))).toBe(true);
    expect(farm.hosts.flatMap((h) => h.commands).filter((c) => /^DATA/i.test(c))).toEqual([]);

    expect(report.dns.mx?.map((m) => `${m.priority} ${m.exchange} ${m.addresses.join(',')}`)).toEqual([
      '10 mx1.example.test 127.0.0.1', '20 mx2.example.test 127.0.0.2', '30 mx3.example.test 127.0.0.3',
    ]);
    expect(report.dns.ptr?.['127.0.0.2']).toEqual({ names: ['mx2.example.test'], forwardConfirmed: true });
    expect(report.dns.spf).toEqual({ record: 'v=spf1 mx -all' });
    expect(report.dns.dmarc?.policy).toBe('reject');
    expect(report.dns.lookups.length).toBeGreaterThan(8);
    expect(report.dns.lookups.find((l) => l.name === 'example.test' && l.type === 'MX')?.answer).toBe('10 mx1.example.test, 20 mx2.example.test, 30 mx3.example.test');

    expect(ids(report.findings)).toEqual(expect.arrayContaining(['mx-ok', 'ptr-ok', 'spf-ok', 'dmarc-ok', 'dnsbl-listed', 'mta-sts-missing', 'tls-rpt-missing', 'connect-ok']));
    expect(report.findings.find((f) => f.id === 'dnsbl-listed')?.host).toBe('mx3.example.test[127.0.0.3]');
    expect(report.outcome).toBe('fail');
    expect(report.verdict).toMatch(/^FAIL: /);
    expect(report.verdict).toContain('127.0.0.3 (mx3.example.test) is listed on bl.test');
    expect(Date.parse(report.startedAt)).not.toBeNaN();
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);

    expect(events[0]).toMatchObject({ stage: 'start' });
    expect(events[events.length - 1]).toMatchObject({ stage: 'done', outcome: 'fail', message: report.verdict });
    expect(events.some((e) => e.stage === 'dns' && e.message.includes('mx2.example.test (127.0.0.2)'))).toBe(true);
    const finished = events.filter((e) => e.stage === 'smtp' && e.outcome).map((e) => e.host).sort();
    expect(finished).toEqual(report.hosts.map((h) => `${h.name}[${h.ip}]:${h.port}`).sort());
  });

  test('an address target checks that address at every MX; --rcpt overrides it', async () => {
    const before = farm.hosts.map((h) => h.commands.length);
    await runProbe('postmaster@example.test', { config: config(), port: farm.port, trustedCa: ca });
    farm.hosts.slice(0, 3).forEach((h, i) => expect(h.commands.slice(before[i])).toContain('RCPT TO:<postmaster@example.test>'));

    const mid = farm.hosts.map((h) => h.commands.length);
    const report = await runProbe('example.test', { config: config(), port: farm.port, rcpt: 'Nobody@Example.TEST', trustedCa: ca });
    farm.hosts.slice(0, 3).forEach((h, i) => expect(h.commands.slice(mid[i])).toContain('RCPT TO:<Nobody@example.test>'));
    expect(report.hosts).toHaveLength(3);
  });

  test('a bad --rcpt is refused before any network traffic', async () => {
    const queries = dns.queries.length;
    await expect(runProbe('example.test', { config: config(), port: farm.port, rcpt: 'not an address' })).rejects.toMatchObject({ code: ErrorCode.BadTarget });
    expect(dns.queries.length).toBe(queries);
  });

  test('a host target probes only that host, with its PTR but without domain checks', async () => {
    const report = await runProbe(`sub.example.test:${farm.port}`, { config: config(), trustedCa: ca });
    expect(report.kind).toBe('host');
    expect(report.hosts.map((h) => h.ip)).toEqual(['127.0.0.5']);
    expect(report.dns.mx).toBeUndefined();
    expect(report.dns.spf).toBeUndefined();
    expect(ids(report.findings)).not.toContain('spf-missing');
    expect(ids(report.findings)).toContain('ptr-missing');
  });
});

describe('time budget', () => {
  test('a host that accepts and never speaks does not hold the probe past its budget', async () => {
    const report = await runProbe('slow.test', { config: config({ timeoutMs: 2500 }), port: farm.port, trustedCa: ca, sessions: new ConcurrencyLimiter(4) });
    const [tarpit, good] = report.hosts;
    expect(tarpit.ip).toBe('127.0.0.4');
    expect(tarpit.banner).toBeUndefined();
    expect(tarpit.error).toBeDefined();
    expect(good.banner).toMatch(/^220 /);
    expect(report.findings.some((f) => f.host?.startsWith('tarpit.slow.test') && (f.outcome === 'fail' || f.outcome === 'error'))).toBe(true);
  });

  test('a session that never returns (ignores its signal) is cut off at the budget and reported', async () => {
    const { prober } = fakeProber(() => new Promise<never>(() => undefined));
    const report = await runProbe('example.test', { config: config({ timeoutMs: 1500 }), port: farm.port, smtpProbe: prober, sessions: new ConcurrencyLimiter(4) });
    expect(report.hosts).toHaveLength(3);
    expect(report.hosts.every((h) => h.error?.code === 'ETIMEDOUT')).toBe(true);
    expect(ids(report.findings).filter((id) => id === 'probe-budget-exceeded')).toHaveLength(3);
    expect(report.outcome).toBe('fail'); // the DNSBL listing still stands
  });

  test('with one session slot, hosts run one after another, each with its share of the budget', async () => {
    const { prober, calls, stats } = fakeProber(okHost);
    const report = await runProbe('example.test', { config: config({ timeoutMs: 9000 }), port: farm.port, smtpProbe: prober, sessions: new ConcurrencyLimiter(1) });
    expect(stats.peak).toBe(1);
    expect(calls.map((c) => c.ip)).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.3']);
    // Three rounds share what is left after DNS: no host may take the whole budget.
    expect(Math.max(...calls.map((c) => c.timeoutMs))).toBeLessThan(9000 / 2);
    expect(report.hosts).toHaveLength(3);
  });

  test('the caller can cancel: sessions get the abort and the report still comes back', async () => {
    const controller = new AbortController();
    const prober: SmtpProber = (host, opts) => new Promise((resolve) => {
      opts.signal?.addEventListener('abort', () => resolve({ host: { ...host, steps: [], ehlo: {}, auth: {}, transcript: [] }, findings: [makeFinding('probe-aborted', { host: host.ip })] }));
    });
    const report = await runProbe('example.test', {
      config: config({ timeoutMs: 60000 }), port: farm.port, smtpProbe: prober, signal: controller.signal,
      onProgress: (e) => { if (e.stage === 'smtp') controller.abort(); },
    });
    expect(ids(report.findings).filter((id) => id === 'probe-aborted')).toHaveLength(3);
  });
});

describe('safety guard', () => {
  test('a domain whose MX are all private is refused with TargetRefused, and nothing is contacted', async () => {
    const connections = farm.hosts.map((h) => h.connections);
    const err = await runProbe('example.test', { config: config({ allowPrivate: false }), port: farm.port }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: ErrorCode.TargetRefused });
    expect((err as Error).message).toMatch(/^example\.test resolves only to addresses smtpcheck will not probe: 127\.0\.0\.1 \(loopback/);
    expect(farm.hosts.map((h) => h.connections)).toEqual(connections);
  });

  test('an IP literal in a refused range is refused before any DNS query', async () => {
    const queries = dns.queries.length;
    await expect(runProbe('169.254.169.254', { config: config({ allowPrivate: false }) })).rejects.toMatchObject({ code: ErrorCode.TargetRefused, message: expect.stringMatching(/cloud metadata/) });
    await expect(runProbe('[::ffff:10.0.0.1]:25', { config: config({ allowPrivate: false }) })).rejects.toMatchObject({ code: ErrorCode.TargetRefused });
    expect(dns.queries.length).toBe(queries);
  });

  test('refused addresses among allowed ones become address-refused findings; only vetted IPs are probed', async () => {
    const { prober, calls } = fakeProber(okHost);
    const report = await runProbe('mixed.test', { config: config({ allowPrivate: false, dnsblZones: [] }), smtpProbe: prober });
    expect(calls.map((c) => `${c.name} ${c.ip}:${c.port}`)).toEqual(['b.mixed.test 8.8.8.8:25']);
    const refused = report.findings.find((f) => f.id === 'address-refused');
    expect(refused).toMatchObject({ outcome: 'error', host: 'a.mixed.test[10.0.0.1]' });
    expect(refused?.evidence).toMatch(/RFC 1918/);
  });

  test('ports outside the allow-list are refused', async () => {
    await expect(runProbe('example.test', { config: config(), port: 8025 })).rejects.toMatchObject({ code: ErrorCode.PortRefused });
  });
});

describe('DNS outcomes without SMTP', () => {
  test('NXDOMAIN: one finding, no SPF/DMARC noise, no hosts', async () => {
    const report = await runProbe('nothing.test', { config: config() });
    expect(ids(report.findings)).toEqual(['domain-not-found']);
    expect(report.hosts).toEqual([]);
    expect(report).toMatchObject({ outcome: 'fail', verdict: 'FAIL: nothing.test does not exist (NXDOMAIN)' });
  });

  test('SERVFAIL on MX is a DNS error, not a missing domain', async () => {
    const report = await runProbe('servfail.test', { config: config({ timeoutMs: 3000 }) });
    expect(ids(report.findings)).toContain('dns-error');
    expect(ids(report.findings)).not.toContain('domain-not-found');
    expect(report.hosts).toEqual([]);
  });

  test('null MX: nothing is probed', async () => {
    const { prober, calls } = fakeProber(okHost);
    const report = await runProbe('null.test', { config: config(), smtpProbe: prober });
    expect(report.dns.nullMx).toBe(true);
    expect(calls).toEqual([]);
    expect(ids(report.findings)).toContain('null-mx');
  });
});

describe('port 25 reachability', () => {
  const timeoutHost = (h: { name: string; ip: string; port: number }) => ({
    host: { ...h, steps: [{ step: 'connect', ms: 900, ok: false }], ehlo: {}, auth: {}, transcript: [], error: { code: 'ETIMEDOUT', message: 'no TCP answer', command: 'CONNECT' } },
    findings: [makeFinding('connect-timeout', { host: `${h.name}[${h.ip}]:${h.port}`, ms: 900 })],
  });

  test('every MX times out on 25 but the same hosts answer on another port → port25-blocked leads the verdict', async () => {
    const { prober } = fakeProber(timeoutHost);
    const report = await runProbe('example.test', { config: config({ dnsblZones: [] }), smtpProbe: prober, controlPorts: [farm.port] });
    const blocked = report.findings.find((f) => f.id === 'port25-blocked');
    expect(blocked?.evidence).toMatch(new RegExp(`port ${farm.port} accepted a connection`));
    expect(report.findings.filter((f) => f.id === 'connect-timeout').every((f) => f.outcome === 'error')).toBe(true);
    expect(report.verdict).toMatch(/^ERROR: This bot's network cannot reach port 25/);
  });

  test('no answer on the control ports either → mx-unreachable', async () => {
    const { prober } = fakeProber(timeoutHost);
    const report = await runProbe('example.test', { config: config({ dnsblZones: [] }), smtpProbe: prober, controlPorts: [] });
    expect(ids(report.findings)).toContain('mx-unreachable');
    expect(ids(report.findings)).not.toContain('port25-blocked');
  });

  test('not checked when only some hosts time out', async () => {
    const { prober } = fakeProber((h) => (h.ip === '127.0.0.1' ? okHost(h) : timeoutHost(h)));
    const report = await runProbe('example.test', { config: config({ dnsblZones: [] }), smtpProbe: prober, controlPorts: [farm.port] });
    expect(ids(report.findings)).not.toContain('port25-blocked');
    expect(ids(report.findings)).not.toContain('mx-unreachable');
  });
});

describe('SMTP stage failures and credentials', () => {
  test('a throwing SMTP stage becomes probe-internal-error for that host only', async () => {
    const { prober } = fakeProber((h) => { if (h.ip === '127.0.0.2') throw new Error('boom'); return okHost(h); });
    const report = await runProbe('example.test', { config: config(), smtpProbe: prober });
    expect(report.hosts.map((h) => h.error?.code ?? 'ok')).toEqual(['ok', 'EINTERNAL', 'ok']);
    expect(report.findings.find((f) => f.id === 'probe-internal-error')).toMatchObject({ host: 'mx2.example.test[127.0.0.2]:25', evidence: 'boom' });
  });

  test('credentials go only to a listed host on a submission port', async () => {
    const creds = { authUser: 'probe@example.test', authPass: 'not-a-real-secret', authHosts: ['sub.example.test'] };
    const run = async (target: string, extra: Partial<ProbeConfig> = {}) => {
      const { prober, calls } = fakeProber(okHost);
      await runProbe(target, { config: config({ ...creds, ...extra }), smtpProbe: prober });
      return calls[0]?.auth;
    };
    expect(await run('sub.example.test:587')).toEqual({ user: 'probe@example.test', pass: 'not-a-real-secret' });
    expect(await run('sub.example.test:25')).toBeUndefined();
    expect(await run('sub.example.test:587', { authHosts: [] })).toBeUndefined();
    expect(await run('example.test', { allowedPorts: [25, 587] })).toBeUndefined();
  });
});
