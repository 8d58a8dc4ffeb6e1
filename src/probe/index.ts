/**
 * runProbe: one live probe of a domain, host or address, top to bottom, inside one time budget.
 *
 *   target   parseTarget: domain | host[:port] | [v6]:port | IP | user@domain; port allow-list
 *   DNS      MX (null MX, implicit MX, NXDOMAIN) → A/AAAA of up to 5 MX; in parallel from the start:
 *            SPF, DMARC, MTA-STS (record + policy fetch), TLS-RPT
 *   guard    every resolved address vetted; refused ones become findings; none left → TargetRefused
 *   SMTP     each MX address (≤ 2 per host) in parallel under the process-wide session cap, each
 *            with its share of the remaining budget; PTR/FCrDNS and DNSBL run alongside
 *   port 25  every MX timed out on connect → TCP control knock on other ports of the same hosts
 *   report   findings merged (DNS, guard, SMTP, cross-checks), verdict and worst outcome
 *
 * The budget (ProbeConfig.timeoutMs) is a wall-clock deadline for the whole probe: DNS lookups
 * have their own short timeouts, each SMTP host gets a deadline and an abort signal, and anything
 * still running at the deadline is cut off and reported, never waited for.
 */
import { isIP } from 'node:net';
import type { ProbeConfig } from '../config';
import { ErrorCode, SmtpcheckError } from '../errors';
import { DEFAULT_CONTROL_PORTS, firstAnswer } from './control';
import { pickAddresses, resolveHostTarget } from './dns/address';
import { checkDmarc } from './dns/dmarc';
import { checkDnsbl } from './dns/dnsbl';
import { fetchMtaSts, judgeMtaSts, judgeMtaStsTls, type MtaStsFetch } from './dns/mta-sts';
import { resolveMailHosts, type MailHost } from './dns/mx';
import { checkPtr } from './dns/ptr';
import type { CheckResult } from './dns/records';
import { checkSpf, loadSpfEngine } from './dns/spf';
import { checkTlsRpt } from './dns/tls-rpt';
import { makeFinding } from './findings';
import { checkAddress, refusedFinding, vetAddresses, type RefusedAddress } from './guard';
import { ConcurrencyLimiter } from './limits';
import { cachingResolver, createResolver, recordingResolver, type Resolver } from './resolver';
import { probeSmtpHost, type SmtpHostResult, type SmtpHostTarget, type SmtpProbeOptions } from './smtp';
import { parseTarget } from './target';
import type { DnsReport, Finding, HostProbe, Outcome, ProbeProgress, ProbeReport, ProbeTarget } from './types';
import { summarize, worstOutcome } from './verdict';

export type { ProbeProgress } from './types';
export { parseTarget } from './target';
export { ConcurrencyLimiter, ProbeRateLimiter, TokenBucketLimiter, type ProbeCaller, type ProbeRateLimits } from './limits';
export { createResolver, type Resolver } from './resolver';

/** The SMTP stage's signature (src/probe/smtp); injectable so tests can script a host. */
export type SmtpProber = (host: SmtpHostTarget, opts: SmtpProbeOptions) => Promise<SmtpHostResult>;

export interface RunProbeOptions {
  config: ProbeConfig;
  /** Port for every probed host (`--port`); default: the target's own port, else 25. */
  port?: number;
  /** Recipient for the RCPT check; default for an address target: that address. */
  rcpt?: string;
  /** DNS resolver; default: node:dns on ProbeConfig.dnsServers. */
  resolver?: Resolver;
  signal?: AbortSignal;
  onProgress?: (event: ProbeProgress) => void;

  // --- seams for tests, benchmarks and private deployments ---
  /** SMTP stage; default probeSmtpHost. */
  smtpProbe?: SmtpProber;
  /** Session cap shared with other probes; default: one per process, ProbeConfig.maxConcurrent slots. */
  sessions?: ConcurrencyLimiter;
  /** Ports knocked on when every MX times out on 25; default 587, 465, 443. */
  controlPorts?: readonly number[];
  /** MTA-STS policy fetch: HTTPS port and CA (tests serve the policy on an ephemeral port). */
  mtaSts?: { port?: number; ca?: string | string[] };
  /** CA certificates the SMTP stage trusts instead of the system store (tests, private PKI). */
  trustedCa?: string | string[];
  /** Run the SMTP stage's extra TLS 1.0/1.1 handshake when TLS fails or is legacy (default: the stage's own default). */
  legacyTlsCheck?: boolean;
}

