/**
 * Public contract of the SMTP/TLS side of the live probe (called by runProbe in src/probe/index.ts).
 * Result shapes (HostProbe, Finding, CertInfo, SmtpStep) live in src/probe/types.ts.
 */
import type { Finding, HostProbe } from '../types';

/**
 * How the session reaches TLS. Default: port 465 → 'implicit-tls', every other port → 'starttls'.
 * 'plain' never upgrades (shows what a client that ignores STARTTLS sees) and never sends credentials.
 */
export type SmtpMode = 'starttls' | 'implicit-tls' | 'plain';

/**
 * What the port is for, which decides how strict the grading is.
 * 'mx': server-to-server relay (port 25). TLS there is opportunistic (RFC 7435, RFC 3207): a self-signed,
 *   expired or mismatched certificate, or a missing STARTTLS, is a warning — senders still deliver.
 * 'submission': clients log in (465/587, RFC 8314): certificate problems and missing STARTTLS fail.
 * Default comes from the port (see port-role.ts); unknown ports such as test ports grade like 'mx'.
 */
export type PortRole = 'mx' | 'submission';

export interface SmtpHostTarget {
  /** Host name: used for SNI and certificate name checks, never resolved here. May be an IP literal. */
  name: string;
  /** Address already vetted by the guard; the only address this module connects to. */
  ip: string;
  port: number;
}

export interface SmtpProbeOptions {
  /** EHLO argument (an FQDN with forward and reverse DNS in production). */
  heloName: string;
  /** Envelope sender for the RCPT check; '' or undefined sends MAIL FROM:<>. */
  mailFrom?: string;
  /** When set: MAIL FROM, RCPT TO, RSET, QUIT — never DATA. */
  rcpt?: string;
  /** Tested only over TLS and only when the server advertises AUTH. Never logged or returned. */
  auth?: { user: string; pass: string };
  /** Budget for the whole host session, including the legacy-TLS retry. */
  timeoutMs: number;
  /** Aborts the session; the result then carries a 'probe-aborted' finding. */
  signal?: AbortSignal;
  mode?: SmtpMode;
  /** Optional: overrides the grading role derived from the port. */
  role?: PortRole;
  /**
   * Optional: CA certificates (PEM) to trust instead of the system store — for tests and private PKI.
   * Node replaces the default store when this is set.
   */
  trustedCa?: string | string[];
  /** Optional: set false to skip the extra TLS 1.0/1.1 handshake after a failed or legacy main handshake. */
  legacyTlsCheck?: boolean;
}

export interface SmtpHostResult {
  host: HostProbe;
  findings: Finding[];
}
