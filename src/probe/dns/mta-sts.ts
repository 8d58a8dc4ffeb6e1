/**
 * MTA-STS (RFC 8461): a "v=STSv1; id=…" TXT record at _mta-sts.<domain> announces a policy served at
 * https://mta-sts.<domain>/.well-known/mta-sts.txt; in mode "enforce", senders that honour it deliver
 * only to MX hosts the policy lists, over TLS with a valid certificate.
 *
 * The record and the policy text are parsed with mailauth (parsePolicy, validateMx). The HTTPS fetch
 * is ours, not mailauth's fetchPolicy: the policy host's addresses must pass the same guard as the
 * SMTP hosts, the connection goes to the vetted IP (name only in SNI and Host), the fetch must fit
 * the probe's budget and abort signal, and the body is capped. Redirects are reported, never
 * followed (RFC 8461 §3.3).
 */
import https from 'node:https';
import { parsePolicy, validateMx } from 'mailauth/lib/mta-sts';
import { makeFinding } from '../findings';
import { refusedFinding, vetAddresses, type GuardOptions, type RefusedAddress } from '../guard';
import type { Resolver } from '../resolver';
import type { DnsReport, Finding, HostProbe, Outcome } from '../types';
import { allAddresses, resolveAddresses } from './address';
import { parseTags, shown, txtRecords } from './records';

const STS_VERSION = /^v\s*=\s*STSv1\s*(;|$)/i;
const POLICY_ID = /^[a-z0-9]{1,32}$/i;
const POLICY_PATH = '/.well-known/mta-sts.txt';
/** RFC 8461 §3.2 policies are a few lines; anything bigger is not a policy. */
const MAX_POLICY_BYTES = 64 * 1024;
/** Addresses of the policy host tried in turn when one refuses the connection. */
const MAX_POLICY_ADDRESSES = 2;

export interface MtaStsOptions {
  guard: GuardOptions;
  timeoutMs: number;
  signal?: AbortSignal;
  /** HTTPS port of the policy host; 443 except in tests. */
  port?: number;
  /** PEM CA certificate(s) to trust instead of the system store; tests and private PKI only. */
  ca?: string | string[];
}

export interface StsPolicy {
  mode: string;
  mx: string[];
  maxAge?: number;
}

export interface MtaStsFetch {
  report: NonNullable<DnsReport['mtaSts']>;
  /** Findings that do not depend on the MX list (missing, broken record, fetch failure). */
  findings: Finding[];
  policy?: StsPolicy;
  refused: RefusedAddress[];
}

interface HttpResult {
  status: number;
  contentType?: string;
  location?: string;
  body: string;
}

