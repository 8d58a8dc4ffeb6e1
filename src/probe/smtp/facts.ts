/**
 * Everything one host session established, gathered in one place so that turning it into findings
 * (smtp-findings.ts) and into a HostProbe (host-probe.ts) are plain functions of it.
 */
import type { AuthTestResult } from './auth-test';
import type { TlsFacts } from './certificate';
import type { EnvelopeResult } from './envelope';
import type { SessionFailure } from './failures';
import type { LegacyTlsResult } from './legacy-tls';
import type { EhloInfo } from './reply';
import type { StepRecord } from './steps';
import type { PortRole, SmtpHostTarget, SmtpMode } from './types';
import type { NodemailerError } from 'nodemailer/lib/errors';

export interface SessionFacts {
  target: SmtpHostTarget;
  /** `name[ip]:port`, the Finding.host of every finding. */
  label: string;
  role: PortRole;
  mode: SmtpMode;
  hasCredentials: boolean;
  connect: { ok: boolean; ms: number; errorCode?: string; errorMessage?: string };
  steps: StepRecord[];
  /** Plaintext EHLO (or HELO fallback, which has no extensions). */
  ehloBefore?: EhloInfo;
  /** EHLO over TLS: after STARTTLS, or the only one on implicit TLS. */
  ehloAfter?: EhloInfo;
  tls?: TlsFacts;
  legacy?: LegacyTlsResult;
  authTest?: AuthTestResult;
  rcpt?: { mailFrom: string; address: string; result?: EnvelopeResult; skipped?: string };
  failure?: SessionFailure;
  error?: NodemailerError;
}

/** The first step with this name. */
export function stepNamed(facts: SessionFacts, name: string): StepRecord | undefined {
  return facts.steps.find((s) => s.step === name);
}
