/**
 * DMARC: one "v=DMARC1" TXT record at _dmarc.<domain>. When the domain has none, receivers use a
 * parent's record; we find it with the DMARCbis DNS tree walk (query each parent up to the label
 * below the TLD, at most MAX_TREE_WALK queries) rather than a public-suffix list. Reports the
 * policy; more than one record at a name means receivers ignore DMARC there (RFC 7489 §6.6.3).
 */
import { makeFinding } from '../findings';
import type { Resolver } from '../resolver';
import type { DnsReport, Finding } from '../types';
import { parseTags, shown, txtRecords, type CheckResult } from './records';

const DMARC_VERSION = /^v\s*=\s*DMARC1\s*(;|$)/i;
const POLICIES = new Set(['none', 'quarantine', 'reject']);
const MAX_TREE_WALK = 5;

type DmarcResult = CheckResult<NonNullable<DnsReport['dmarc']>>;

function judge(domain: string, at: string, record: string): DmarcResult {
  const tags = parseTags(record);
  const p = tags.get('p')?.toLowerCase();
  const where = at !== domain ? ` (inherited from ${at})` : '';
  if (!p || !POLICIES.has(p)) {
    return {
      report: { record, error: p ? `invalid policy p=${p}` : 'no p= tag' },
      findings: [makeFinding('dmarc-invalid', {
        title: `${domain}'s DMARC record${where} ${p ? `has an invalid policy p=${p}` : 'has no p= policy'}: receivers ignore it`,
        evidence: `TXT _dmarc.${at}: ${shown(record)}`,
      })],
    };
  }
  // A subdomain inherits sp= (subdomain policy) when the parent sets one.
  const effective = at !== domain ? (tags.get('sp')?.toLowerCase() ?? p) : p;
  const pct = tags.get('pct');
  const note = effective === 'none' ? ' — monitoring only, nothing is rejected' : '';
  return {
    report: { record, policy: effective },
    findings: [makeFinding('dmarc-ok', {
      title: `${domain} publishes DMARC p=${effective}${where}${note}`,
      evidence: `TXT _dmarc.${at}: ${shown(record)}${pct && pct !== '100' ? ` (applied to ${pct}% of mail)` : ''}`,
    })],
  };
}

async function lookupAt(resolver: Resolver, domain: string, at: string): Promise<DmarcResult | 'none'> {
  const name = `_dmarc.${at}`;
  const found = await txtRecords(resolver, name, DMARC_VERSION);
  if (!found.ok) {
    return { report: { error: found.error }, findings: [makeFinding('dns-error', { title: `DMARC lookup for ${domain} failed: ${found.error}`, evidence: `TXT ${name}: ${found.error}` })] };
  }
  if (found.records.length > 1) {
    return {
      report: { record: found.records[0], error: 'multiple DMARC records' },
      findings: [makeFinding('dmarc-multiple', { title: `${at} has ${found.records.length} DMARC records; receivers ignore them all`, evidence: `TXT ${name}: ${found.records.map((r) => shown(r)).join(' and ')}` })],
    };
  }
  return found.records.length === 1 ? judge(domain, at, found.records[0]) : 'none';
}

export async function checkDmarc(resolver: Resolver, domain: string): Promise<DmarcResult> {
  const labels = domain.split('.');
  // domain itself, then parents down to (not including) the TLD.
  const candidates: string[] = [];
  for (let i = 0; i < labels.length - 1 && candidates.length < MAX_TREE_WALK; i++) candidates.push(labels.slice(i).join('.'));
  for (const at of candidates) {
    const result = await lookupAt(resolver, domain, at);
    if (result !== 'none') return result;
  }
  const findings: Finding[] = [makeFinding('dmarc-missing', {
    title: `${domain} has no DMARC record`,
    evidence: `TXT ${candidates.map((c) => `_dmarc.${c}`).join(', ')}: no record starting with v=DMARC1`,
  })];
  return { report: { error: 'no DMARC record' }, findings };
}
