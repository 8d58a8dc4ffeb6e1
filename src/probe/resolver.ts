/**
 * Every DNS lookup the probe makes goes through one small interface, so tests point it at a local
 * dns2 server and the report can show each lookup with its time and answer.
 *
 * Built on node:dns `promises.Resolver` with our own servers (ProbeConfig.dnsServers, e.g.
 * 127.0.0.1:5353). Errors keep the distinctions the diagnosis needs: NXDOMAIN (ENOTFOUND) is "the
 * name does not exist", NODATA (ENODATA) is "it exists but has no record of this type", SERVFAIL and
 * timeouts are "could not find out". PTR is looked up with resolvePtr on the .arpa name, never with
 * Resolver#reverse(), which consults /etc/hosts first.
 */
import { promises as dnsPromises } from 'node:dns';
import { isIPv4, isIPv6 } from 'node:net';
import type { DnsReport } from './types';

export type RRType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'PTR' | 'CNAME';

export interface MxRecord {
  exchange: string;
  priority: number;
}

export interface RecordTypes {
  A: string[];
  AAAA: string[];
  MX: MxRecord[];
  /** One entry per record, each the record's character-strings (join them to read the record). */
  TXT: string[][];
  PTR: string[];
  CNAME: string[];
}

export interface Resolver {
  resolve<T extends RRType>(name: string, type: T): Promise<RecordTypes[T]>;
  /** Abandon every outstanding lookup (the probe is over). */
  cancel?(): void;
}

export type DnsErrorKind = 'nxdomain' | 'nodata' | 'servfail' | 'timeout' | 'refused' | 'cancelled' | 'other';

/** c-ares / node:dns error codes → what they mean for a diagnosis. */
const ERROR_KINDS: Record<string, { kind: DnsErrorKind; label: string }> = {
  ENOTFOUND: { kind: 'nxdomain', label: 'NXDOMAIN (name does not exist)' },
  ENODATA: { kind: 'nodata', label: 'NODATA (no record of this type)' },
  ESERVFAIL: { kind: 'servfail', label: 'SERVFAIL (the DNS server could not answer)' },
  ETIMEOUT: { kind: 'timeout', label: 'timeout (no answer)' },
  EREFUSED: { kind: 'refused', label: 'REFUSED by the DNS server' },
  ECONNREFUSED: { kind: 'refused', label: 'DNS server unreachable (connection refused)' },
  ECANCELLED: { kind: 'cancelled', label: 'cancelled' },
  EBADRESP: { kind: 'other', label: 'malformed DNS reply' },
  EFORMERR: { kind: 'other', label: 'FORMERR (the DNS server misunderstood the query)' },
  ENOTIMP: { kind: 'other', label: 'NOTIMP (the DNS server does not implement this query)' },
  EBADNAME: { kind: 'other', label: 'not a valid DNS name' },
};

export class DnsLookupError extends Error {
  /** node:dns code kept as is (ENOTFOUND, ENODATA …): mailauth and others test err.code. */
  readonly code: string;
  readonly kind: DnsErrorKind;
  readonly hostname: string;
  readonly rrtype: RRType;

  constructor(code: string, hostname: string, rrtype: RRType, detail?: string) {
    const known = ERROR_KINDS[code];
    super(`${rrtype} ${hostname}: ${detail ?? known?.label ?? code}`);
    this.name = 'DnsLookupError';
    this.code = code;
    this.kind = known?.kind ?? 'other';
    this.hostname = hostname;
    this.rrtype = rrtype;
  }
}

export function dnsErrorKind(err: unknown): DnsErrorKind {
  if (err instanceof DnsLookupError) return err.kind;
  const code = (err as { code?: unknown } | undefined)?.code;
  return (typeof code === 'string' && ERROR_KINDS[code]?.kind) || 'other';
}

/** Short label for reports: "NXDOMAIN (name does not exist)", "timeout (no answer)". */
export function dnsErrorLabel(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && ERROR_KINDS[code]) return ERROR_KINDS[code].label;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

/** "no such record" answers, as opposed to "could not find out". */
export function isNoRecords(err: unknown): boolean {
  const kind = dnsErrorKind(err);
  return kind === 'nxdomain' || kind === 'nodata';
}

export interface NodeResolverOptions {
  /** host[:port] list; empty or undefined = the system's resolvers. */
  servers?: readonly string[];
  /** Hard limit for one lookup, retries included. */
  timeoutMs?: number;
}

export const DEFAULT_LOOKUP_TIMEOUT_MS = 2500;

/**
 * A Resolver over node:dns. c-ares retries with a doubling timeout, so the first attempt gets a
 * third of the limit and the second the rest; a timer enforces the limit whatever c-ares does.
 */
