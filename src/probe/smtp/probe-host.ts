/**
 * One SMTP host session from connect to QUIT: TCP to the vetted IP, banner, EHLO, STARTTLS (or implicit
 * TLS), EHLO again, certificate grading, the optional AUTH and recipient checks, QUIT — and, only when the
 * TLS handshake failed, one extra TLS 1.0–1.1 handshake. Never DATA.
 *
 * Never throws for anything the network or the server does: every outcome becomes a finding.
 */
import net from 'node:net';
import type tls from 'node:tls';
import { ErrorCode, SmtpcheckError } from '../../errors';
import { planAuthTest } from './auth-test';
import { Budget } from './budget';
import { gradeTls } from './certificate';
import { envelopeHandler, usableAddress, type EnvelopeResult } from './envelope';
import type { SessionFacts } from './facts';
import { classifyFailure } from './failures';
import { buildHostProbe } from './host-probe';
import { tryLegacyTls } from './legacy-tls';
import { defaultMode, portRole } from './port-role';
import { parseEhlo, type EhloInfo } from './reply';
import { SmtpSession, type StepResult } from './session';
import { buildSteps, type StepRecord } from './steps';
import { buildFindings } from './smtp-findings';
import { openTcp } from './tcp';
import { Transcript } from './transcript';
import type { SmtpHostResult, SmtpHostTarget, SmtpMode, SmtpProbeOptions } from './types';

/** Largest single reply accepted; real replies are a few hundred bytes, this only stops a flood. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export async function probeSmtpHost(target: SmtpHostTarget, opts: SmtpProbeOptions): Promise<SmtpHostResult> {
  validate(target, opts);
  const mode = opts.mode ?? defaultMode(target.port);
  const budget = new Budget(opts.timeoutMs);
  // The AUTH PLAIN initial response (base64 of "\0user\0pass") decodes to the password too; a server that
  // echoes what it received must not smuggle it into the transcript.
  const auth = opts.auth;
  const transcript = new Transcript(auth ? [auth.pass, `\0${auth.user}\0${auth.pass}`, `${auth.user}\0${auth.pass}`] : []);
  const facts: SessionFacts = {
    target,
    label: `${target.name}[${target.ip}]:${target.port}`,
    role: opts.role ?? portRole(target.port),
    mode,
    hasCredentials: !!opts.auth,
    connect: { ok: false, ms: 0 },
    steps: [],
  };
  if (opts.rcpt !== undefined) facts.rcpt = planRcpt(opts.rcpt, opts.mailFrom ?? '');

  const tcp = await openTcp(target.ip, target.port, budget.remaining(), opts.signal);
  facts.connect = { ok: !!tcp.socket, ms: tcp.ms, errorCode: tcp.errorCode, errorMessage: tcp.errorMessage };
  if (!tcp.socket) {
    transcript.note(`connection to ${target.ip}:${target.port} failed after ${tcp.ms} ms: ${tcp.errorCode}`);
    return finish(facts, transcript);
  }
  const tcpAt = performance.now();
  transcript.connected(`connected to ${target.ip}:${target.port} in ${tcp.ms} ms`);

  const envelope: EnvelopeResult = {};
  const runEnvelope = facts.rcpt && !facts.rcpt.skipped;
  const session = new SmtpSession({
    socket: tcp.socket,
    name: target.name,
    heloName: opts.heloName,
    secure: mode === 'implicit-tls',
    ignoreTls: mode === 'plain',
    tls: tlsOptions(opts),
    transcript,
    budget,
    signal: opts.signal,
    maxResponseSize: MAX_RESPONSE_BYTES,
    envelope: runEnvelope && facts.rcpt ? envelopeHandler(facts.rcpt.mailFrom, facts.rcpt.address, transcript, envelope) : undefined,
    onSecure: (socket) => {
      facts.tls = gradeTls(socket, target.name);
    },
  });

  let failed: StepResult<void> | undefined;
  let endedAt = 0;
  // A refused login leaves the session usable; anything else that is not ok ends it.
  const check = (r: StepResult<void>): boolean => {
    if (r.ok || ('err' in r && r.err.code === 'EAUTH' && !session.end)) return true;
    failed ??= r;
    endedAt ||= performance.now();
    return false;
  };
  try {
    if (check(await session.handshake())) {
      readEhlo(facts, buildSteps(transcript.entries, mode, tcpAt, performance.now()), mode);
      if (await authTest(session, facts, opts, check) && runEnvelope && facts.rcpt) {
        check(await session.envelope());
        facts.rcpt.result = envelope;
      }
    }
  } finally {
    await session.quit();
  }

  facts.steps = buildSteps(transcript.entries, mode, tcpAt, endedAt || performance.now());
  readEhlo(facts, facts.steps, mode);
  if (failed) {
    facts.error = SmtpSession.errorOf(failed);
    facts.failure = classifyFailure(facts.steps, failed.ok ? undefined : 'end' in failed ? failed.end : undefined, facts.error);
    transcript.note(`session ended early: ${transcript.scrub(facts.failure.evidence)}`);
  }
  if (shouldTryLegacyTls(facts, opts, budget)) {
    facts.legacy = await tryLegacyTls(target, mode === 'implicit-tls', opts.heloName, budget, opts.signal);
    transcript.note(facts.legacy.protocol
      ? `extra handshake offering only TLS 1.0-1.1: negotiated ${facts.legacy.protocol}`
      : `extra handshake offering only TLS 1.0-1.1 failed too: ${facts.legacy.error}`);
  }
  return finish(facts, transcript);
}

function finish(facts: SessionFacts, transcript: Transcript): SmtpHostResult {
  const findings = buildFindings(facts).map((f) => {
    if (f.evidence !== undefined) f.evidence = transcript.scrub(f.evidence);
    f.title = transcript.scrub(f.title);
    return f;
  });
  return { host: buildHostProbe(facts, transcript), findings };
}

/** Runs the AUTH test when credentials are configured; false when the session died during it. */
async function authTest(
  session: SmtpSession,
  facts: SessionFacts,
  opts: SmtpProbeOptions,
  check: (r: StepResult<void>) => boolean,
): Promise<boolean> {
  if (!opts.auth) return true;
  const plan = planAuthTest(session.conn.secure, facts.ehloAfter?.auth, facts.tls?.cert);
  if (!plan.run) {
    facts.authTest = { status: 'skipped', reason: plan.reason };
    return true;
  }
  const result = await session.login(opts.auth.user, opts.auth.pass, plan.method);
  if (result.ok) {
    facts.authTest = { status: 'ok', method: plan.method };
    return true;
  }
  if ('err' in result && result.err.code === 'EAUTH') {
    const t = { status: 'failed' as const, method: plan.method, message: result.err.message };
    facts.authTest = result.err.response ? { ...t, reply: result.err.response, code: result.err.responseCode } : t;
  } else {
    facts.authTest = { status: 'interrupted', method: plan.method };
  }
  return check(result);
}

