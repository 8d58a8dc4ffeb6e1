/**
 * SMTP TLS Reporting (RFC 8460): one "v=TLSRPTv1" TXT record at _smtp._tls.<domain> with rua=
 * naming where senders send their daily reports (mailto: or https: URIs, comma-separated).
 */
import { makeFinding } from '../findings';
import type { Resolver } from '../resolver';
import type { DnsReport } from '../types';
import { parseTags, shown, txtRecords, type CheckResult } from './records';

const TLSRPT_VERSION = /^v\s*=\s*TLSRPTv1\s*(;|$)/i;
const RUA_URI = /^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/i;

export async function checkTlsRpt(resolver: Resolver, domain: string): Promise<CheckResult<NonNullable<DnsReport['tlsRpt']>>> {
  const name = `_smtp._tls.${domain}`;
  const found = await txtRecords(resolver, name, TLSRPT_VERSION);
  if (!found.ok) {
    return { report: { error: found.error }, findings: [makeFinding('dns-error', { title: `TLS-RPT lookup for ${domain} failed: ${found.error}`, evidence: `TXT ${name}: ${found.error}` })] };
  }
  if (found.records.length === 0) {
    return { report: { error: 'no TLS-RPT record' }, findings: [makeFinding('tls-rpt-missing', { evidence: `TXT ${name}: ${found.absent ? 'no TXT records' : 'no record starting with v=TLSRPTv1'}` })] };
  }
  if (found.records.length > 1) {
    return {
      report: { record: found.records[0], error: 'multiple TLS-RPT records' },
      findings: [makeFinding('tls-rpt-invalid', { title: `${domain} has ${found.records.length} TLS-RPT records; senders ignore them (RFC 8460 §3)`, evidence: found.records.map((r) => shown(r)).join(' and ') })],
    };
  }
  const record = found.records[0];
  const rua = parseTags(record).get('rua');
  const uris = (rua ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  const bad = uris.filter((u) => !RUA_URI.test(u));
  if (!uris.length || bad.length) {
    const why = !uris.length ? 'has no rua= reporting address' : `has an unusable rua= URI ${bad.map((b) => JSON.stringify(b)).join(', ')} (mailto: or https: only)`;
    return { report: { record, error: why }, findings: [makeFinding('tls-rpt-invalid', { title: `${domain}'s TLS-RPT record ${why}`, evidence: `TXT ${name}: ${shown(record)}` })] };
  }
  return { report: { record }, findings: [makeFinding('tls-rpt-ok', { title: `TLS failure reports for ${domain} go to ${uris.join(', ')}`, evidence: `TXT ${name}: ${shown(record)}` })] };
}
