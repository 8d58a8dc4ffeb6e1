/**
 * Errors are a vocabulary: each has a stable code, a message safe to show a user,
 * and never a secret. Adapters map codes to wording; nothing matches on message text.
 */
export enum ErrorCode {
  BadInput = 'smtpcheck_bad_input',
  InputTooLarge = 'smtpcheck_input_too_large',
  BinaryInput = 'smtpcheck_binary_input',
  BadTarget = 'smtpcheck_bad_target',
  TargetRefused = 'smtpcheck_target_refused',
  PortRefused = 'smtpcheck_port_refused',
  RateLimited = 'smtpcheck_rate_limited',
  ProbeTimeout = 'smtpcheck_probe_timeout',
  Config = 'smtpcheck_config',
  Internal = 'smtpcheck_internal',
}

export class SmtpcheckError extends Error {
  readonly code: ErrorCode;
  /** Extra fields for logs (never secrets). */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'SmtpcheckError';
    this.code = code;
    this.details = details;
  }
}

/** Wrap anything thrown into a SmtpcheckError, keeping the original for logs only. */
export function asSmtpcheckError(err: unknown): SmtpcheckError {
  if (err instanceof SmtpcheckError) return err;
  const e = new SmtpcheckError(ErrorCode.Internal, 'Something went wrong inside smtpcheck.');
  (e as { cause?: unknown }).cause = err;
  return e;
}
