/**
 * Shared pieces of the DNS checks: fetching the TXT records of one kind (SPF, DMARC, MTA-STS,
 * TLS-RPT all live in TXT and are told apart by their version tag) and reading tag=value lists.
 */
import { isNoRecords, dnsErrorLabel, type Resolver } from '../resolver';
import type { Finding } from '../types';

export interface CheckResult<R> {
  report: R;
  findings: Finding[];
}

export type TxtLookup =
  /** `absent`: the name does not exist or has no TXT at all. */
  | { ok: true; records: string[]; absent: boolean }
  | { ok: false; error: string };

/** TXT records at `name` whose joined text matches `version` (e.g. /^v=spf1(\s|$)/i). */
export async function txtRecords(resolver: Resolver, name: string, version: RegExp): Promise<TxtLookup> {
  try {
    const rows = await resolver.resolve(name, 'TXT');
    // A record split into several character-strings is one record: join without spaces (RFC 7208 §3.3).
    return { ok: true, absent: false, records: rows.map((chunks) => chunks.join('').trim()).filter((r) => version.test(r)) };
  } catch (err) {
    if (isNoRecords(err)) return { ok: true, records: [], absent: true };
    return { ok: false, error: dnsErrorLabel(err) };
  }
}

/** "v=DMARC1; p=reject; rua=mailto:x" → Map { v → DMARC1, p → reject, rua → mailto:x }. Keys lower-cased. */
export function parseTags(record: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of record.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    if (key && !tags.has(key)) tags.set(key, part.slice(eq + 1).trim());
  }
  return tags;
}

/** Bounded quote of a record for evidence. */
export function shown(record: string, max = 300): string {
  return JSON.stringify(record.length > max ? `${record.slice(0, max - 1)}…` : record);
}