/** MX hosts (by preference) and addresses per host that get an SMTP session. */
export const MAX_ADDRESSES_PER_HOST = 2;
/** Ports where the configured credentials may be tried (client submission). */
const SUBMISSION_PORTS = new Set([465, 587, 2525]);
/** Not worth opening a session with less time than this. */
const MIN_HOST_MS = 300;
/** How long past its own deadline a host session may take to hand back its result. */
const HOST_GRACE_MS = 100;

/** One share of the budget for each thing that runs after the SMTP sessions (control knock, assembly). */
function reserveMs(budget: number): number {
  return Math.min(2000, Math.max(200, Math.round(budget * 0.1)));
}

/** Per-lookup limit: two sequential lookups (MX, then A/AAAA) must leave most of the budget for SMTP. */
function lookupTimeoutMs(budget: number): number {
  return Math.min(3000, Math.max(200, Math.round(budget * 0.15)));
}

const processSessions = new Map<number, ConcurrencyLimiter>();
function sharedSessions(max: number): ConcurrencyLimiter {
  let limiter = processSessions.get(max);
  if (!limiter) {
    limiter = new ConcurrencyLimiter(max, 'SMTP sessions');
    processSessions.set(max, limiter);
  }
  return limiter;
}

interface Probed {
  name: string;
  ip: string;
}

const TIMED_OUT = Symbol('timed out');

/** `p`, or TIMED_OUT after `ms`. A promise that has already settled wins even when `ms` is 0. */
function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms));
    p.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e); });
  });
}

/**
 * The session's result, or TIMED_OUT when it has not come back HOST_GRACE_MS after its deadline or
 * after its signal aborted — whichever is first. A stage that ignores its signal cannot hold the probe.
 */
function cutOff<T>(p: Promise<T>, timeoutMs: number, signal: AbortSignal): Promise<T | typeof TIMED_OUT> {
  return new Promise((resolve, reject) => {
    let timer = setTimeout(() => finish(TIMED_OUT), timeoutMs + HOST_GRACE_MS);
    const onAbort = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(TIMED_OUT), HOST_GRACE_MS);
    };
    const finish = (v: T | typeof TIMED_OUT) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    p.then(finish, (e: unknown) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      reject(e);
    });
  });
}

function stubHost(h: Probed, port: number, code: string, message: string): HostProbe {
  return { name: h.name, ip: h.ip, port, steps: [], ehlo: {}, auth: {}, transcript: [], error: { code, message } };
}

function label(h: Probed, port: number): string {
  return `${h.name}[${h.ip}]:${port}`;
}

function isConnectTimeout(r: SmtpHostResult): boolean {
  return r.findings.some((f) => f.id === 'connect-timeout') || (r.host.error?.command === 'CONNECT' && r.host.error.code === 'ETIMEDOUT');
}

/** Credentials go only to a submission port of a host the operator listed (they are the bot's own). */
function credentialsFor(config: ProbeConfig, target: ProbeTarget, port: number): SmtpProbeOptions['auth'] {
  if (!config.authUser || !config.authPass) return undefined;
  if (target.kind !== 'host' || !target.host || !SUBMISSION_PORTS.has(port)) return undefined;
  const allowed = (config.authHosts ?? []).map((h) => h.toLowerCase());
  return allowed.includes(target.host.toLowerCase()) ? { user: config.authUser, pass: config.authPass } : undefined;
}

