/**
 * DNS blocklist lookups for each probed mail host IPv4 address: 4.3.2.1.<zone> A.
 *
 * NXDOMAIN = not listed; an answer in 127.0.0.0/8 = listed (its TXT says why). Spamhaus answers
 * 127.255.255.x when it refuses the query — queries through public resolvers, too many queries —
 * which must not be reported as a listing. Other answers (a resolver that rewrites NXDOMAIN to an
 * advertising page) are not listings either. Most lists are IPv4-only, so IPv6 addresses are skipped.
 */
import { BlockList, isIPv4 } from 'node:net';
import { makeFinding } from '../findings';
import { dnsErrorLabel, isNoRecords, type Resolver } from '../resolver';
import type { DnsReport, Finding } from '../types';
import type { CheckResult } from './records';

type AnswerKind = 'listed' | 'refused';

interface AnswerRule {
  net: string;
  prefix: number;
  kind: AnswerKind;
}

/** First match wins. */
const ANSWER_RULES: readonly AnswerRule[] = [
  { net: '127.255.255.0', prefix: 24, kind: 'refused' },
  { net: '127.0.0.0', prefix: 8, kind: 'listed' },
];

/** What individual return codes mean, where the operator documents them (spamhaus.org/faq, "return codes"). */
const ANSWER_MEANINGS: Record<string, string> = {
  '127.255.255.252': 'Spamhaus: typing error in the DNSBL name',
  '127.255.255.254': 'Spamhaus: query through a public or open resolver — use your own recursive resolver or a DQS key',
  '127.255.255.255': 'Spamhaus: excessive number of queries',
  '127.0.0.2': 'SBL / listed',
  '127.0.0.3': 'Spamhaus CSS (snowshoe spam)',
  '127.0.0.4': 'Spamhaus XBL (exploited host)',
  '127.0.0.9': 'Spamhaus DROP',
  '127.0.0.10': 'Spamhaus PBL (end-user address range, ISP-maintained)',
  '127.0.0.11': 'Spamhaus PBL (end-user address range, Spamhaus-maintained)',
};

const RULES = ANSWER_RULES.map((r) => {
  const list = new BlockList();
  list.addSubnet(r.net, r.prefix, 'ipv4');
  return { kind: r.kind, list };
});

export function classifyAnswer(answer: string): AnswerKind | 'unexpected' {
  if (!isIPv4(answer)) return 'unexpected';
  return RULES.find((r) => r.list.check(answer, 'ipv4'))?.kind ?? 'unexpected';
}

export function dnsblQueryName(ip: string, zone: string): string {
  return `${ip.split('.').reverse().join('.')}.${zone}`;
}

type Entry = NonNullable<DnsReport['dnsbl']>[number];

async function queryOne(resolver: Resolver, ip: string, zone: string): Promise<Entry> {
  const name = dnsblQueryName(ip, zone);
  let answers: string[];
  try {
    answers = await resolver.resolve(name, 'A');
  } catch (err) {
    if (isNoRecords(err)) return { ip, zone, listed: false };
    return { ip, zone, listed: false, error: dnsErrorLabel(err) };
  }
  const kinds = answers.map(classifyAnswer);
  const answer = answers.join(', ');
  if (kinds.includes('listed')) {
    const entry: Entry = { ip, zone, listed: true, answer };
    try {
      const txt = await resolver.resolve(name, 'TXT');
      const reason = txt.map((t) => t.join('')).join(' ').trim();
      if (reason) entry.reason = reason.slice(0, 300);
    } catch {
      // The reason is a courtesy; the A answer already says "listed".
    }
    return entry;
  }
  if (kinds.includes('refused')) return { ip, zone, listed: false, refused: true, answer };
  return { ip, zone, listed: false, answer, error: `unexpected answer ${answer} (is the resolver rewriting NXDOMAIN?)` };
}

function meaning(answer: string | undefined): string {
  if (!answer) return '';
  const known = answer.split(', ').map((a) => ANSWER_MEANINGS[a]).filter(Boolean);
  return known.length ? ` (${known.join('; ')})` : '';
}

export async function checkDnsbl(
  resolver: Resolver,
  subjects: readonly { ip: string; name: string }[],
  zones: readonly string[],
): Promise<CheckResult<NonNullable<DnsReport['dnsbl']>>> {
  const v4 = subjects.filter((s) => isIPv4(s.ip));
  const entries = await Promise.all(v4.flatMap((s) => zones.map((zone) => queryOne(resolver, s.ip, zone))));
  const nameOf = new Map(v4.map((s) => [s.ip, s.name]));
  const findings: Finding[] = [];

  for (const e of entries) {
    const host = `${nameOf.get(e.ip)}[${e.ip}]`;
    const q = `A ${dnsblQueryName(e.ip, e.zone)}`;
    if (e.listed) {
      findings.push(makeFinding('dnsbl-listed', {
        title: `${e.ip} (${nameOf.get(e.ip)}) is listed on ${e.zone}`,
        evidence: `${q}: ${e.answer}${meaning(e.answer)}${e.reason ? ` — ${e.reason}` : ''}`,
        host,
      }));
    } else if (e.refused) {
      findings.push(makeFinding('dnsbl-refused', {
        title: `${e.zone} refused to answer for ${e.ip}; listing unknown`,
        evidence: `${q}: ${e.answer}${meaning(e.answer)}`,
        host,
      }));
    } else if (e.error) {
      findings.push(makeFinding('dnsbl-error', { title: `${e.zone} could not be queried for ${e.ip}`, evidence: `${q}: ${e.error}`, host }));
    }
  }
  const clean = entries.filter((e) => !e.listed && !e.refused && !e.error);
  if (clean.length && !entries.some((e) => e.listed)) {
    const zonesClean = [...new Set(clean.map((e) => e.zone))];
    findings.push(makeFinding('dnsbl-clean', {
      title: `Not listed on ${zonesClean.join(', ')}`,
      evidence: `${[...new Set(clean.map((e) => e.ip))].join(', ')}: NXDOMAIN on ${zonesClean.join(', ')}`,
    }));
  }
  return { report: entries, findings };
}
