/**
 * Why a session ended early, as one finding: where it stopped (the phase, read from the steps) and how
 * (the kind, read from nodemailer's error or our own deadline/abort) are looked up in a rule table.
 */
import type { NodemailerError } from 'nodemailer/lib/errors';
import type { SessionEnd } from './session';
import type { StepRecord } from './steps';

export type FailureKind = 'timeout' | 'rejected' | 'closed' | 'tls' | 'too-large' | 'aborted';

export interface SessionFailure {
  id: string;
  kind: FailureKind;
  /** Step the session stopped in: banner, ehlo, helo, starttls, tls, ehlo-tls, auth, mail, rcpt … */
  phase: string;
  /** The server's words, or the error code and message when the server said nothing. */
  evidence: string;
  ms: number;
  /** Reply code when the server answered (421, 454, 554 …). */
  code?: number;
}

interface FailureRule {
  phases?: string[];
  kinds?: FailureKind[];
  id: string;
}

const EHLO_PHASES = ['ehlo', 'helo', 'ehlo-tls', 'helo-tls'];

/** First match wins. */
const FAILURE_RULES: FailureRule[] = [
  { kinds: ['aborted'], id: 'probe-aborted' },
  { kinds: ['too-large'], id: 'reply-too-large' },
  { phases: ['banner'], kinds: ['timeout'], id: 'banner-timeout' },
  { phases: ['banner'], kinds: ['rejected'], id: 'banner-rejected' },
  { phases: ['banner'], kinds: ['closed', 'tls'], id: 'banner-missing' },
  { phases: EHLO_PHASES, kinds: ['rejected'], id: 'ehlo-rejected' },
  { phases: ['starttls'], id: 'starttls-failed' },
  { phases: ['tls'], id: 'tls-failed' },
  { kinds: ['timeout'], id: 'reply-timeout' },
  { id: 'connection-dropped' },
];

/** nodemailer has no code of its own for an oversized reply, only this message (EPROTOCOL). */
const TOO_LARGE = /exceeds maximum allowed size/i;

function kindOf(end: SessionEnd | undefined, err: NodemailerError | undefined, phase: string): FailureKind {
  if (end?.kind === 'deadline') return 'timeout';
  if (end?.kind === 'aborted') return 'aborted';
  if (!err) return 'closed';
  if (err.code === 'ETIMEDOUT') return 'timeout';
  if (err.code === 'EPROTOCOL' && TOO_LARGE.test(err.message)) return 'too-large';
  if (err.responseCode) return 'rejected';
  if (phase === 'starttls' || phase === 'tls') return 'tls';
  return 'closed';
}

export function classifyFailure(
  steps: StepRecord[],
  end: SessionEnd | undefined,
  err: NodemailerError | undefined,
): SessionFailure {
  // The last step is where it stopped: unanswered (stalled) or answered with a refusal.
  const last = steps[steps.length - 1];
  const phase = last?.step ?? 'banner';
  const kind = kindOf(end, err, phase);
  const rule = FAILURE_RULES.find((r) => (!r.phases || r.phases.includes(phase)) && (!r.kinds || r.kinds.includes(kind)));
  const failure: SessionFailure = { id: rule?.id ?? 'connection-dropped', kind, phase, evidence: evidenceOf(kind, last, err, end), ms: last?.ms ?? 0 };
  const code = err?.responseCode ?? (last?.answered ? last.code : undefined);
  if (code) failure.code = code;
  return failure;
}

function evidenceOf(kind: FailureKind, last: StepRecord | undefined, err: NodemailerError | undefined, end: SessionEnd | undefined): string {
  if (err?.response) return err.response;
  if (last?.answered && last.reply && kind === 'rejected') return last.reply;
  if (kind === 'timeout') return `no reply within ${last?.ms ?? 0} ms${err?.timeoutType ? ` (${err.timeoutType})` : ''}`;
  if (kind === 'aborted') return 'probe aborted';
  if (err) {
    const code = err.originalCode && err.originalCode !== err.code ? `${err.code}/${err.originalCode}` : err.code;
    return `${code ?? 'error'}: ${shortMessage(err.message)}`;
  }
  return end?.kind === 'closed' ? 'the server closed the connection' : 'session ended';
}

/**
 * OpenSSL errors arrive as "8040…:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol
 * version:../deps/openssl/…:1601:SSL alert number 70"; the reason phrase is what a person needs.
 */
export function shortMessage(message: string): string {
  const ssl = /:SSL routines:[^:]*:([^:]+):/.exec(message);
  const alert = /SSL alert number (\d+)/.exec(message);
  if (ssl) return ssl[1].trim() + (alert ? ` (TLS alert ${alert[1]})` : '');
  return message.trim();
}