function httpsGet(ip: string, servername: string, opts: MtaStsOptions): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no complete answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    const onOuterAbort = () => controller.abort(new Error('probe aborted'));
    opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const done = (fn: () => void) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onOuterAbort);
      fn();
    };
    const req = https.request({
      host: ip,
      port: opts.port ?? 443,
      servername,
      path: POLICY_PATH,
      method: 'GET',
      headers: { host: servername, 'user-agent': 'smtpcheck (MTA-STS policy check)', accept: 'text/plain' },
      rejectUnauthorized: true,
      agent: false,
      signal: controller.signal,
      ...(opts.ca ? { ca: opts.ca } : {}),
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_POLICY_BYTES) {
          req.destroy(new Error(`policy larger than ${MAX_POLICY_BYTES} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => done(() => resolve({
        status: res.statusCode ?? 0,
        contentType: res.headers['content-type'],
        location: typeof res.headers.location === 'string' ? res.headers.location : undefined,
        body: Buffer.concat(chunks).toString('utf8'),
      })));
      res.on('error', (err) => done(() => reject(err)));
    });
    req.on('error', (err: Error) => {
      const reason = controller.signal.aborted && controller.signal.reason instanceof Error ? controller.signal.reason : err;
      done(() => reject(reason));
    });
    req.end();
  });
}

function describeFetchError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return e.code ? `${e.code}${e.message && !e.message.includes(e.code) ? ` (${e.message})` : ''}` : (e.message ?? String(err));
}

const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

function broken(report: NonNullable<DnsReport['mtaSts']>, error: string, title: string, evidence: string, outcome?: Outcome): MtaStsFetch {
  report.error = error;
  return { report, refused: [], findings: [makeFinding('mta-sts-invalid', { title, evidence, ...(outcome ? { outcome } : {}) })] };
}

/** Record lookup and policy fetch; does not need the MX list, so it runs alongside the MX lookups. */
export async function fetchMtaSts(resolver: Resolver, domain: string, opts: MtaStsOptions): Promise<MtaStsFetch> {
  const recordName = `_mta-sts.${domain}`;
  const found = await txtRecords(resolver, recordName, STS_VERSION);
  if (!found.ok) {
    return { report: { error: found.error }, refused: [], findings: [makeFinding('dns-error', { title: `MTA-STS lookup for ${domain} failed: ${found.error}`, evidence: `TXT ${recordName}: ${found.error}` })] };
  }
  if (found.records.length === 0) {
    return { report: {}, refused: [], findings: [makeFinding('mta-sts-missing', { evidence: `TXT ${recordName}: ${found.absent ? 'no TXT records' : 'no record starting with v=STSv1'}` })] };
  }
  const report: NonNullable<DnsReport['mtaSts']> = { record: found.records[0] };
  if (found.records.length > 1) {
    return broken(report, 'multiple MTA-STS records', `${domain} has ${found.records.length} MTA-STS records; senders treat MTA-STS as not published`, `TXT ${recordName}: ${found.records.map((r) => shown(r)).join(' and ')}`, 'warn');
  }
  const id = parseTags(found.records[0]).get('id');
  if (!id || !POLICY_ID.test(id)) {
    return broken(report, 'record has no valid id=', `${domain}'s MTA-STS record has no valid id= (1–32 letters and digits)`, `TXT ${recordName}: ${shown(found.records[0])}`);
  }

  const policyHost = `mta-sts.${domain}`;
  const addresses = await resolveAddresses(resolver, policyHost);
  const all = allAddresses(addresses);
  if (!all.length) {
    const why = addresses.error ?? addresses.why ?? 'no address';
    return broken(report, `policy host ${policyHost} has no address`, `MTA-STS is announced but ${policyHost} does not resolve: the policy cannot be fetched`, `A/AAAA ${policyHost}: ${why}`);
  }
  const vetted = vetAddresses(all, opts.guard, policyHost);
  if (!vetted.allowed.length) {
    const out = broken(report, 'policy host address refused by the guard', `MTA-STS policy not fetched: ${policyHost} resolves only to addresses smtpcheck will not contact`, vetted.refused.map((r) => `${r.ip}: ${r.reason}`).join('; '), 'error');
    out.refused = vetted.refused;
    out.findings.push(...vetted.refused.map(refusedFinding));
    return out;
  }

  let response: HttpResult | undefined;
  let lastError = '';
  for (const ip of vetted.allowed.slice(0, MAX_POLICY_ADDRESSES)) {
    try {
      response = await httpsGet(ip, policyHost, opts);
      break;
    } catch (err) {
      lastError = `${ip}: ${describeFetchError(err)}`;
      if (!CONNECT_ERRORS.has((err as { code?: string }).code ?? '')) break;
    }
  }
  const url = `https://${policyHost}${POLICY_PATH}`;
  const refused = vetted.refused;
  if (!response) {
    const out = broken(report, `policy fetch failed: ${lastError}`, `MTA-STS policy could not be fetched from ${url}`, lastError);
    out.refused = refused;
    return out;
  }
  if (response.status >= 300 && response.status < 400) {
    const out = broken(report, `policy URL redirects (HTTP ${response.status})`, `MTA-STS policy URL redirects; senders must not follow redirects (RFC 8461 §3.3)`, `GET ${url}: HTTP ${response.status}${response.location ? ` → ${response.location}` : ''}`);
    out.refused = refused;
    return out;
  }
  if (response.status !== 200) {
    const out = broken(report, `policy fetch returned HTTP ${response.status}`, `MTA-STS policy not served: HTTP ${response.status} from ${url}`, `GET ${url}: HTTP ${response.status}`);
    out.refused = refused;
    return out;
  }
  let parsed: ReturnType<typeof parsePolicy>;
  try {
    parsed = parsePolicy(response.body);
  } catch (err) {
    const out = broken(report, `invalid policy: ${(err as Error).message}`, `MTA-STS policy at ${url} is invalid: ${(err as Error).message}`, `GET ${url}: ${shown(response.body, 200)}`);
    out.refused = refused;
    return out;
  }
  const policy: StsPolicy = { mode: parsed.mode ?? 'none', mx: parsed.mx ?? [] };
  if (typeof parsed.maxAge === 'number') policy.maxAge = parsed.maxAge;
  report.policy = policy;
  const findings: Finding[] = [];
  const type = (response.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'text/plain') {
    findings.push(makeFinding('mta-sts-invalid', {
      outcome: 'warn',
      title: `MTA-STS policy is served as ${type || 'no content type'}; RFC 8461 §3.2 requires text/plain and strict senders reject it`,
      evidence: `GET ${url}: Content-Type: ${response.contentType ?? '(none)'}`,
    }));
  }
  return { report, findings, policy, refused };
}

/** Does the policy cover every MX host? Only meaningful once the MX list is known. */
export function judgeMtaSts(domain: string, fetched: MtaStsFetch, mxHosts: readonly string[]): Finding[] {
  const { policy } = fetched;
  if (!policy) return [];
  const stsPolicy = { mode: policy.mode as 'enforce' | 'testing' | 'none', mx: policy.mx, ...(policy.maxAge !== undefined ? { maxAge: policy.maxAge } : {}) };
  const summary = `mode: ${policy.mode}; mx: ${policy.mx.join(', ') || '(none)'}${policy.maxAge !== undefined ? `; max_age: ${policy.maxAge}` : ''}`;
  if (policy.mode === 'none') {
    return [makeFinding('mta-sts-ok', { title: `${domain}'s MTA-STS policy is in mode none (switched off)`, evidence: summary })];
  }
  const uncovered = mxHosts.filter((mx) => !validateMx(mx, stsPolicy).valid);
  if (uncovered.length) {
    const enforce = policy.mode === 'enforce';
    return [makeFinding('mta-sts-invalid', {
      outcome: enforce ? 'fail' : 'warn',
      title: enforce
        ? `MTA-STS (enforce) does not list ${uncovered.join(', ')}: senders that honour it will not deliver there`
        : `MTA-STS (testing) does not list ${uncovered.join(', ')}: once enforced, senders will not deliver there`,
      evidence: `${summary}; MX not covered: ${uncovered.join(', ')}`,
    })];
  }
  return [makeFinding('mta-sts-ok', { title: `${domain}'s MTA-STS policy (${policy.mode}) covers every MX host`, evidence: summary })];
}

/**
 * MTA-STS in enforce mode makes certificate and STARTTLS problems on port 25 fatal for senders that
 * honour it (RFC 8461 §4.2) — the SMTP stage grades them as mere warnings on an MX, so say it here.
 */
export function judgeMtaStsTls(sts: MtaStsFetch, hosts: readonly HostProbe[]): Finding[] {
  if (sts.policy?.mode !== 'enforce') return [];
  const out: Finding[] = [];
  for (const host of hosts) {
    if (!host.steps.length || host.error?.command === 'CONNECT') continue;
    const where = `${host.name}[${host.ip}]:${host.port}`;
    const cert = host.tls?.cert;
    let problem: string | undefined;
    if (host.ehlo.before && !host.ehlo.before.some((e) => /^STARTTLS\b/i.test(e)) && host.mode !== 'implicit-tls') problem = 'does not offer STARTTLS';
    else if (cert && !cert.trusted) problem = `presents a certificate that is not trusted (${cert.trustError ?? 'untrusted'})`;
    else if (cert && !cert.nameMatches) problem = `presents a certificate that does not name ${host.name}`;
    else if (cert && cert.daysLeft !== undefined && cert.daysLeft < 0) problem = 'presents an expired certificate';
    if (problem) {
      out.push(makeFinding('mta-sts-tls-mismatch', {
        title: `MTA-STS is enforced but ${host.name} ${problem}: senders that honour MTA-STS will not deliver to it`,
        evidence: `policy mode enforce; ${where}: ${problem}${cert?.subject ? `; certificate subject ${cert.subject}` : ''}`,
        host: where,
      }));
    }
  }
  return out;
}
