/**
 * Standard 4: probe safety, through runProbe end to end.
 *
 * - Refused targets: private, loopback, link-local (cloud metadata), CGNAT, multicast, IPv4-mapped and
 *   NAT64/6to4 IPv6 — typed as literals, and as names that resolve to them (directly, through MX,
 *   through CNAME, in AAAA) on a local dns2 server (SMTPCHECK_DNS_SERVERS → test/helpers/dns-server).
 *   Where a refusal failing would open a connection to a non-loopback address, the SMTP stage is the
 *   recording stub (runProbe's smtpProbe seam): a wrong answer shows up as a recorded call, never as
 *   traffic. For loopback the real stage runs against a listening recorder, which must see no connection.
 * - Only allowed ports.
 * - A host that never answers, or answers and then stalls, ends inside the budget with a timeout finding.
 * - DATA is never sent (H5's peers record every command).
 * - The configured credentials go only where they are safe.
 */
import net from 'node:net';
import type { ProbeConfig } from '../../src/config';
import { ErrorCode, SmtpcheckError } from '../../src/errors';
import { runProbe, type SmtpProber } from '../../src/probe';
import { makeFinding } from '../../src/probe/findings';
import { probeSmtpHost } from '../../src/probe/smtp';
import type { ProbeReport } from '../../src/probe/types';
import { getTestCerts } from '../helpers/certs';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { allCommands, startPeer, TEST_ADDRESSES, TEST_AUTH, type ScriptedPeer } from '../helpers/smtp-servers';

let dns: TestDnsServer;
/** A plain TCP listener on 127.0.0.1 that counts connections: the probe must never reach it when loopback is refused. */
let recorder: net.Server;
let recorderPort: number;
let recorderConnections = 0;

const PRIVATE_TARGETS: Record<string, { A?: string[]; AAAA?: string[] }> = {
  'loopback.refuse.test': { A: ['127.0.0.1'] },
  'rfc1918-10.refuse.test': { A: ['10.1.2.3'] },
  'rfc1918-172.refuse.test': { A: ['172.31.255.254'] },
  'rfc1918-192.refuse.test': { A: ['192.168.0.10'] },
  'metadata.refuse.test': { A: ['169.254.169.254'] },
  'cgnat.refuse.test': { A: ['100.64.0.1'] },
  'multicast.refuse.test': { A: ['224.0.0.251'] },
  'zero.refuse.test': { A: ['0.0.0.0'] },
  'broadcast.refuse.test': { A: ['255.255.255.255'] },
  'v6-loopback.refuse.test': { AAAA: ['::1'] },
  'v6-mapped-loopback.refuse.test': { AAAA: ['::ffff:127.0.0.1'] },
  'v6-mapped-metadata.refuse.test': { AAAA: ['::ffff:169.254.169.254'] },
  'v6-mapped-private.refuse.test': { AAAA: ['::ffff:10.0.0.1'] },
  'v6-nat64-metadata.refuse.test': { AAAA: ['64:ff9b::a9fe:a9fe'] },
  'v6-6to4-private.refuse.test': { AAAA: ['2002:0a00:0001::1'] },
  'v6-ula.refuse.test': { AAAA: ['fd00:ec2::254'] },
  'v6-link-local.refuse.test': { AAAA: ['fe80::1'] },
  'v6-multicast.refuse.test': { AAAA: ['ff02::1'] },
};

