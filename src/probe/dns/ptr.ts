/**
 * Reverse DNS of each probed mail host address, and whether it is forward-confirmed (FCrDNS: the
 * PTR name resolves back to the same address). Receivers commonly reject or score mail from
 * addresses without it, and the MX is usually also the outbound relay.
 */
import { isIP } from 'node:net';
import { makeFinding } from '../findings';
import { dnsErrorLabel, expandIPv6, isNoRecords, reverseName, type Resolver } from '../resolver';
import type { DnsReport, Finding } from '../types';
import type { CheckResult } from './records';

/** Names per address we try to confirm; a host with more PTRs than this is unusual already. */
const MAX_PTR_NAMES = 3;

export interface PtrSubject {
  ip: string;
  /** The MX (or host) name the address belongs to, for the evidence. */
  name: string;
}

function sameAddress(a: string, b: string): boolean {
  return isIP(a) === 6 && isIP(b) === 6 ? expandIPv6(a) === expandIPv6(b) : a === b;
}

async function forwardConfirms(resolver: Resolver, name: string, ip: string): Promise<{ confirmed: boolean; addresses: string[] }> {
  try {
    const addresses = await resolver.resolve(name, isIP(ip) === 6 ? 'AAAA' : 'A');
    return { confirmed: addresses.some((a) => sameAddress(a, ip)), addresses };
  } catch {
    return { confirmed: false, addresses: [] };
  }
}

export async function checkPtr(resolver: Resolver, subjects: readonly PtrSubject[]): Promise<CheckResult<NonNullable<DnsReport['ptr']>>> {
  const report: NonNullable<DnsReport['ptr']> = {};
  const findings: Finding[] = [];
  const confirmed: string[] = [];

  await Promise.all(subjects.map(async ({ ip, name }) => {
    const host = `${name}[${ip}]`;
    let names: string[];
    try {
      names = (await resolver.resolve(reverseName(ip), 'PTR')).map((n) => n.toLowerCase().replace(/\.$/, ''));
    } catch (err) {
      report[ip] = { names: [], forwardConfirmed: false };
      if (isNoRecords(err)) {
        findings.push(makeFinding('ptr-missing', { title: `${ip} (${name}) has no reverse DNS (PTR)`, evidence: `PTR ${reverseName(ip)}: ${dnsErrorLabel(err)}`, host }));
      } else {
        findings.push(makeFinding('dns-error', { title: `Reverse DNS lookup for ${ip} failed: ${dnsErrorLabel(err)}`, evidence: `PTR ${reverseName(ip)}: ${dnsErrorLabel(err)}`, host }));
      }
      return;
    }
    if (!names.length) {
      report[ip] = { names: [], forwardConfirmed: false };
      findings.push(makeFinding('ptr-missing', { title: `${ip} (${name}) has no reverse DNS (PTR)`, evidence: `PTR ${reverseName(ip)}: empty answer`, host }));
      return;
    }
    const checks = await Promise.all(names.slice(0, MAX_PTR_NAMES).map((n) => forwardConfirms(resolver, n, ip)));
    const ok = checks.some((c) => c.confirmed);
    report[ip] = { names, forwardConfirmed: ok };
    if (ok) {
      confirmed.push(`${ip} → ${names[checks.findIndex((c) => c.confirmed)]}`);
      return;
    }
    const trail = names.slice(0, MAX_PTR_NAMES).map((n, i) => `${n} → ${checks[i].addresses.length ? checks[i].addresses.join(', ') : 'no address'}`).join('; ');
    findings.push(makeFinding('ptr-mismatch', {
      title: `Reverse DNS of ${ip} (${names[0]}) does not resolve back to ${ip}`,
      evidence: `PTR ${reverseName(ip)}: ${names.join(', ')}; ${trail}`,
      host,
    }));
  }));

  if (confirmed.length) {
    findings.push(makeFinding('ptr-ok', { title: `Reverse DNS is forward-confirmed for ${confirmed.length} address${confirmed.length === 1 ? '' : 'es'}`, evidence: confirmed.sort().join('; ') }));
  }
  return { report, findings };
}