function normalizeRcpt(rcpt: string | undefined, config: ProbeConfig): string | undefined {
  if (rcpt === undefined) return undefined;
  const parsed = parseTarget(rcpt, { allowedPorts: config.allowedPorts });
  if (parsed.kind !== 'address' || !parsed.address) {
    throw new SmtpcheckError(ErrorCode.BadTarget, `--rcpt needs a mail address such as postmaster@example.com, not "${rcpt.slice(0, 60)}".`);
  }
  return parsed.address;
}

function refusedMessage(target: string, refused: readonly RefusedAddress[]): string {
  const list = refused.slice(0, 4).map((r) => `${r.ip} (${r.reason})`).join(', ');
  return `${target} resolves only to addresses smtpcheck will not probe: ${list}${refused.length > 4 ? ` and ${refused.length - 4} more` : ''}. smtpcheck connects only to public addresses.`;
}

export async function runProbe(targetInput: string, opts: RunProbeOptions): Promise<ProbeReport> {
  const { config } = opts;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const elapsed = () => Math.round(performance.now() - t0);
  const budget = config.timeoutMs;
  const deadline = t0 + budget;

  const controller = new AbortController();
  const endReason = () => (opts.signal?.aborted ? 'The probe was cancelled.' : `The probe reached its ${budget} ms budget.`);
  // After the deadline or a cancellation nothing more is waited for.
  const left = () => (controller.signal.aborted ? 0 : deadline - performance.now());
  const target = parseTarget(targetInput, { allowedPorts: config.allowedPorts, port: opts.port });
  const port = target.port ?? 25;
  const rcpt = normalizeRcpt(opts.rcpt, config) ?? target.address;
  const guard = { allowPrivate: config.allowPrivate };

  // An IP literal is refused before any packet is sent.
  if (target.kind === 'host' && target.host && isIP(target.host)) {
    const verdict = checkAddress(target.host, guard);
    if (!verdict.allowed) throw new SmtpcheckError(ErrorCode.TargetRefused, refusedMessage(target.input, [{ ip: target.host, reason: verdict.reason }]), { target: target.input });
  }

  const emit = (stage: ProbeProgress['stage'], message: string, extra: Partial<ProbeProgress> = {}) => {
    if (!opts.onProgress) return;
    try {
      opts.onProgress({ stage, message, elapsedMs: elapsed(), ...extra });
    } catch {
      // A broken progress listener must not break the probe.
    }
  };

  const onCallerAbort = () => controller.abort(opts.signal?.reason);
  if (opts.signal?.aborted) controller.abort(opts.signal.reason);
  opts.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const deadlineTimer = setTimeout(() => controller.abort(new SmtpcheckError(ErrorCode.ProbeTimeout, `The probe reached its ${budget} ms budget.`)), budget);

  const ownResolver = opts.resolver ? undefined : createResolver({ servers: config.dnsServers, timeoutMs: lookupTimeoutMs(budget) });
  const lookups: DnsReport['lookups'] = [];
  const resolver = cachingResolver(recordingResolver(opts.resolver ?? ownResolver!, lookups));

  try {
    emit('start', `Probing ${target.input}${target.kind === 'domain' || target.kind === 'address' ? ` (MX hosts, port ${port})` : ''}; budget ${(budget / 1000).toFixed(0)} s`);
    const domain = target.domain;
    if (domain) loadSpfEngine(); // before any connection opens (see loadSpfEngine)

    // Independent DNS checks start now and run alongside everything else.
    const spfP = domain ? guarded(checkSpf(resolver, domain, { heloName: config.heloName })) : undefined;
    const dmarcP = domain ? guarded(checkDmarc(resolver, domain)) : undefined;
    const tlsRptP = domain ? guarded(checkTlsRpt(resolver, domain)) : undefined;
    const mtaStsP = domain
      ? fetchMtaSts(resolver, domain, { guard, timeoutMs: Math.max(1, left() - reserveMs(budget)), signal: controller.signal, ...opts.mtaSts })
          .catch((err: unknown): MtaStsFetch => ({ report: { error: String((err as Error)?.message ?? err) }, findings: [], refused: [] }))
      : undefined;

    // Where mail goes.
    const mail = domain ? await resolveMailHosts(resolver, domain) : undefined;
    const located = mail ?? await resolveHostTarget(resolver, target.host!);
    const hosts: MailHost[] = located.hosts;
    const dnsFindings = [...located.findings];
    const domainNotFound = mail?.domainNotFound ?? false;
    const mailDns: Partial<DnsReport> = mail?.dns ?? {};
    if (hosts.length) {
      emit('dns', `${domain ? 'MX' : 'Address'}: ${hosts.map((h) => `${h.name} (${h.addresses.join(', ')})`).join('; ')}`);
    } else {
      emit('dns', located.findings[0]?.title ?? 'No mail host found');
    }

    // Guard every address; pick what gets an SMTP session.
    const refused: RefusedAddress[] = [];
    const probed: Probed[] = [];
    const capped: string[] = [];
    for (const h of hosts) {
      const vetted = vetAddresses(h.addresses, guard, h.name);
      refused.push(...vetted.refused);
      const picked = pickAddresses(vetted.allowed, MAX_ADDRESSES_PER_HOST);
      if (vetted.allowed.length > picked.length) capped.push(`${h.name}: ${picked.length} of ${vetted.allowed.length} addresses`);
      for (const ip of picked) probed.push({ name: h.name, ip });
    }
    if (!probed.length && refused.length) {
      throw new SmtpcheckError(ErrorCode.TargetRefused, refusedMessage(target.input, refused), { target: target.input });
    }
    if (capped.length) dnsFindings.push(makeFinding('mx-capped', { title: `Some hosts have more addresses than smtpcheck probes (${MAX_ADDRESSES_PER_HOST} per host)`, evidence: capped.join('; ') }));
    const guardFindings = refused.map(refusedFinding);

    // SMTP sessions, with PTR and DNSBL alongside.
    const ptrP = probed.length ? guarded(checkPtr(resolver, probed)) : undefined;
    const dnsblP = probed.length && config.dnsblZones.length ? guarded(checkDnsbl(resolver, probed, config.dnsblZones)) : undefined;
    const smtp = await probeHosts(probed, {
      port, target, rcpt, opts, emit, signal: controller.signal,
      endAt: deadline - reserveMs(budget),
      auth: credentialsFor(config, target, port),
    });

    // Port 25 reachability: every session timed out on connect.
    const controlFindings: Finding[] = [];
    if (port === 25 && smtp.length && smtp.every(isConnectTimeout)) {
      const ips = [...new Set(probed.map((p) => p.ip))];
      const ports = opts.controlPorts ?? DEFAULT_CONTROL_PORTS;
      const answer = await firstAnswer(ips, ports, Math.min(1500, left() - 50), controller.signal);
      if (answer) {
        // The timeouts say nothing about the target now: they are our network's, not its failure.
        for (const r of smtp) {
          for (const f of r.findings) {
            if (f.id === 'connect-timeout') f.outcome = 'error';
          }
        }
        controlFindings.push(makeFinding('port25-blocked', {
          evidence: `Port 25 timed out on all ${smtp.length} address${smtp.length === 1 ? '' : 'es'}, but ${answer.ip} port ${answer.port} ${answer.how === 'connected' ? 'accepted a connection' : 'actively refused (RST)'} in ${answer.ms} ms: the hosts are up, so outbound port 25 is most likely filtered on this bot's network. Run the probe from a host that may send mail, or ask the provider to lift the port 25 block.`,
        }));
      } else if (left() > 100) {
        controlFindings.push(makeFinding('mx-unreachable', {
          evidence: `Port 25 timed out on all ${smtp.length} address${smtp.length === 1 ? '' : 'es'}, and ports ${ports.join(', ')} gave no answer either: the hosts are down or fully firewalled.`,
        }));
      }
    }

    // Collect the DNS checks that ran alongside, cut off at the deadline.
    const settle = async <R>(p: Promise<CheckResult<R> | Failed> | undefined, what: string): Promise<CheckResult<R> | undefined> => {
      if (!p) return undefined;
      const r = await within(p, left());
      if (r === TIMED_OUT) return { report: undefined as unknown as R, findings: [makeFinding('probe-budget-exceeded', { title: `${what} did not finish before the probe ended`, evidence: endReason() })] };
      if ('failed' in r) return { report: undefined as unknown as R, findings: [makeFinding('probe-internal-error', { title: `${what} failed inside smtpcheck`, evidence: r.failed })] };
      return r;
    };
    const [ptr, dnsbl, spf, dmarc, tlsRpt] = await Promise.all([
      settle(ptrP, 'Reverse DNS check'),
      settle(dnsblP, 'Blocklist check'),
      settle(spfP, 'SPF check'),
      settle(dmarcP, 'DMARC check'),
      settle(tlsRptP, 'TLS-RPT check'),
    ]);
    let mtaSts: MtaStsFetch | undefined;
    const mtaStsFindings: Finding[] = [];
    if (mtaStsP) {
      const r = await within(mtaStsP, left());
      if (r === TIMED_OUT) {
        mtaStsFindings.push(makeFinding('probe-budget-exceeded', { title: 'MTA-STS check did not finish before the probe ended', evidence: endReason() }));
      } else {
        mtaSts = r;
        mtaStsFindings.push(...r.findings, ...judgeMtaSts(domain!, r, hosts.map((h) => h.name)), ...judgeMtaStsTls(r, smtp.map((x) => x.host)));
      }
    }
    emit('checks', 'DNS checks done');

    const dns: DnsReport = { ...mailDns, lookups };
    if (ptr?.report) dns.ptr = ptr.report;
    if (dnsbl?.report) dns.dnsbl = dnsbl.report;
    // On a domain that does not exist, "no SPF, no DMARC …" would only be noise.
    const domainChecks = domainNotFound ? [] : [spf, dmarc];
    if (!domainNotFound) {
      if (spf?.report) dns.spf = spf.report;
      if (dmarc?.report) dns.dmarc = dmarc.report;
      if (mtaSts?.report) dns.mtaSts = mtaSts.report;
      if (tlsRpt?.report) dns.tlsRpt = tlsRpt.report;
    }

    const findings: Finding[] = [
      ...dnsFindings,
      ...guardFindings,
      ...smtp.flatMap((r) => r.findings),
      ...controlFindings,
      ...(ptr?.findings ?? []),
      ...(dnsbl?.findings ?? []),
      ...domainChecks.flatMap((c) => c?.findings ?? []),
      ...(domainNotFound ? [] : mtaStsFindings),
      ...(domainNotFound ? [] : tlsRpt?.findings ?? []),
    ];
    const { outcome, verdict } = summarize(findings);
    const report: ProbeReport = {
      target: target.input,
      kind: target.kind,
      startedAt,
      ms: elapsed(),
      dns,
      hosts: smtp.map((r) => r.host),
      findings,
      verdict,
      outcome,
    };
    emit('done', verdict, { outcome });
    return report;
  } finally {
    clearTimeout(deadlineTimer);
    opts.signal?.removeEventListener('abort', onCallerAbort);
    // Stops anything still in flight: SMTP sessions, the policy fetch, queued session slots.
    if (!controller.signal.aborted) controller.abort(new Error('probe finished'));
    ownResolver?.cancel?.();
  }
}