beforeAll(async () => {
  recorder = net.createServer((s) => {
    recorderConnections++;
    s.end('220 recorder ESMTP\r\n');
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', () => resolve()));
  recorderPort = (recorder.address() as net.AddressInfo).port;

  const zone: Parameters<typeof startDnsServer>[0] = {};
  for (const [name, rr] of Object.entries(PRIVATE_TARGETS)) {
    zone[name] = rr;
    // The same address behind a domain's MX, and behind a CNAME.
    const label = name.replace('.refuse.test', '');
    zone[`${label}.mxdomain.test`] = { MX: [{ priority: 10, exchange: name }] };
    zone[`${label}.alias.test`] = { CNAME: name };
  }
  // A domain whose MTA-STS policy host is loopback: the HTTPS fetch is guarded like SMTP.
  zone['sts.test'] = { MX: [{ priority: 10, exchange: 'loopback.refuse.test' }] };
  zone['_mta-sts.sts.test'] = { TXT: ['v=STSv1; id=20240101'] };
  zone['mta-sts.sts.test'] = { A: ['127.0.0.1'] };
  zone['mixed.test'] = { MX: [{ priority: 10, exchange: 'metadata.refuse.test' }, { priority: 20, exchange: 'public.mixed.test' }] };
  zone['public.mixed.test'] = { A: ['192.0.43.10'] };
  zone['loopmx.test'] = { MX: [{ priority: 10, exchange: 'loopback.refuse.test' }] };
  // Hostile DNS: SPF include cycles and fan-out, 100 MX records, CNAME loops, a server that never answers.
  zone['spf-loop.test'] = { MX: [{ priority: 10, exchange: 'loopback.refuse.test' }], TXT: ['v=spf1 include:spf-loop2.test -all'] };
  zone['spf-loop2.test'] = { TXT: ['v=spf1 include:spf-loop.test -all'] };
  zone['spf-fanout.test'] = { MX: [{ priority: 10, exchange: 'loopback.refuse.test' }], TXT: [`v=spf1 ${Array.from({ length: 40 }, (_, i) => `include:f${i}.spf-fanout.test`).join(' ')} -all`] };
  for (let i = 0; i < 40; i++) zone[`f${i}.spf-fanout.test`] = { TXT: [`v=spf1 include:g${i}.spf-fanout.test a mx -all`] };
  zone['many-mx.test'] = { MX: Array.from({ length: 100 }, (_, i) => ({ priority: i, exchange: `mx${i}.many-mx.test` })) };
  for (let i = 0; i < 100; i++) zone[`mx${i}.many-mx.test`] = { A: ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'] };
  zone['cname-loop.test'] = { MX: [{ priority: 10, exchange: 'a.cname-loop.test' }] };
  zone['a.cname-loop.test'] = { CNAME: 'b.cname-loop.test' };
  zone['b.cname-loop.test'] = { CNAME: 'a.cname-loop.test' };
  zone['silent.test'] = 'TIMEOUT';
  zone['half-silent.test'] = { MX: [{ priority: 10, exchange: 'loopback.refuse.test' }], fail: { TXT: 'TIMEOUT', AAAA: 'TIMEOUT' } };
  dns = await startDnsServer(zone);
});

afterAll(async () => {
  await dns?.stop();
  await new Promise<void>((resolve) => recorder.close(() => resolve()));
  // Whatever the probes below did, none of them sent DATA.
  expect(allCommands()).not.toContain('DATA');
  expect(allCommands()).not.toContain('BDAT');
});

function config(extra: Partial<ProbeConfig> = {}): ProbeConfig {
  return {
    dnsServers: [dns.address],
    heloName: 'probe.smtpcheck.test',
    mailFrom: '',
    dnsblZones: [],
    timeoutMs: 5000,
    allowPrivate: false,
    allowedPorts: [25, 465, 587, 2525, recorderPort],
    maxConcurrent: 4,
    ...extra,
  };
}

/** The SMTP stage as a recorder: a refusal that failed shows up here, not as a connection. */
function stubStage() {
  const calls: string[] = [];
  const prober: SmtpProber = async (host) => {
    calls.push(`${host.name}[${host.ip}]:${host.port}`);
    return {
      host: { name: host.name, ip: host.ip, port: host.port, steps: [], ehlo: {}, auth: {}, transcript: [] },
      findings: [makeFinding('connect-ok', { host: `${host.name}[${host.ip}]:${host.port}` })],
    };
  };
  return { calls, prober };
}

async function refusal(p: Promise<ProbeReport>): Promise<SmtpcheckError> {
  try {
    const report = await p;
    throw new Error(`expected a refusal, got a report: ${report.verdict} (hosts: ${report.hosts.map((h) => h.ip).join(', ')})`);
  } catch (err) {
    if (!(err instanceof SmtpcheckError)) throw err;
    return err;
  }
}

describe('private and special addresses are refused', () => {
  const LITERALS = [
    '127.0.0.1', '127.255.255.254', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '100.127.255.254',
    '0.0.0.0', '224.0.0.1', '239.255.255.250', '255.255.255.255',
    '[::1]', '[::]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::ffff:169.254.169.254]', '[::ffff:a9fe:a9fe]', '[::ffff:10.0.0.1]',
    '[0:0:0:0:0:ffff:7f00:0001]', '[64:ff9b::7f00:1]', '[2002:7f00:1::]', '[fe80::1]', '[fd12:3456::1]', '[ff02::1]', '[::127.0.0.1]',
  ];
  it.each(LITERALS)('the literal %s', async (target) => {
    const stage = stubStage();
    const err = await refusal(runProbe(target, { config: config(), smtpProbe: stage.prober }));
    expect(err.code).toBe(ErrorCode.TargetRefused);
    expect(err.message).toMatch(/will not probe|only to public addresses/);
    expect(stage.calls).toEqual([]);
  });

  it.each(Object.keys(PRIVATE_TARGETS))('a host name resolving to it: %s', async (name) => {
    const stage = stubStage();
    const err = await refusal(runProbe(name, { config: config(), smtpProbe: stage.prober }));
    expect(err.code).toBe(ErrorCode.TargetRefused);
    expect(stage.calls).toEqual([]);
  });

  it.each(Object.keys(PRIVATE_TARGETS).map((n) => n.replace('.refuse.test', '')))('a domain whose MX resolves to it, and a CNAME to it: %s', async (label) => {
    const stage = stubStage();
    for (const target of [`${label}.mxdomain.test`, `postmaster@${label}.mxdomain.test`, `${label}.alias.test`]) {
      const err = await refusal(runProbe(target, { config: config(), smtpProbe: stage.prober }));
      expect(err.code).toBe(ErrorCode.TargetRefused);
    }
    expect(stage.calls).toEqual([]);
  });

  it('with the real SMTP stage, a loopback MX is never connected to', async () => {
    const before = recorderConnections;
    const err = await refusal(runProbe('loopmx.test', { config: config(), port: recorderPort }));
    expect(err.code).toBe(ErrorCode.TargetRefused);
    await refusal(runProbe(`127.0.0.1:${recorderPort}`, { config: config() }));
    await refusal(runProbe(`[::ffff:127.0.0.1]:${recorderPort}`, { config: config() }));
    expect(recorderConnections).toBe(before);
  });

  it('a refused MX next to a public one: only the public one is probed, the other is reported', async () => {
    const stage = stubStage();
    const report = await runProbe('mixed.test', { config: config(), smtpProbe: stage.prober });
    expect(stage.calls).toEqual(['public.mixed.test[192.0.43.10]:25']);
    const refused = report.findings.filter((f) => f.id === 'address-refused');
    expect(refused).toHaveLength(1);
    expect(refused[0].title).toMatch(/169\.254\.169\.254.*link-local/);
  });

  it('the MTA-STS policy fetch is not made to a loopback policy host', async () => {
    // The policy host's HTTPS port is the recorder: a fetch would be counted there.
    const before = recorderConnections;
    const stage = stubStage();
    await refusal(runProbe('sts.test', { config: config(), smtpProbe: stage.prober, mtaSts: { port: recorderPort } }));
    expect(recorderConnections).toBe(before);
  });

  it('SMTPCHECK_ALLOW_PRIVATE allows loopback and RFC 1918, never multicast, 0.0.0.0 or broadcast', async () => {
    const stage = stubStage();
    const ok = await runProbe('loopback.refuse.test', { config: config({ allowPrivate: true }), smtpProbe: stage.prober });
    expect(ok.hosts.map((h) => h.ip)).toEqual(['127.0.0.1']);
    for (const target of ['224.0.0.1', '0.0.0.0', '255.255.255.255', '[ff02::1]', 'multicast.refuse.test']) {
      const err = await refusal(runProbe(target, { config: config({ allowPrivate: true }), smtpProbe: stage.prober }));
      expect(err.code).toBe(ErrorCode.TargetRefused);
    }
    expect(stage.calls).toEqual(['loopback.refuse.test[127.0.0.1]:25']);
  });
});

describe('targets and ports', () => {
  it.each([
    ['example.test:22', ErrorCode.PortRefused],
    ['example.test:3306', ErrorCode.PortRefused],
    ['[2001:db8::1]:80', ErrorCode.PortRefused],
    ['example.test:0', ErrorCode.BadTarget],
    ['example.test:65536', ErrorCode.BadTarget],
    ['example.test:25abc', ErrorCode.BadTarget],
    ['example.test:-1', ErrorCode.BadTarget],
    ['http://169.254.169.254/latest/meta-data/', ErrorCode.BadTarget],
    ['exa mple.test', ErrorCode.BadTarget],
    ['a@b@', ErrorCode.BadTarget],
    ['', ErrorCode.BadTarget],
    ['x'.repeat(5000) + '.test', ErrorCode.BadTarget],
    ['example.test\r\nRCPT TO:<victim@example.test>', ErrorCode.BadTarget],
    ['2130706433', ErrorCode.BadTarget],
    ['0x7f000001', ErrorCode.BadTarget],
  ].map(([t, c]) => [JSON.stringify(t.length > 60 ? t.slice(0, 20) + '…' : t), t, c] as const))('%s is refused before anything is sent', async (_label, target, code) => {
    const stage = stubStage();
    const err = await refusal(runProbe(target, { config: config(), smtpProbe: stage.prober }));
    expect(err.code).toBe(code);
    expect(err.message.length).toBeLessThan(300);
    expect(stage.calls).toEqual([]);
  });

  it('--port outside the allow-list is refused for a domain too', async () => {
    const stage = stubStage();
    const err = await refusal(runProbe('loopback.refuse.test', { config: config({ allowPrivate: true }), port: 6379, smtpProbe: stage.prober }));
    expect(err.code).toBe(ErrorCode.PortRefused);
    expect(stage.calls).toEqual([]);
  });

  it('an --rcpt that smuggles SMTP commands is refused', async () => {
    const stage = stubStage();
    const err = await refusal(runProbe('loopback.refuse.test', { config: config({ allowPrivate: true }), rcpt: 'a@example.test>\r\nDATA\r\n', smtpProbe: stage.prober }));
    expect(err.code).toBe(ErrorCode.BadTarget);
    expect(stage.calls).toEqual([]);
  });
});

describe('hosts that never answer end inside the budget', () => {
  let peers: ScriptedPeer[] = [];
  afterEach(async () => {
    await Promise.all(peers.map((p) => p.stop()));
    peers = [];
  });

  async function probeLoopback(peer: ScriptedPeer, timeoutMs: number): Promise<ProbeReport> {
    peers.push(peer);
    return runProbe(`127.0.0.1:${peer.port}`, { config: config({ allowPrivate: true, timeoutMs, allowedPorts: [peer.port] }) });
  }

  const ids = (r: ProbeReport) => r.findings.map((f) => f.id);

  it('a port whose SYNs go unanswered → connect-timeout', async () => {
    const r = await probeLoopback(await startPeer('blackhole'), 3000);
    expect(ids(r).some((id) => id === 'connect-timeout' || id === 'probe-budget-exceeded')).toBe(true);
    expect(r.outcome).not.toBe('pass');
  }, 30000);

  it('a server that accepts and never greets → banner-timeout', async () => {
    const r = await probeLoopback(await startPeer('tarpit'), 3000);
    expect(ids(r).some((id) => id === 'banner-timeout' || id === 'probe-budget-exceeded')).toBe(true);
  }, 30000);

  it('a server that stalls after EHLO → a reply timeout, not a hang', async () => {
    const r = await probeLoopback(await startPeer('hang-after-ehlo'), 3000);
    expect(ids(r).some((id) => id === 'reply-timeout' || id === 'probe-budget-exceeded')).toBe(true);
  }, 30000);

  it('cancelling through the signal ends the probe with what it has', async () => {
    const peer = await startPeer('tarpit');
    peers.push(peer);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const r = await runProbe(`127.0.0.1:${peer.port}`, { config: config({ allowPrivate: true, timeoutMs: 60000, allowedPorts: [peer.port] }), signal: controller.signal });
    expect(r.findings.length).toBeGreaterThan(0);
  }, 30000);
});

describe('hostile DNS answers end inside the budget', () => {
  const ids = (r: ProbeReport) => r.findings.map((f) => f.id);

  it('an SPF include cycle is reported, not followed for ever', async () => {
    const r = await runProbe('spf-loop.test', { config: config({ allowPrivate: true, timeoutMs: 4000 }), smtpProbe: stubStage().prober });
    expect(ids(r)).toEqual(expect.arrayContaining([expect.stringMatching(/^spf-(?:invalid|too-many-lookups)$|^probe-budget-exceeded$/)]));
    expect(ids(r)).not.toContain('spf-ok');
  }, 30000);

  it('an SPF record with 40 includes stops at the lookup limit', async () => {
    const before = dns.queries.length;
    const r = await runProbe('spf-fanout.test', { config: config({ allowPrivate: true, timeoutMs: 4000 }), smtpProbe: stubStage().prober });
    expect(ids(r)).toEqual(expect.arrayContaining([expect.stringMatching(/^spf-too-many-lookups$|^spf-invalid$/)]));
    // RFC 7208 §4.6.4: ten lookups, not eighty.
    const spfQueries = dns.queries.slice(before).filter((q) => q.type === 'TXT' && /spf-fanout\.test$/.test(q.name));
    expect(spfQueries.length).toBeLessThanOrEqual(20);
  }, 30000);

  it('100 MX records with 4 addresses each: a bounded number of sessions', async () => {
    const stage = stubStage();
    const r = await runProbe('many-mx.test', { config: config({ allowPrivate: true }), smtpProbe: stage.prober });
    expect(stage.calls.length).toBeGreaterThan(0);
    expect(stage.calls.length).toBeLessThanOrEqual(10);
    expect(ids(r)).toContain('mx-capped');
  }, 30000);

  it('an MX behind a CNAME loop ends with a finding', async () => {
    const stage = stubStage();
    let outcome: string;
    try {
      outcome = (await runProbe('cname-loop.test', { config: config({ allowPrivate: true, timeoutMs: 4000 }), smtpProbe: stage.prober })).findings.map((f) => f.id).join(' ');
    } catch (err) {
      outcome = (err as SmtpcheckError).code;
    }
    expect(outcome).toMatch(/mx-no-address|dns-error|host-not-found|no-mail-host|smtpcheck_/);
    expect(stage.calls).toEqual([]);
  }, 30000);

  it('a DNS server that never answers: the probe ends with findings inside its budget', async () => {
    const r = await runProbe('silent.test', { config: config({ allowPrivate: true, timeoutMs: 3000 }), smtpProbe: stubStage().prober });
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.outcome).not.toBe('pass');
  }, 30000);

  it('some record types time out: the others are still reported', async () => {
    const stage = stubStage();
    const r = await runProbe('half-silent.test', { config: config({ allowPrivate: true, timeoutMs: 3000 }), smtpProbe: stage.prober });
    expect(stage.calls).toEqual(['loopback.refuse.test[127.0.0.1]:25']);
    expect(r.dns.mx?.length).toBe(1);
  }, 30000);
});

describe('the probe never sends a message', () => {
  it('an RCPT check runs MAIL and RCPT, then ends the session without DATA', async () => {
    const certs = await getTestCerts();
    const peer = await startPeer('mx-no-auth');
    try {
      await runProbe(`127.0.0.1:${peer.port}`, {
        config: config({ allowPrivate: true, allowedPorts: [peer.port] }),
        rcpt: TEST_ADDRESSES.known,
        trustedCa: certs.ca.cert,
      });
      const verbs = peer.commands.map((c) => c.split(/[\s:]/, 1)[0].toUpperCase());
      expect(verbs).toEqual(expect.arrayContaining(['EHLO', 'MAIL', 'RCPT']));
      expect(verbs).not.toContain('DATA');
      expect(verbs).not.toContain('BDAT');
    } finally {
      await peer.stop();
    }
  }, 30000);
});

describe('credentials', () => {
  // Regression (QA): credentials go only to a certificate that verifies and names the host, never to
  // what an active man-in-the-middle on the path to an SMTPCHECK_AUTH_HOSTS host would present.
  it('the password is not sent over TLS with a certificate that failed verification', async () => {
    const peer = await startPeer('auth-after-starttls');
    try {
      // No trustedCa: the test CA is unknown to the probe, so the certificate is untrusted.
      const r = await probeSmtpHost({ name: peer.name, ip: peer.host, port: peer.port }, { heloName: 'probe.smtpcheck.test', timeoutMs: 5000, auth: TEST_AUTH });
      expect(r.host.tls?.cert?.trusted).toBe(false);
      expect(peer.commands.some((c) => /^AUTH\b/i.test(c))).toBe(false);
    } finally {
      await peer.stop();
    }
  }, 30000);

  it('the password is not sent to a certificate issued for another name', async () => {
    const certs = await getTestCerts();
    const peer = await startPeer('auth-after-starttls');
    try {
      // Trusted CA, but the certificate is for mx.example.test and the probe asked for smtp.other.test.
      const r = await probeSmtpHost({ name: 'smtp.other.test', ip: peer.host, port: peer.port }, { heloName: 'probe.smtpcheck.test', timeoutMs: 5000, auth: TEST_AUTH, trustedCa: certs.ca.cert });
      expect(r.host.tls?.cert?.nameMatches).toBe(false);
      expect(peer.commands.some((c) => /^AUTH\b/i.test(c))).toBe(false);
    } finally {
      await peer.stop();
    }
  }, 30000);

  it('with a trusted certificate the AUTH test runs (so the tests above are about trust, not about AUTH)', async () => {
    const certs = await getTestCerts();
    const peer = await startPeer('auth-after-starttls');
    try {
      const r = await probeSmtpHost({ name: peer.name, ip: peer.host, port: peer.port }, { heloName: 'probe.smtpcheck.test', timeoutMs: 5000, auth: TEST_AUTH, trustedCa: certs.ca.cert });
      expect(r.findings.map((f) => f.id)).toContain('auth-ok');
    } finally {
      await peer.stop();
    }
  }, 30000);

  it('credentials never go to a host that is not listed, or to port 25', async () => {
    const calls: { target: string; auth: unknown }[] = [];
    const prober: SmtpProber = async (host, opts) => {
      calls.push({ target: `${host.name}:${host.port}`, auth: opts.auth });
      return { host: { ...host, steps: [], ehlo: {}, auth: {}, transcript: [] }, findings: [] };
    };
    const creds = { authUser: 'u@example.test', authPass: 'not-a-real-secret', authHosts: ['loopback.refuse.test'] };
    await runProbe('loopback.refuse.test', { config: config({ allowPrivate: true, ...creds }), smtpProbe: prober });
    await runProbe('loopback.refuse.test:587', { config: config({ allowPrivate: true, ...creds, authHosts: ['other.test'] }), smtpProbe: prober });
    await runProbe('loopmx.test', { config: config({ allowPrivate: true, ...creds }), port: 587, smtpProbe: prober });
    expect(calls.map((c) => c.auth)).toEqual([undefined, undefined, undefined]);
    await runProbe('loopback.refuse.test:587', { config: config({ allowPrivate: true, ...creds }), smtpProbe: prober });
    expect(calls[3].auth).toEqual({ user: 'u@example.test', pass: 'not-a-real-secret' });
  }, 30000);
});
