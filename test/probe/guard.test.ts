import { checkAddress, refusedFinding, vetAddresses } from '../../src/probe/guard';

const strict = { allowPrivate: false };
const lab = { allowPrivate: true };

describe('guard: refused by default', () => {
  test.each([
    ['127.0.0.1', /loopback/],
    ['127.255.255.254', /loopback/],
    ['10.1.2.3', /RFC 1918/],
    ['172.16.0.1', /RFC 1918/],
    ['172.31.255.255', /RFC 1918/],
    ['192.168.1.1', /RFC 1918/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.254', /carrier-grade NAT/],
    ['169.254.169.254', /link-local, incl. cloud metadata/],
    ['0.0.0.0', /this network/],
    ['0.1.2.3', /this network/],
    ['192.0.0.8', /IETF protocol assignments/],
    ['192.0.2.10', /TEST-NET-1/],
    ['198.51.100.7', /TEST-NET-2/],
    ['203.0.113.9', /TEST-NET-3/],
    ['198.18.0.1', /benchmarking/],
    ['198.19.255.255', /benchmarking/],
    ['224.0.0.251', /multicast/],
    ['239.255.255.250', /multicast/],
    ['240.0.0.1', /reserved or broadcast/],
    ['255.255.255.255', /reserved or broadcast/],
    ['::', /unspecified/],
    ['::1', /loopback/],
    ['fc00::1', /unique local/],
    ['fd00:ec2::254', /unique local/],
    ['fe80::1', /link-local/],
    ['ff02::1', /multicast/],
    ['64:ff9b::a00:1', /NAT64/],
    ['64:ff9b::8.8.8.8', /NAT64/],
    ['2001:db8::25', /documentation/],
    ['2002:c000:0204::1', /6to4/],
    ['2001:0:4136:e378::1', /Teredo/],
    ['::ffff:10.0.0.1', /RFC 1918/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:169.254.169.254', /cloud metadata/],
    ['::ffff:a9fe:a9fe', /cloud metadata/],
    ['::ffff:100.64.1.1', /carrier-grade NAT/],
    ['::127.0.0.1', /IPv4-compatible/],
  ])('%s is refused (%s)', (ip, reason) => {
    const verdict = checkAddress(ip, strict);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toMatch(reason);
  });

  test('non-addresses and scoped IPv6 are refused', () => {
    expect(checkAddress('mx.example.com', strict)).toEqual({ allowed: false, reason: 'not an IP address' });
    expect(checkAddress('fe80::1%eth0', lab).allowed).toBe(false);
  });
});

describe('guard: allowed', () => {
  test.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '198.20.0.1', '2a00:1450:4001:80b::201b', '::ffff:8.8.8.8', '2001:4860:4860::8888'])(
    'public address %s is allowed',
    (ip) => expect(checkAddress(ip, strict)).toEqual({ allowed: true }),
  );

  test('private and loopback addresses are allowed when allowPrivate is set (tests, lab use)', () => {
    for (const ip of ['127.0.0.2', '10.0.0.1', '192.168.0.10', '169.254.169.254', '::1', 'fd00::1', '::ffff:10.0.0.1', '2001:db8::1']) {
      expect(checkAddress(ip, lab)).toEqual({ allowed: true });
    }
  });

  test('addresses that are never a host stay refused even with allowPrivate', () => {
    for (const ip of ['0.0.0.0', '224.0.0.1', '255.255.255.255', '::', 'ff02::1']) {
      expect(checkAddress(ip, lab).allowed).toBe(false);
    }
  });
});

describe('vetAddresses and refusedFinding', () => {
  test('splits a resolved set into allowed and refused, with reasons', () => {
    const out = vetAddresses(['8.8.8.8', '10.0.0.5', '2001:db8::1', '2a00:1450::1'], strict, 'mx.example.com');
    expect(out.allowed).toEqual(['8.8.8.8', '2a00:1450::1']);
    expect(out.refused).toEqual([
      { ip: '10.0.0.5', reason: 'private network (10.0.0.0/8, RFC 1918)', name: 'mx.example.com' },
      { ip: '2001:db8::1', reason: 'documentation prefix (2001:db8::/32)', name: 'mx.example.com' },
    ]);
  });

  test('a refused address becomes an address-refused finding with outcome error', () => {
    const f = refusedFinding({ ip: '169.254.169.254', reason: 'link-local, incl. cloud metadata (169.254.0.0/16)', name: 'mx.evil.example' });
    expect(f).toMatchObject({ id: 'address-refused', outcome: 'error', host: 'mx.evil.example[169.254.169.254]' });
    expect(f.title).toContain('mx.evil.example → 169.254.169.254');
    expect(f.evidence).toContain('cloud metadata');
  });
});
