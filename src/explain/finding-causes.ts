/**
 * What probe findings mean for causes, as data.
 *
 *  FINDING_CAUSES      finding id → the causes it points to, and the sentence to say when it confirms one.
 *  CONTRADICTED_BY     cause id → findings that argue against it, and why.
 *
 * Finding ids are the probe's vocabulary (probe/findings.ts FINDING_DEFAULTS). `{host}` in a sentence is
 * replaced by the host the finding is about (or the probe target).
 */
import type { CauseId } from '../kb/types';

export interface FindingMeaning {
  /** Causes this finding points to, most direct first. */
  causes: CauseId[];
  /** Said when the finding confirms a cause, e.g. "{host} offers no AUTH — deliver anonymously". */
  says: string;
}

export const FINDING_CAUSES: Readonly<Record<string, FindingMeaning>> = {
  // DNS: domain and MX
  'domain-not-found': { causes: ['recipient-domain-unknown'], says: '{host} does not exist in DNS' },
  'no-mail-host': { causes: ['recipient-domain-unknown'], says: '{host} has no mail host address at all' },
  'mx-no-address': { causes: ['recipient-domain-unknown', 'dns-failure'], says: 'an MX host of {host} has no address' },
  'mx-missing': { causes: ['recipient-domain-unknown'], says: '{host} has no MX record (senders fall back to its address record)' },
  'null-mx': { causes: ['null-mx'], says: '{host} publishes a null MX — it accepts no mail' },
  'dns-error': { causes: ['dns-failure'], says: 'the DNS lookup for {host} fails' },
  'host-not-found': { causes: ['dns-failure', 'recipient-domain-unknown'], says: '{host} does not resolve to any address' },
  'mx-unreachable': { causes: ['connection-timeout'], says: 'no mail host of {host} answers on port 25' },
  // DNS: reverse DNS, sender authentication, policies, blocklists
  'ptr-missing': { causes: ['ptr-missing'], says: '{host} has no reverse DNS (PTR)' },
  'ptr-mismatch': { causes: ['ptr-missing'], says: 'the reverse DNS of {host} does not point back to its address' },
  'spf-missing': { causes: ['auth-records-missing', 'spf-fail', 'bulk-sender-requirements'], says: '{host} publishes no SPF record' },
  'spf-invalid': { causes: ['spf-fail'], says: 'the SPF record of {host} has an error (permerror)' },
  'spf-multiple': { causes: ['spf-fail'], says: '{host} publishes more than one SPF record (permerror)' },
  'spf-too-many-lookups': { causes: ['spf-fail'], says: 'the SPF record of {host} needs more than 10 DNS lookups (permerror)' },
  'dmarc-missing': { causes: ['auth-records-missing', 'bulk-sender-requirements'], says: '{host} publishes no DMARC record' },
  'dmarc-invalid': { causes: ['auth-records-missing', 'bulk-sender-requirements'], says: 'the DMARC record of {host} is malformed' },
  'dmarc-multiple': { causes: ['auth-records-missing', 'bulk-sender-requirements'], says: '{host} publishes more than one DMARC record' },
  'mta-sts-invalid': { causes: ['dane-mta-sts-failure'], says: 'the MTA-STS policy of {host} is broken' },
  'mta-sts-tls-mismatch': { causes: ['dane-mta-sts-failure', 'tls-cert-invalid'], says: 'an MX host of {host} fails its own MTA-STS TLS requirements' },
  'dnsbl-listed': { causes: ['ip-blocklisted'], says: '{host} is on a DNS blocklist' },
  // Reaching the host
  'port25-blocked': { causes: ['port25-blocked'], says: 'port 25 to {host} is blocked on the network the probe ran from' },
  'connect-refused': { causes: ['connection-refused'], says: '{host} refuses connections on the mail port' },
  'connect-timeout': { causes: ['connection-timeout', 'port25-blocked'], says: 'connections to {host} time out' },
  'connect-failed': { causes: ['connection-timeout'], says: '{host} cannot be reached' },
  'banner-timeout': { causes: ['host-not-accepting', 'connection-dropped'], says: '{host} accepts the connection but never greets' },
  'banner-rejected': { causes: ['host-not-accepting'], says: '{host} refuses mail in its greeting' },
  'banner-missing': { causes: ['host-not-accepting', 'connection-dropped'], says: '{host} closes the connection without a greeting' },
  'ehlo-rejected': { causes: ['host-not-accepting', 'bad-helo'], says: '{host} rejects EHLO' },
  'reply-timeout': { causes: ['connection-dropped'], says: '{host} stops answering in the middle of the session' },
  'connection-dropped': { causes: ['connection-dropped'], says: '{host} drops the connection in the middle of the session' },
  // TLS
  'starttls-not-offered': { causes: ['tls-required-not-offered'], says: '{host} does not offer STARTTLS' },
  'starttls-failed': { causes: ['starttls-failed', 'tls-version-unsupported'], says: 'STARTTLS with {host} fails' },
  'tls-failed': { causes: ['starttls-failed'], says: 'the TLS handshake with {host} fails' },
  'tls-legacy-only': { causes: ['tls-version-unsupported', 'starttls-failed'], says: '{host} speaks only TLS 1.0/1.1' },
  'cert-expired': { causes: ['tls-cert-invalid'], says: 'the certificate of {host} has expired' },
  'cert-not-yet-valid': { causes: ['tls-cert-invalid'], says: 'the certificate of {host} is not valid yet' },
  'cert-untrusted': { causes: ['tls-cert-invalid'], says: 'the certificate of {host} is not trusted' },
  'cert-name-mismatch': { causes: ['tls-cert-invalid'], says: 'the certificate of {host} does not cover its name' },
  'cert-expiring-soon': { causes: ['tls-cert-invalid'], says: 'the certificate of {host} expires within two weeks' },
  // AUTH — 'auth-not-offered' is the story's evidence: an MX that offers no AUTH expects anonymous delivery.
  'auth-not-offered': { causes: ['outbound-auth-mismatch'], says: '{host} offers no AUTH — deliver anonymously' },
  'auth-only-after-starttls': {
    causes: ['tls-required-for-auth', 'outbound-auth-mismatch'],
    says: '{host} offers AUTH only after STARTTLS — start TLS before authenticating (BasicAuthRequireTLS, smtp_tls_security_level = encrypt)',
  },
  'auth-failed': { causes: ['smart-host-auth-failed'], says: '{host} rejects the configured account\'s login' },
  // Recipient check
  'rcpt-rejected': { causes: ['recipient-unknown', 'wrong-mx-or-accepted-domain'], says: '{host} refuses the recipient at RCPT TO' },
  'rcpt-greylisted': { causes: ['greylisted'], says: '{host} greylists: it answers "try again later" at RCPT TO' },
  'rcpt-deferred': { causes: ['greylisted', 'rate-limited'], says: '{host} temporarily refuses the recipient' },
  'mail-from-rejected': { causes: ['sender-rejected'], says: '{host} refuses the probe\'s sender at MAIL FROM' },
};