/** The EHLO lists as the server sent them, from the transcript (nodemailer's own lists are filtered). */
function readEhlo(facts: SessionFacts, steps: StepRecord[], mode: SmtpMode): void {
  const info = (ehlo: string, helo: string): EhloInfo | undefined => {
    const e = steps.find((s) => s.step === ehlo && s.ok);
    if (e?.fullReply) return parseEhlo(e.fullReply);
    return steps.some((s) => s.step === helo && s.ok) ? { extensions: [], auth: [], startTls: false, heloOnly: true } : undefined;
  };
  if (mode === 'implicit-tls') {
    facts.ehloAfter = info('ehlo', 'helo');
  } else {
    facts.ehloBefore = info('ehlo', 'helo');
    facts.ehloAfter = info('ehlo-tls', 'helo-tls');
  }
}

/** Only a handshake that broke (not a refusal or a timeout), only with budget left, only once. */
function shouldTryLegacyTls(facts: SessionFacts, opts: SmtpProbeOptions, budget: Budget): boolean {
  const f = facts.failure;
  return opts.legacyTlsCheck !== false && !opts.signal?.aborted && !budget.expired() &&
    !!f && f.kind === 'tls' && (f.id === 'starttls-failed' || f.id === 'tls-failed');
}

function planRcpt(address: string, mailFrom: string): NonNullable<SessionFacts['rcpt']> {
  const plan: NonNullable<SessionFacts['rcpt']> = { address, mailFrom };
  if (!usableAddress(address)) plan.skipped = 'the recipient address cannot be used in RCPT TO as given';
  else if (mailFrom !== '' && !usableAddress(mailFrom)) plan.skipped = 'the sender address cannot be used in MAIL FROM as given';
  return plan;
}

function tlsOptions(opts: SmtpProbeOptions): tls.ConnectionOptions {
  // Every certificate is accepted so it can be graded and reported, never trusted blindly for anything.
  const o: tls.ConnectionOptions = { rejectUnauthorized: false };
  if (opts.trustedCa) o.ca = opts.trustedCa;
  return o;
}

function validate(target: SmtpHostTarget, opts: SmtpProbeOptions): void {
  if (!net.isIP(target.ip)) throw new SmtpcheckError(ErrorCode.BadTarget, `"${target.ip}" is not an IP address; the SMTP probe connects to vetted addresses only.`);
  if (!Number.isInteger(target.port) || target.port < 1 || target.port > 65535) {
    throw new SmtpcheckError(ErrorCode.BadTarget, `Port ${target.port} is not a TCP port (1-65535).`);
  }
  if (!target.name) throw new SmtpcheckError(ErrorCode.BadTarget, 'The host name for SNI and certificate checks is empty.');
  if (!(opts.timeoutMs > 0) || !Number.isFinite(opts.timeoutMs)) {
    throw new SmtpcheckError(ErrorCode.BadInput, `The probe time budget must be a positive number of milliseconds, not ${opts.timeoutMs}.`);
  }
  if (opts.mode !== undefined && !['starttls', 'implicit-tls', 'plain'].includes(opts.mode)) {
    throw new SmtpcheckError(ErrorCode.BadInput, `SMTP mode "${opts.mode}" is not one of starttls, implicit-tls, plain.`);
  }
  if (!opts.heloName || /[\r\n\s]/.test(opts.heloName)) {
    throw new SmtpcheckError(ErrorCode.BadInput, 'The EHLO name must be a single word (a host name), e.g. probe.example.com.');
  }
}