export function createResolver(opts: NodeResolverOptions = {}): Resolver {
  const limit = Math.max(50, opts.timeoutMs ?? DEFAULT_LOOKUP_TIMEOUT_MS);
  const r = new dnsPromises.Resolver({ timeout: Math.max(20, Math.floor(limit / 3)), tries: 2 });
  if (opts.servers?.length) r.setServers([...opts.servers]);

  const query: { [T in RRType]: (name: string) => Promise<RecordTypes[T]> } = {
    A: (n) => r.resolve4(n),
    AAAA: (n) => r.resolve6(n),
    MX: (n) => r.resolveMx(n),
    TXT: (n) => r.resolveTxt(n),
    PTR: (n) => r.resolvePtr(n),
    CNAME: (n) => r.resolveCname(n),
  };

  return {
    resolve<T extends RRType>(name: string, type: T): Promise<RecordTypes[T]> {
      return new Promise<RecordTypes[T]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new DnsLookupError('ETIMEOUT', name, type, `timeout (no answer within ${limit} ms)`)), limit);
        (query[type] as (n: string) => Promise<RecordTypes[T]>)(name).then(
          (answer) => { clearTimeout(timer); resolve(answer); },
          (err: unknown) => {
            clearTimeout(timer);
            const code = (err as { code?: unknown }).code;
            reject(new DnsLookupError(typeof code === 'string' ? code : 'EUNKNOWN', name, type));
          },
        );
      });
    },
    cancel: () => r.cancel(),
  };
}

const ANSWER_MAX = 400;

/** One line per answer for the lookup log, bounded. */
export function summarizeAnswer(type: RRType, answer: unknown): string {
  let text: string;
  switch (type) {
    case 'MX':
      text = (answer as MxRecord[]).map((mx) => `${mx.priority} ${mx.exchange || '.'}`).join(', ');
      break;
    case 'TXT':
      text = (answer as string[][]).map((chunks) => JSON.stringify(chunks.join(''))).join(' ');
      break;
    default:
      text = (answer as string[]).join(', ');
  }
  return text.length > ANSWER_MAX ? `${text.slice(0, ANSWER_MAX - 1)}…` : text;
}

/**
 * Wrap a resolver so that every lookup lands in `lookups` (DnsReport.lookups) with its time and
 * answer or error, and every error is a DnsLookupError.
 */
export function recordingResolver(inner: Resolver, lookups: DnsReport['lookups']): Resolver {
  return {
    async resolve<T extends RRType>(name: string, type: T): Promise<RecordTypes[T]> {
      const started = performance.now();
      const entry: DnsReport['lookups'][number] = { name, type, ms: 0 };
      lookups.push(entry);
      try {
        const answer = await inner.resolve(name, type);
        entry.ms = Math.round(performance.now() - started);
        entry.answer = summarizeAnswer(type, answer);
        return answer;
      } catch (err) {
        entry.ms = Math.round(performance.now() - started);
        entry.error = dnsErrorLabel(err);
        if (err instanceof DnsLookupError) throw err;
        const code = (err as { code?: unknown }).code;
        throw new DnsLookupError(typeof code === 'string' ? code : 'EUNKNOWN', name, type, err instanceof Error ? err.message : undefined);
      }
    },
    cancel: () => inner.cancel?.(),
  };
}

/** The resolver as mailauth wants it: `(name, rrtype) => answers`, with node:dns error codes. */
export function mailauthResolver(resolver: Resolver): (name: string, rrtype: string) => Promise<unknown> {
  return (name, rrtype) => {
    const type = rrtype.toUpperCase();
    if (!['A', 'AAAA', 'MX', 'TXT', 'PTR', 'CNAME'].includes(type)) {
      return Promise.reject(new DnsLookupError('ENOTIMP', name, 'TXT', `record type ${rrtype} not supported`));
    }
    return resolver.resolve(name, type as RRType);
  };
}

/** The .arpa name for a PTR lookup: 4.3.2.1.in-addr.arpa, or nibbles under ip6.arpa. */
export function reverseName(ip: string): string {
  if (isIPv4(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  if (!isIPv6(ip)) throw new Error(`not an IP address: ${ip}`);
  return `${expandIPv6(ip).replace(/:/g, '').split('').reverse().join('.')}.ip6.arpa`;
}

/** 2001:db8::1 → 2001:0db8:0000:0000:0000:0000:0000:0001 (embedded IPv4 tails handled). */
export function expandIPv6(ip: string): string {
  let s = ip.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    s = s.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const fill = s.includes('::') ? new Array(8 - h.length - t.length).fill('0') : [];
  return [...h, ...fill, ...t].map((g) => g.padStart(4, '0')).join(':');
}

/**
 * Ask each (name, type) once per probe: SPF evaluation, the MX walk and MTA-STS often look up the
 * same names. Failures are remembered too — within one probe a second answer would not differ.
 */
export function cachingResolver(inner: Resolver): Resolver {
  const seen = new Map<string, Promise<unknown>>();
  return {
    resolve<T extends RRType>(name: string, type: T): Promise<RecordTypes[T]> {
      const key = `${type} ${name.toLowerCase()}`;
      let p = seen.get(key) as Promise<RecordTypes[T]> | undefined;
      if (!p) {
        p = inner.resolve(name, type);
        seen.set(key, p);
      }
      return p;
    },
    cancel: () => inner.cancel?.(),
  };
}