export interface Contradiction {
  findings: string[];
  /** Why these findings argue against the cause. */
  why: string;
}

export const CONTRADICTED_BY: Readonly<Partial<Record<CauseId, Contradiction[]>>> = {
  'outbound-auth-mismatch': [
    { findings: ['auth-offered'], why: '{host} does offer AUTH, so the login itself (account, password or mechanism) is what fails — check the credentials and the mechanism instead' },
  ],
  'tls-required-for-auth': [
    { findings: ['auth-offered'], why: '{host} offers AUTH before STARTTLS as well' },
  ],
  'tls-required-not-offered': [
    { findings: ['starttls-ok', 'starttls-offered'], why: '{host} offers STARTTLS from outside — if your server does not see it, a firewall near you strips it' },
  ],
  'starttls-failed': [
    { findings: ['starttls-ok'], why: 'STARTTLS with {host} works from outside — suspect your own TLS library or a middlebox' },
  ],
  'tls-cert-invalid': [
    { findings: ['cert-ok'], why: 'the certificate of {host} is trusted, valid and covers its name' },
  ],
  'connection-refused': [
    { findings: ['connect-ok'], why: '{host} accepts connections from outside — a firewall may refuse only your network' },
  ],
  'connection-timeout': [
    { findings: ['connect-ok'], why: '{host} answers from outside — if your server still times out, outbound port 25 is blocked on your side' },
  ],
  // Nothing contradicts 'port25-blocked': a probe that connects ran from smtpcheck's network, not the sender's.
  'host-not-accepting': [
    { findings: ['banner-ok'], why: '{host} greets normally now (220)' },
  ],
  'null-mx': [
    { findings: ['mx-ok'], why: '{host} publishes ordinary MX records' },
  ],
  'recipient-domain-unknown': [
    { findings: ['mx-ok'], why: '{host} has MX records — check the spelling in the bounce, or your own DNS' },
  ],
  'recipient-unknown': [
    { findings: ['rcpt-accepted'], why: '{host} accepts the recipient at RCPT TO now' },
  ],
  'ip-blocklisted': [
    { findings: ['dnsbl-clean'], why: '{host} is not on the blocklists checked (other lists may still list it)' },
  ],
  'ptr-missing': [
    { findings: ['ptr-ok'], why: 'the reverse DNS of {host} is forward-confirmed' },
  ],
  'dane-mta-sts-failure': [
    { findings: ['mta-sts-ok'], why: 'the MTA-STS policy of {host} is valid and covers every MX (DANE may still fail)' },
  ],
};
