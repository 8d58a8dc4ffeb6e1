/**
 * A and AAAA of one host name, looked up together, plus the rule for which of them get probed.
 */
import { isIP } from 'node:net';
import { makeFinding } from '../findings';
import { dnsErrorLabel, isNoRecords, type Resolver } from '../resolver';
import type { Finding } from '../types';

export interface AddressLookup {
  v4: string[];
  v6: string[];
  /** Both A and AAAA answered "no such record" (NXDOMAIN or NODATA). */
  missing: boolean;
  /** Set when a lookup failed (SERVFAIL, timeout) and no address was found at all. */
  error?: string;
  /** "NXDOMAIN" or "NODATA" wording for the evidence when missing. */
  why?: string;
}

export function allAddresses(a: AddressLookup): string[] {
  return [...a.v4, ...a.v6];
}

export async function resolveAddresses(resolver: Resolver, name: string): Promise<AddressLookup> {
  const family = isIP(name);
  if (family === 4) return { v4: [name], v6: [], missing: false };
  if (family === 6) return { v4: [], v6: [name], missing: false };
  const [a, aaaa] = await Promise.allSettled([resolver.resolve(name, 'A'), resolver.resolve(name, 'AAAA')]);
  const v4 = a.status === 'fulfilled' ? a.value : [];
  const v6 = aaaa.status === 'fulfilled' ? aaaa.value : [];
  const failures = [a, aaaa].filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
  if (v4.length || v6.length) return { v4, v6, missing: false };
  const hard = failures.find((e) => !isNoRecords(e));
  if (hard !== undefined) return { v4, v6, missing: false, error: dnsErrorLabel(hard) };
  return { v4, v6, missing: true, why: failures.length ? dnsErrorLabel(failures[0]) : 'empty answer' };
}

/**
 * Which addresses of one host to probe: alternate IPv4 and IPv6 so a dual-stack host gets one of
 * each (the two paths fail differently), then fill up to `max`.
 */
export function pickAddresses(addresses: readonly string[], max: number): string[] {
  const v4 = addresses.filter((ip) => isIP(ip) === 4);
  const v6 = addresses.filter((ip) => isIP(ip) === 6);
  const out: string[] = [];
  for (let i = 0; out.length < max && (i < v4.length || i < v6.length); i++) {
    if (i < v4.length) out.push(v4[i]);
    if (out.length < max && i < v6.length) out.push(v6[i]);
  }
  return out;
}

export interface HostAddresses {
  name: string;
  addresses: string[];
}

/** A host target given by name (mx1.example.com:587): its own addresses, or why there are none. */
export async function resolveHostTarget(resolver: Resolver, name: string): Promise<{ hosts: HostAddresses[]; findings: Finding[] }> {
  const found = await resolveAddresses(resolver, name);
  const addresses = allAddresses(found);
  if (addresses.length) return { hosts: [{ name, addresses }], findings: [] };
  if (found.error) {
    return { hosts: [], findings: [makeFinding('dns-error', { title: `Address lookup for ${name} failed: ${found.error}`, evidence: `A/AAAA ${name}: ${found.error}`, host: name })] };
  }
  return { hosts: [], findings: [makeFinding('host-not-found', { title: `${name} does not resolve to any address`, evidence: `A/AAAA ${name}: ${found.why}`, host: name })] };
}
