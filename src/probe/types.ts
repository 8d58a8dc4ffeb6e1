/**
 * Shapes of a live probe's result. The JSON output of `smtpcheck probe --json` is exactly a ProbeReport.
 */

export type TargetKind = 'domain' | 'host' | 'address';

export interface ProbeTarget {
  kind: TargetKind;
  /** What the user typed, normalised (lower-case domain, IDN to ASCII). */
  input: string;
  /** Domain to resolve MX for (domain and address targets). */
  domain?: string;
  /** Host name or IP literal (host targets). */
  host?: string;
  port?: number;
  /** Full address for an optional RCPT check (address targets or --rcpt). */
  address?: string;
}

export type Outcome = 'pass' | 'warn' | 'fail' | 'skip' | 'error';

export interface Finding {
  /** Stable id, e.g. 'auth-not-offered', 'cert-expired', 'mx-missing'. */
  id: string;
  outcome: Outcome;
  /** One line a postmaster would write. */
  title: string;
  /** The server's exact words or the DNS answer that shows it. */
  evidence?: string;
  /** `name[ip]:port` the finding is about, when it is about one host. */
  host?: string;
  /** Time the step took, in milliseconds. */
  ms?: number;
}

export interface SmtpStep {
  /** connect, banner, ehlo, starttls, ehlo-tls, auth, mail, rcpt, rset, quit */
  step: string;
  ms: number;
  ok: boolean;
  /** Verbatim reply (multi-line joined with \n), bounded in size. */
  reply?: string;
}

export interface CertInfo {
  subject?: string;
  issuer?: string;
  altNames?: string[];
  validFrom?: string;
  validTo?: string;
  daysLeft?: number;
  /** Chain verifies against the system trust store. */
  trusted: boolean;
  /** Node's authorizationError code when not trusted (DEPTH_ZERO_SELF_SIGNED_CERT …). */
  trustError?: string;
  /** Certificate names cover the host name probed. Reported separately from trust. */
  nameMatches: boolean;
  fingerprint256?: string;
  /** Subjects from the leaf up to the last certificate the server sent (only when more than one). */
  chain?: string[];
}

export interface HostProbe {
  name: string;
  ip: string;
  port: number;
  /** How the session reached TLS: 'starttls', 'implicit-tls' (port 465) or 'plain' (never upgraded). */
  mode?: 'starttls' | 'implicit-tls' | 'plain';
  steps: SmtpStep[];
  banner?: string;
  /** before: EHLO in plaintext; after: EHLO over TLS (after STARTTLS, or the only one on implicit TLS). */
  ehlo: { before?: string[]; after?: string[] };
  /** Every advertised AUTH mechanism (NTLM, GSSAPI … included), split the same way as `ehlo`. */
  auth: { before?: string[]; after?: string[] };
  tls?: {
    protocol?: string;
    cipher?: string;
    cert?: CertInfo;
    /** Best protocol of the extra TLS 1.0–1.1 handshake, when that check ran and succeeded. */
    legacyProtocol?: string;
  };
  size?: number;
  /** Transcript lines ("S: 220 …", "C: EHLO …"), credentials masked. */
  transcript: string[];
  error?: { code?: string; message: string; command?: string; response?: string };
}

export interface DnsReport {
  mx?: { exchange: string; priority: number; addresses: string[] }[];
  nullMx?: boolean;
  /** True when there was no MX and the domain's A/AAAA was used (RFC 5321 §5.1). */
  implicitMx?: boolean;
  ptr?: Record<string, { names: string[]; forwardConfirmed: boolean }>;
  spf?: { record?: string; error?: string };
  dmarc?: { record?: string; policy?: string; error?: string };
  mtaSts?: { record?: string; policy?: { mode: string; mx: string[]; maxAge?: number }; error?: string };
  tlsRpt?: { record?: string; error?: string };
  dnsbl?: {
    ip: string;
    zone: string;
    listed: boolean;
    answer?: string;
    /** The list's TXT reason, when listed. */
    reason?: string;
    /** The list refused to answer (e.g. Spamhaus 127.255.255.x): listing unknown. */
    refused?: boolean;
    /** The query failed (timeout, SERVFAIL): listing unknown. */
    error?: string;
  }[];
  /** Each lookup with its time, for the transcript and timing view. */
  lookups: { name: string; type: string; ms: number; answer?: string; error?: string }[];
}

export interface ProbeReport {
  target: string;
  kind: TargetKind;
  startedAt: string;
  ms: number;
  dns: DnsReport;
  hosts: HostProbe[];
  findings: Finding[];
  /** One line summing the findings, the most serious first. */
  verdict: string;
  /** Worst outcome over all findings. */
  outcome: Outcome;
}

/**
 * Progress of a running probe, for terminals and Slack ("resolving MX…", "mx1 done"). Every event
 * carries a ready-to-show `message`; the other fields let a renderer do better.
 */
export interface ProbeProgress {
  stage: 'start' | 'dns' | 'smtp' | 'checks' | 'done';
  message: string;
  /** Milliseconds since the probe started. */
  elapsedMs: number;
  /** `name[ip]:port` when the event is about one host. */
  host?: string;
  /** Set on per-host 'smtp' completion and on 'done'. */
  outcome?: Outcome;
}
