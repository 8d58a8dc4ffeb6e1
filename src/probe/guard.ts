/**
 * The SSRF guard: which addresses smtpcheck will connect to.
 *
 * Users name arbitrary domains, and a domain's DNS can point anywhere — at the bot's own loopback,
 * the cloud metadata service (169.254.169.254), the office LAN. So the guard runs AFTER resolution,
 * on every address, and the SMTP and HTTPS stages connect to the vetted IP itself (sending the name
 * only as SNI / Host): a second, different DNS answer (rebinding) never gets used.
 *
 * IPv4-mapped IPv6 (::ffff:10.0.0.1) is caught by the IPv4 rows: net.BlockList matches a mapped
 * address against IPv4 subnets (verified on Node 20). The idea of recording refused addresses with a
 * reason comes from zone-eu/mx-connect's blockLocalAddresses (design only).
 */
import { BlockList, isIP } from 'node:net';
import { makeFinding } from './findings';
import type { Finding } from './types';

interface RefusedRange {
  net: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
  reason: string;
  /** Never a mail host anywhere: refused even when private targets are allowed (tests, lab use). */
  always?: boolean;
}

/** Addresses smtpcheck refuses, with the reason shown to the user. Order: most specific first. */
export const REFUSED_RANGES: readonly RefusedRange[] = [
  { net: '0.0.0.0', prefix: 8, family: 'ipv4', reason: '"this network" (0.0.0.0/8)', always: true },
  { net: '10.0.0.0', prefix: 8, family: 'ipv4', reason: 'private network (10.0.0.0/8, RFC 1918)' },
  { net: '100.64.0.0', prefix: 10, family: 'ipv4', reason: 'carrier-grade NAT (100.64.0.0/10)' },
  { net: '127.0.0.0', prefix: 8, family: 'ipv4', reason: 'loopback (127.0.0.0/8)' },
  { net: '169.254.0.0', prefix: 16, family: 'ipv4', reason: 'link-local, incl. cloud metadata (169.254.0.0/16)' },
  { net: '172.16.0.0', prefix: 12, family: 'ipv4', reason: 'private network (172.16.0.0/12, RFC 1918)' },
  { net: '192.0.0.0', prefix: 24, family: 'ipv4', reason: 'IETF protocol assignments (192.0.0.0/24)' },
  { net: '192.0.2.0', prefix: 24, family: 'ipv4', reason: 'documentation TEST-NET-1 (192.0.2.0/24)' },
  { net: '192.88.99.0', prefix: 24, family: 'ipv4', reason: 'deprecated 6to4 relay anycast (192.88.99.0/24)' },
  { net: '192.168.0.0', prefix: 16, family: 'ipv4', reason: 'private network (192.168.0.0/16, RFC 1918)' },
  { net: '198.18.0.0', prefix: 15, family: 'ipv4', reason: 'benchmarking network (198.18.0.0/15)' },
  { net: '198.51.100.0', prefix: 24, family: 'ipv4', reason: 'documentation TEST-NET-2 (198.51.100.0/24)' },
  { net: '203.0.113.0', prefix: 24, family: 'ipv4', reason: 'documentation TEST-NET-3 (203.0.113.0/24)' },
  { net: '224.0.0.0', prefix: 4, family: 'ipv4', reason: 'multicast (224.0.0.0/4)', always: true },
  { net: '240.0.0.0', prefix: 4, family: 'ipv4', reason: 'reserved or broadcast (240.0.0.0/4)', always: true },

  { net: '::', prefix: 128, family: 'ipv6', reason: 'unspecified address (::)', always: true },
  { net: '::1', prefix: 128, family: 'ipv6', reason: 'loopback (::1)' },
  // Deprecated IPv4-compatible form (::a.b.c.d); stacks may route it to the embedded IPv4 address.
  { net: '::', prefix: 96, family: 'ipv6', reason: 'deprecated IPv4-compatible address (::/96)' },
  { net: '64:ff9b::', prefix: 96, family: 'ipv6', reason: 'NAT64 prefix (64:ff9b::/96) — reaches an embedded IPv4 address' },
  { net: '64:ff9b:1::', prefix: 48, family: 'ipv6', reason: 'local-use NAT64 prefix (64:ff9b:1::/48)' },
  { net: '100::', prefix: 64, family: 'ipv6', reason: 'discard-only prefix (100::/64)' },
  { net: '2001::', prefix: 32, family: 'ipv6', reason: 'Teredo tunnel (2001::/32) — reaches an embedded IPv4 address' },
  { net: '2001:db8::', prefix: 32, family: 'ipv6', reason: 'documentation prefix (2001:db8::/32)' },
  { net: '2002::', prefix: 16, family: 'ipv6', reason: '6to4 (2002::/16) — reaches an embedded IPv4 address' },
  { net: 'fc00::', prefix: 7, family: 'ipv6', reason: 'unique local address (fc00::/7)' },
  { net: 'fe80::', prefix: 10, family: 'ipv6', reason: 'link-local (fe80::/10)' },
  { net: 'fec0::', prefix: 10, family: 'ipv6', reason: 'deprecated site-local (fec0::/10)' },
  { net: 'ff00::', prefix: 8, family: 'ipv6', reason: 'multicast (ff00::/8)', always: true },
];

