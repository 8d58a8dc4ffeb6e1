/**
 * SPF (RFC 7208): exactly one "v=spf1" TXT record at the domain. Its syntax and its DNS-lookup count
 * are checked by evaluating it with mailauth's SPF engine for a documentation address (192.0.2.1,
 * which no real record authorises): evaluation then walks every include/redirect, so a permerror
 * anywhere in the tree — a typo, more than 10 lookups, too many void lookups — shows up.
 */
import type { spf as SpfEngine } from 'mailauth/lib/spf';
import { makeFinding } from '../findings';
import { mailauthResolver, type Resolver } from '../resolver';
import type { DnsReport, Finding } from '../types';
import { shown, txtRecords, type CheckResult } from './records';

const SPF_VERSION = /^v=spf1(\s|$)/i;
/** An address no genuine SPF record lists (TEST-NET-1, RFC 5737). */
const EVALUATION_IP = '192.0.2.1';
const PERMISSIVE_ALL = /(^|\s)\+?all(\s|$)/i;

// mailauth's SPF engine pulls in joi, libmime and tldts (60–120 ms to load, synchronously). Loaded on
// demand, so probes without a domain (host targets) never pay for it, and loaded by runProbe before
// any connection opens: loading it mid-session would stall the event loop and inflate the SMTP step
// timings the report shows.
let engine: typeof SpfEngine | undefined;
export function loadSpfEngine(): typeof SpfEngine {
  engine ??= (require('mailauth/lib/spf') as { spf: typeof SpfEngine }).spf;
  return engine;
}

export interface SpfOptions {
  heloName: string;
}

export async function checkSpf(resolver: Resolver, domain: string, opts: SpfOptions): Promise<CheckResult<NonNullable<DnsReport['spf']>>> {
  const found = await txtRecords(resolver, domain, SPF_VERSION);
  if (!found.ok) {
    return { report: { error: found.error }, findings: [makeFinding('dns-error', { title: `SPF lookup for ${domain} failed: ${found.error}`, evidence: `TXT ${domain}: ${found.error}` })] };
  }
  if (found.records.length === 0) {
    return { report: { error: 'no SPF record' }, findings: [makeFinding('spf-missing', { title: `${domain} has no SPF record`, evidence: `TXT ${domain}: ${found.absent ? 'no TXT records' : 'no record starting with v=spf1'}` })] };
  }
  if (found.records.length > 1) {
    return {
      report: { record: found.records[0], error: 'multiple SPF records' },
      findings: [makeFinding('spf-multiple', { title: `${domain} has ${found.records.length} SPF records; receivers treat that as permerror (RFC 7208 §4.5)`, evidence: found.records.map((r) => shown(r)).join(' and ') })],
    };
  }

  const record = found.records[0];
  const findings: Finding[] = [];
  const result = await loadSpfEngine()({
    sender: `postmaster@${domain}`,
    ip: EVALUATION_IP,
    helo: opts.heloName,
    mta: 'smtpcheck',
    resolver: mailauthResolver(resolver) as never,
  });
  const status = result.status.result;
  // mailauth's comment ends in ": <reason>" for errors.
  const reason = (result.status.comment ?? '').replace(/^.*?during lookup of [^:]*:?\s*/, '') || status;
  const lookups = result.lookups ? ` (${result.lookups.count} of ${result.lookups.limit} DNS lookups used)` : '';

  if (status === 'permerror') {
    const tooMany = /too many dns requests/i.test(reason);
    findings.push(makeFinding(tooMany ? 'spf-too-many-lookups' : 'spf-invalid', {
      title: tooMany ? `${domain}'s SPF needs more than 10 DNS lookups: receivers return permerror` : `${domain}'s SPF record has an error: ${reason}`,
      evidence: `${shown(record)} → permerror: ${reason}`,
    }));
    return { report: { record, error: `permerror: ${reason}` }, findings };
  }
  if (status === 'temperror') {
    findings.push(makeFinding('dns-error', { title: `SPF for ${domain} could not be fully evaluated: ${reason}`, evidence: `${shown(record)} → temperror: ${reason}` }));
    return { report: { record, error: `temperror: ${reason}` }, findings };
  }
  if (PERMISSIVE_ALL.test(record)) {
    findings.push(makeFinding('spf-permissive', { title: `${domain}'s SPF ends in +all: it authorises every server on the internet`, evidence: shown(record) }));
  } else {
    findings.push(makeFinding('spf-ok', { title: `${domain} publishes an SPF record`, evidence: `${shown(record)}${lookups}` }));
  }
  return { report: { record }, findings };
}