interface Failed {
  failed: string;
}

/** A check that throws (a bug, not a DNS answer) becomes a finding instead of failing the probe. */
function guarded<R>(p: Promise<CheckResult<R>>): Promise<CheckResult<R> | Failed> {
  return p.catch((err: unknown) => ({ failed: err instanceof Error ? err.message : String(err) }));
}

interface HostRunContext {
  port: number;
  target: ProbeTarget;
  rcpt?: string;
  opts: RunProbeOptions;
  emit: (stage: ProbeProgress['stage'], message: string, extra?: Partial<ProbeProgress>) => void;
  signal: AbortSignal;
  /** performance.now() by which every session must be over. */
  endAt: number;
  auth?: SmtpProbeOptions['auth'];
}

/**
 * One session per address, all started at once; the session cap decides how many actually run.
 * Each gets its share of the time left: all of it when they fit in the cap together, otherwise
 * the time left divided by the number of rounds the cap forces.
 */
async function probeHosts(probed: readonly Probed[], ctx: HostRunContext): Promise<SmtpHostResult[]> {
  if (!probed.length) return [];
  const { opts, port } = ctx;
  const sessions = opts.sessions ?? sharedSessions(opts.config.maxConcurrent);
  const prober = opts.smtpProbe ?? probeSmtpHost;
  const rounds = Math.ceil(probed.length / sessions.max);
  const share = Math.floor((ctx.endAt - performance.now()) / rounds);

  return Promise.all(probed.map(async (h): Promise<SmtpHostResult> => {
    const where = label(h, port);
    const exceeded = (why: string): SmtpHostResult => ({
      host: stubHost(h, port, 'ETIMEDOUT', why),
      findings: [makeFinding('probe-budget-exceeded', { title: `${where} was not fully probed: the time budget ran out`, evidence: why, host: where })],
    });

    const cancelled = (): SmtpHostResult => ({
      host: stubHost(h, port, 'ABORTED', 'The probe was cancelled before this host was probed.'),
      findings: [makeFinding('probe-aborted', { host: where, evidence: 'cancelled before the session started' })],
    });
    const callerCancelled = () => ctx.signal.aborted && opts.signal?.aborted === true;

    let release: () => void;
    try {
      release = await sessions.acquire(ctx.signal);
    } catch {
      return callerCancelled() ? cancelled() : exceeded('No free SMTP session slot before the deadline (other probes were running).');
    }
    try {
      if (callerCancelled()) return cancelled();
      const timeoutMs = Math.floor(Math.min(share, ctx.endAt - performance.now()));
      if (timeoutMs < MIN_HOST_MS) return exceeded(`Only ${Math.max(0, timeoutMs)} ms of the budget were left for this host.`);

      ctx.emit('smtp', `Connecting to ${where}`, { host: where });
      const hostController = new AbortController();
      const onOuter = () => hostController.abort(ctx.signal.reason);
      ctx.signal.addEventListener('abort', onOuter, { once: true });
      if (ctx.signal.aborted) onOuter();
      const started = performance.now();
      try {
        const options: SmtpProbeOptions = {
          heloName: opts.config.heloName,
          timeoutMs,
          signal: hostController.signal,
          ...(opts.config.mailFrom ? { mailFrom: opts.config.mailFrom } : {}),
          ...(ctx.rcpt ? { rcpt: ctx.rcpt } : {}),
          ...(ctx.auth ? { auth: ctx.auth } : {}),
          ...(opts.trustedCa ? { trustedCa: opts.trustedCa } : {}),
          ...(opts.legacyTlsCheck !== undefined ? { legacyTlsCheck: opts.legacyTlsCheck } : {}),
        };
        const result = await cutOff(prober({ name: h.name, ip: h.ip, port }, options), timeoutMs, hostController.signal);
        if (result === TIMED_OUT) {
          hostController.abort(new Error('host budget exhausted'));
          if (callerCancelled()) return cancelled();
          ctx.emit('smtp', `${where}: no result within ${timeoutMs} ms`, { host: where, outcome: 'error' });
          return exceeded(`The session did not finish within its ${timeoutMs} ms share of the budget and was cut off.`);
        }
        const outcome: Outcome = worstOutcome(result.findings);
        ctx.emit('smtp', `${where}: ${outcome} in ${Math.round(performance.now() - started)} ms`, { host: where, outcome });
        return result;
      } catch (err) {
        ctx.emit('smtp', `${where}: probe failed`, { host: where, outcome: 'error' });
        return {
          host: stubHost(h, port, 'EINTERNAL', 'The probe of this host failed inside smtpcheck.'),
          findings: [makeFinding('probe-internal-error', { host: where, evidence: err instanceof Error ? err.message : String(err) })],
        };
      } finally {
        ctx.signal.removeEventListener('abort', onOuter);
        hostController.abort();
      }
    } finally {
      release();
    }
  }));
}
