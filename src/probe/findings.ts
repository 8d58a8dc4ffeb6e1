/**
 * The finding vocabulary: every id a probe can report, with its default title and outcome.
 *
 * A plain data table so that adding a check is adding a row. `weight` orders findings of the same
 * outcome in the verdict (higher = said first); rows without one sort after weighted rows.
 * Titles are defaults — a check may pass a more specific title (naming the host, the record …).
 *
 * Shared between the DNS/orchestration side (H4) and the SMTP/TLS side (H5): add rows, never rename.
 */
import type { Finding, Outcome } from './types';

export interface FindingDefault {
  outcome: Outcome;
  title: string;
  /** Seriousness within the outcome (0–100); decides the order of the verdict line. */
  weight?: number;
}

export const FINDING_DEFAULTS: Record<string, FindingDefault> = {
  // --- target and safety guard ---
  'address-refused': { outcome: 'error', weight: 60, title: 'Address not probed: it is private, local or reserved' },
  'probe-budget-exceeded': { outcome: 'error', weight: 50, title: 'Did not finish within the probe\'s time budget' },
  'probe-internal-error': { outcome: 'error', weight: 40, title: 'The probe of this host failed inside smtpcheck' },
  'port25-blocked': { outcome: 'error', weight: 90, title: 'This bot\'s network cannot reach port 25 (outbound SMTP is blocked here); this is not the target\'s fault' },
  'mx-unreachable': { outcome: 'fail', weight: 85, title: 'No mail host could be reached: every connection attempt timed out' },

  // --- DNS: MX and addresses ---
  'domain-not-found': { outcome: 'fail', weight: 100, title: 'Domain does not exist (NXDOMAIN)' },
  'dns-error': { outcome: 'error', weight: 70, title: 'DNS lookup failed' },
  'null-mx': { outcome: 'fail', weight: 95, title: 'Domain publishes a null MX: it accepts no mail (RFC 7505)' },
  'mx-missing': { outcome: 'warn', weight: 40, title: 'No MX records: senders fall back to the domain\'s A/AAAA address (RFC 5321 §5.1)' },
  'mx-ok': { outcome: 'pass', title: 'MX records found' },
  'mx-no-address': { outcome: 'fail', weight: 60, title: 'MX host has no A/AAAA address' },
  'mx-ip-literal': { outcome: 'warn', weight: 30, title: 'MX record names an IP address instead of a host name (not allowed by RFC 5321)' },
  'mx-capped': { outcome: 'skip', title: 'More MX hosts or addresses than smtpcheck probes; the rest were not contacted' },
  'no-mail-host': { outcome: 'fail', weight: 90, title: 'No mail host address found: mail to this domain cannot be delivered' },
  'host-not-found': { outcome: 'fail', weight: 90, title: 'Host name does not resolve to any address' },

  // --- DNS: reverse DNS ---
  'ptr-ok': { outcome: 'pass', title: 'Reverse DNS (PTR) is forward-confirmed' },
  'ptr-missing': { outcome: 'warn', weight: 30, title: 'No reverse DNS (PTR) for the mail host address' },
  'ptr-mismatch': { outcome: 'warn', weight: 25, title: 'Reverse DNS name does not resolve back to the address (not forward-confirmed)' },

  // --- DNS: sender authentication records ---
  'spf-ok': { outcome: 'pass', title: 'SPF record published' },
  'spf-missing': { outcome: 'warn', weight: 35, title: 'No SPF record: receivers cannot tell which servers may send for this domain' },
  'spf-multiple': { outcome: 'fail', weight: 55, title: 'More than one SPF record: receivers treat this as a permanent error (RFC 7208 §4.5)' },
  'spf-invalid': { outcome: 'fail', weight: 50, title: 'SPF record has an error (permerror): receivers ignore or reject it' },
  'spf-too-many-lookups': { outcome: 'fail', weight: 50, title: 'SPF needs more than 10 DNS lookups: receivers return permerror (RFC 7208 §4.6.4)' },
  'spf-permissive': { outcome: 'warn', weight: 30, title: 'SPF ends in +all: anyone may send as this domain' },
  'dmarc-ok': { outcome: 'pass', title: 'DMARC record published' },
  'dmarc-missing': { outcome: 'warn', weight: 30, title: 'No DMARC record: large mailbox providers require one from bulk senders' },
  'dmarc-multiple': { outcome: 'fail', weight: 45, title: 'More than one DMARC record: receivers ignore them all (RFC 7489 §6.6.3)' },
  'dmarc-invalid': { outcome: 'fail', weight: 45, title: 'DMARC record is malformed: receivers ignore it' },

  // --- DNS: transport security policies ---
  'mta-sts-ok': { outcome: 'pass', title: 'MTA-STS policy published and covers every MX host' },
  'mta-sts-missing': { outcome: 'skip', title: 'No MTA-STS policy (optional)' },
  'mta-sts-invalid': { outcome: 'fail', weight: 65, title: 'MTA-STS is broken: senders that honour it may refuse to deliver' },
  'mta-sts-tls-mismatch': { outcome: 'fail', weight: 75, title: 'MTA-STS is enforced but an MX host fails its TLS requirements: senders that honour it will not deliver there' },
  'tls-rpt-ok': { outcome: 'pass', title: 'TLS-RPT reporting address published' },
  'tls-rpt-missing': { outcome: 'skip', title: 'No TLS-RPT record (optional): you will not hear about TLS delivery failures' },
  'tls-rpt-invalid': { outcome: 'warn', weight: 15, title: 'TLS-RPT record is malformed' },

  // --- DNS: blocklists ---
  'dnsbl-clean': { outcome: 'pass', title: 'Mail host addresses are not on the checked blocklists' },
  'dnsbl-listed': { outcome: 'fail', weight: 70, title: 'Mail host address is on a DNS blocklist' },
  'dnsbl-refused': { outcome: 'skip', title: 'Blocklist refused the query (public-resolver or rate limit answer); listing unknown' },
  'dnsbl-error': { outcome: 'skip', title: 'Blocklist could not be queried' },

  // --- SMTP / TLS (H5) ---
  // Connection and greeting
  'connect-ok': { outcome: 'pass', title: 'TCP connection accepted' },
  'connect-refused': { outcome: 'fail', weight: 80, title: 'Connection refused: nothing listens on the port, or a firewall rejects it' },
  'connect-timeout': { outcome: 'fail', weight: 80, title: 'Connection timed out: a firewall drops the traffic or the host is down' },
  'connect-failed': { outcome: 'fail', weight: 75, title: 'Could not connect (no route to the host or network error)' },
  'probe-aborted': { outcome: 'skip', title: 'Probe was cancelled before this host finished' },
  'banner-ok': { outcome: 'pass', title: 'Server greets with 220' },
  'banner-slow': { outcome: 'warn', weight: 20, title: 'Greeting is slow (tarpit or pre-greeting delay): impatient senders may give up' },
  'banner-timeout': { outcome: 'fail', weight: 75, title: 'Connection accepted, but the server never sent its greeting' },
  'banner-rejected': { outcome: 'fail', weight: 80, title: 'Server refuses the connection in its greeting (421/554 instead of 220)' },
  'banner-missing': { outcome: 'fail', weight: 70, title: 'Server closed the connection without a greeting' },
  'ehlo-ok': { outcome: 'pass', title: 'EHLO accepted' },
  'ehlo-rejected': { outcome: 'fail', weight: 70, title: 'Server rejects EHLO (no ESMTP: no STARTTLS, AUTH or SIZE)' },
  'reply-timeout': { outcome: 'fail', weight: 60, title: 'Server stopped answering in the middle of the session' },
  'reply-too-large': { outcome: 'fail', weight: 50, title: 'Server sent an oversized reply; smtpcheck stopped reading' },
  'connection-dropped': { outcome: 'fail', weight: 60, title: 'Server closed the connection in the middle of the session' },
  // TLS
  'starttls-ok': { outcome: 'pass', title: 'STARTTLS succeeded' },
  'starttls-offered': { outcome: 'pass', title: 'STARTTLS offered (not used by a plaintext-only probe)' },
  'starttls-not-offered': { outcome: 'warn', weight: 45, title: 'STARTTLS not offered: mail to this host travels unencrypted' },
  'starttls-failed': { outcome: 'fail', weight: 70, title: 'STARTTLS failed (refused with 454, or the TLS handshake broke)' },
  'tls-ok': { outcome: 'pass', title: 'TLS on connect (implicit TLS) succeeded' },
  'tls-failed': { outcome: 'fail', weight: 70, title: 'TLS handshake on connect (implicit TLS) failed' },
  'tls-legacy-only': { outcome: 'fail', weight: 65, title: 'Server only speaks TLS 1.0/1.1, which current TLS libraries refuse' },
  // Certificate — outcomes are warn on MX ports (opportunistic TLS, RFC 7435) and fail on 465/587
  'cert-ok': { outcome: 'pass', title: 'Certificate is trusted, valid and covers the host name' },
  'cert-expired': { outcome: 'warn', weight: 50, title: 'Certificate has expired' },
  'cert-not-yet-valid': { outcome: 'warn', weight: 45, title: 'Certificate is not valid yet' },
  'cert-untrusted': { outcome: 'warn', weight: 40, title: 'Certificate is not trusted (self-signed, unknown issuer or missing intermediate)' },
  'cert-name-mismatch': { outcome: 'warn', weight: 40, title: 'Certificate does not cover the host name' },
  'cert-expiring-soon': { outcome: 'warn', weight: 20, title: 'Certificate expires within two weeks' },
  // AUTH — 'auth-not-offered' passes on an MX probed without credentials (normal there) and fails on
  // submission ports or when credentials were configured: it is the evidence for "rejected AUTH negotiation".
  'auth-offered': { outcome: 'pass', title: 'SMTP AUTH offered' },
  'auth-only-after-starttls': { outcome: 'pass', title: 'AUTH offered only after STARTTLS: senders must start TLS before they authenticate' },
  'auth-not-offered': { outcome: 'pass', weight: 85, title: 'No SMTP AUTH offered: an internet MX expects anonymous delivery, so a connector set to authenticate to it fails ("rejected AUTH negotiation")' },
  'auth-unknown': { outcome: 'skip', title: 'Whether AUTH is offered over TLS is unknown (TLS did not complete)' },
  'auth-before-tls': { outcome: 'warn', weight: 30, title: 'Password mechanisms offered before TLS: clients may send passwords unencrypted' },
  'auth-ok': { outcome: 'pass', title: 'Login with the configured account succeeded' },
  'auth-failed': { outcome: 'fail', weight: 70, title: 'Login with the configured account failed' },
  'auth-skipped': { outcome: 'skip', title: 'AUTH not tested' },
  // Recipient check (MAIL FROM / RCPT TO / RSET, never DATA)
  'rcpt-accepted': { outcome: 'pass', title: 'Server accepts the recipient (no message was sent)' },
  'rcpt-rejected': { outcome: 'fail', weight: 65, title: 'Server rejects the recipient: mail to this address bounces' },
  'rcpt-greylisted': { outcome: 'warn', weight: 25, title: 'Greylisted, retry later: real senders retry and get through' },
  'rcpt-deferred': { outcome: 'warn', weight: 30, title: 'Server temporarily refuses the recipient' },
  'mail-from-rejected': { outcome: 'fail', weight: 60, title: 'Server rejects the sender (MAIL FROM); the recipient was not tested' },
  'rcpt-skipped': { outcome: 'skip', title: 'Recipient not checked' },
};

/** Build a finding from its id, taking the table's defaults unless the caller gives its own. */
export function makeFinding(
  id: string,
  extra: Partial<Omit<Finding, 'id'>> = {},
): Finding {
  const def = FINDING_DEFAULTS[id];
  const finding: Finding = {
    id,
    outcome: extra.outcome ?? def?.outcome ?? 'error',
    title: extra.title ?? def?.title ?? id,
  };
  if (extra.evidence !== undefined) finding.evidence = extra.evidence;
  if (extra.host !== undefined) finding.host = extra.host;
  if (extra.ms !== undefined) finding.ms = extra.ms;
  return finding;
}