export interface GuardOptions {
  /** SMTPCHECK_ALLOW_PRIVATE=1: private and loopback targets are allowed (tests, lab use). */
  allowPrivate: boolean;
}

export type GuardVerdict = { allowed: true } | { allowed: false; reason: string };

// One single-row BlockList per range: BlockList says *whether* an address matches, not which rule,
// and the user deserves the reason.
const COMPILED = REFUSED_RANGES.map((range) => {
  const list = new BlockList();
  list.addSubnet(range.net, range.prefix, range.family);
  return { range, list };
});

/** Decide whether smtpcheck may connect to `ip`. Anything that is not a plain IP literal is refused. */
export function checkAddress(ip: string, opts: GuardOptions): GuardVerdict {
  const family = isIP(ip);
  if (family === 0) return { allowed: false, reason: 'not an IP address' };
  // Scoped addresses (fe80::1%eth0) name an interface of this machine.
  if (ip.includes('%')) return { allowed: false, reason: 'scoped (interface-local) IPv6 address' };
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { range, list } of COMPILED) {
    if (!list.check(ip, type)) continue;
    if (opts.allowPrivate && !range.always) return { allowed: true };
    return { allowed: false, reason: range.reason };
  }
  return { allowed: true };
}

export interface RefusedAddress {
  ip: string;
  reason: string;
  /** The name that resolved to it, when there was one. */
  name?: string;
}

export interface VettedAddresses {
  allowed: string[];
  refused: RefusedAddress[];
}

export function vetAddresses(ips: readonly string[], opts: GuardOptions, name?: string): VettedAddresses {
  const out: VettedAddresses = { allowed: [], refused: [] };
  for (const ip of ips) {
    const verdict = checkAddress(ip, opts);
    if (verdict.allowed) out.allowed.push(ip);
    else out.refused.push(name ? { ip, reason: verdict.reason, name } : { ip, reason: verdict.reason });
  }
  return out;
}

export function refusedFinding(refused: RefusedAddress): Finding {
  const who = refused.name && refused.name !== refused.ip ? `${refused.name} → ${refused.ip}` : refused.ip;
  return makeFinding('address-refused', {
    title: `Not probed: ${who} — ${refused.reason}`,
    evidence: `${who}: ${refused.reason}. smtpcheck only connects to public addresses (set SMTPCHECK_ALLOW_PRIVATE=1 for lab use).`,
    host: refused.name ? `${refused.name}[${refused.ip}]` : refused.ip,
  });
}
