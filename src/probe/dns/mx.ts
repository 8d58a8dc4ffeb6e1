/**
 * Where mail for a domain goes: MX records in preference order (RFC 5321 §5.1), the null MX that
 * says "no mail here" (RFC 7505), and the implicit MX — the domain's own address — when there is no
 * MX at all. Caps the work at MAX_MX_HOSTS hosts.
 */
import { isIP } from 'node:net';
import { makeFinding } from '../findings';
import { dnsErrorKind, dnsErrorLabel, type MxRecord, type Resolver } from '../resolver';
import type { DnsReport, Finding } from '../types';
import { allAddresses, resolveAddresses, type HostAddresses } from './address';

export const MAX_MX_HOSTS = 5;

export interface MailHost extends HostAddresses {
  priority?: number;
}

export interface MailHostsResult {
  dns: Pick<DnsReport, 'mx' | 'nullMx' | 'implicitMx'>;
  hosts: MailHost[];
  findings: Finding[];
  /** NXDOMAIN: the other checks on this domain have nothing to say. */
  domainNotFound: boolean;
}

function ordered(records: MxRecord[]): MxRecord[] {
  const seen = new Set<string>();
  return [...records]
    .map((r) => ({ priority: r.priority, exchange: r.exchange.toLowerCase().replace(/\.$/, '') }))
    // Equal preferences are tried in random order by senders; sort by name so reports are stable.
    .sort((a, b) => a.priority - b.priority || a.exchange.localeCompare(b.exchange))
    .filter((r) => (seen.has(r.exchange) ? false : (seen.add(r.exchange), true)));
}

export async function resolveMailHosts(resolver: Resolver, domain: string): Promise<MailHostsResult> {
  const findings: Finding[] = [];
  let records: MxRecord[];
  try {
    records = await resolver.resolve(domain, 'MX');
  } catch (err) {
    const kind = dnsErrorKind(err);
    if (kind === 'nxdomain') {
      return {
        dns: {}, hosts: [], domainNotFound: true,
        findings: [makeFinding('domain-not-found', { title: `${domain} does not exist (NXDOMAIN)`, evidence: `MX ${domain}: ${dnsErrorLabel(err)}` })],
      };
    }
    if (kind !== 'nodata') {
      return {
        dns: {}, hosts: [], domainNotFound: false,
        findings: [makeFinding('dns-error', { title: `MX lookup for ${domain} failed: ${dnsErrorLabel(err)}`, evidence: `MX ${domain}: ${dnsErrorLabel(err)}. Senders will retry and finally bounce with a DNS error.` })],
      };
    }
    records = [];
  }

  if (records.some((r) => r.exchange === '' || r.exchange === '.')) {
    const alone = records.length === 1;
    findings.push(makeFinding('null-mx', {
      title: `${domain} publishes a null MX: it accepts no mail (RFC 7505)`,
      evidence: `MX ${domain}: ${records.map((r) => `${r.priority} ${r.exchange || '.'}`).join(', ')}${alone ? '' : ' — a null MX must be the only MX record'}`,
    }));
    return { dns: { nullMx: true, mx: [] }, hosts: [], findings, domainNotFound: false };
  }

  if (records.length === 0) {
    // RFC 5321 §5.1: no MX → the domain itself is the mail host, if it has an address.
    const own = await resolveAddresses(resolver, domain);
    const addresses = allAddresses(own);
    if (!addresses.length) {
      const why = own.error ?? own.why ?? 'no address';
      findings.push(makeFinding(own.error ? 'dns-error' : 'no-mail-host', {
        title: own.error ? `Address lookup for ${domain} failed: ${own.error}` : `${domain} has neither MX nor A/AAAA records: mail to it cannot be delivered`,
        evidence: `MX ${domain}: NODATA; A/AAAA ${domain}: ${why}`,
      }));
      return { dns: { implicitMx: true, mx: [] }, hosts: [], findings, domainNotFound: false };
    }
    findings.push(makeFinding('mx-missing', {
      title: `${domain} has no MX records; senders fall back to its A/AAAA address (RFC 5321 §5.1)`,
      evidence: `MX ${domain}: NODATA; A/AAAA ${domain}: ${addresses.join(', ')}`,
    }));
    return {
      dns: { implicitMx: true, mx: [{ exchange: domain, priority: 0, addresses }] },
      hosts: [{ name: domain, priority: 0, addresses }],
      findings, domainNotFound: false,
    };
  }

  const all = ordered(records);
  const probed = all.slice(0, MAX_MX_HOSTS);
  if (all.length > probed.length) {
    findings.push(makeFinding('mx-capped', {
      title: `${domain} has ${all.length} MX hosts; smtpcheck checks the first ${MAX_MX_HOSTS} by preference`,
      evidence: `Not checked: ${all.slice(MAX_MX_HOSTS).map((r) => `${r.exchange} (${r.priority})`).join(', ')}`,
    }));
  }

  const lookups = await Promise.all(probed.map((r) => resolveAddresses(resolver, r.exchange)));
  const hosts: MailHost[] = [];
  const mx: NonNullable<DnsReport['mx']> = [];
  probed.forEach((r, i) => {
    const found = lookups[i];
    const addresses = allAddresses(found);
    mx.push({ exchange: r.exchange, priority: r.priority, addresses });
    if (isIP(r.exchange)) {
      findings.push(makeFinding('mx-ip-literal', {
        title: `MX ${r.exchange} is an IP address, not a host name: many senders will not deliver to it (RFC 5321 §5.1)`,
        evidence: `MX ${domain}: ${r.priority} ${r.exchange}`, host: r.exchange,
      }));
    }
    if (addresses.length) {
      hosts.push({ name: r.exchange, priority: r.priority, addresses });
    } else if (found.error) {
      findings.push(makeFinding('dns-error', { title: `Address lookup for MX ${r.exchange} failed: ${found.error}`, evidence: `A/AAAA ${r.exchange}: ${found.error}`, host: r.exchange }));
    } else {
      findings.push(makeFinding('mx-no-address', {
        title: `MX ${r.exchange} has no A/AAAA address: senders skip it${probed.length === 1 ? ' and mail cannot be delivered' : ''}`,
        evidence: `A/AAAA ${r.exchange}: ${found.why}`, host: r.exchange,
      }));
    }
  });

  // One dead MX among working ones costs delay, not delivery: a warning, not a failure.
  if (hosts.length) for (const f of findings) if (f.id === 'mx-no-address') f.outcome = 'warn';

  if (hosts.length) {
    findings.push(makeFinding('mx-ok', {
      title: `${domain} has ${all.length} MX host${all.length === 1 ? '' : 's'}: ${probed.map((r) => r.exchange).join(', ')}`,
      evidence: `MX ${domain}: ${probed.map((r) => `${r.priority} ${r.exchange}`).join(', ')}`,
    }));
  } else if (!findings.some((f) => f.id === 'dns-error')) {
    findings.push(makeFinding('no-mail-host', {
      title: `None of ${domain}'s MX hosts has an address: mail to it cannot be delivered`,
      evidence: `MX ${domain}: ${probed.map((r) => `${r.priority} ${r.exchange}`).join(', ')}`,
    }));
  }
  return { dns: { mx }, hosts, findings, domainNotFound: false };
}
