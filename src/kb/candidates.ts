/**
 * Symptoms that say what happened but not why — a bare #4.4.7 expiry, a delay warning, a timeout, a dropped
 * connection, an unrecognised report — and the causes usually behind them, most likely first. Each candidate
 * says what tells it apart from the others: the log line, queue property, setting or probe that settles it.
 *
 * Sources: shared/reference/ndr-facts.md §2 (4.4.7 row), §3.1 (KB 329636), §3.3 (Exchange 2007+ 4.4.7:
 * wrong routing type, EHLO FQDN ≠ PTR, TNEF, SPF), §5.1–5.3 (Postfix/Exim/sendmail deferral texts), §6, §7.
 * Weights are relative within one symptom (all below 100); `boostWhen` adds BOOST_BONUS when the report text
 * matches, so any candidate the report's words point to outranks every one they do not (see candidatesFor).
 */
import type { Candidate, SymptomCandidates } from './candidates-types';
import type { CauseId } from './cause-ids';

/** Added to a candidate's weight when its `boostWhen` matches; larger than any table weight. */
export const BOOST_BONUS = 100;

// Report-text patterns shared by several symptoms. Kept specific: an Exchange expiry NDR always says
// "Please retry or contact your administrator", so nothing here may match those words.
const AUTH_TEXT = /\bAUTH\b|authenticat|\bSASL\b|000B0981|5\.7\.(?:3|8|57|139)\b/i;
const TIMEOUT_TEXT = /timed? ?out|10060|4\.4\.1\b|did not respond|no answer from host|failed to respond/i;
const REFUSED_TEXT = /refused|10061|4\.4\.316/i;
const DNS_TEXT = /\bDNS\b|name service|host not found|domain name not found|nxdomain|servfail|4\.4\.3\b|5\.4\.312|NonExistentDomain|lookup/i;
const TLS_TEXT = /\bTLS\b|\bSSL\b|STARTTLS|handshake|4\.7\.66|SuspiciousRemoteServer|schannel/i;
const GREYLIST_TEXT = /greylist|graylist|try again later|4\.7\.(?:5\d\d|6\d\d)\b|4\.2\.0\b/i;
const RATE_TEXT = /rate.?limit|too (?:many|fast|quickly)|4\.7\.28|4\.2\.1\b|TSS04|RP-00\d|4\.7\.65\d|throttl/i;
const RELAY_TEXT = /relay|5\.7\.1\b|smart ?host/i;
const HELO_TEXT = /\bHELO\b|\bEHLO\b|\bPTR\b|reverse dns|hostname/i;
const DROPPED_TEXT = /lost connection|connection (?:dropped|reset|closed)|4\.4\.2\b|closed connection|broken pipe/i;

export const SYMPTOM_CANDIDATES: SymptomCandidates[] = [
  {
    symptom: 'delivery-expired',
    candidates: [
      {
        cause: 'outbound-auth-mismatch', weight: 30, boostWhen: AUTH_TEXT,
        tellApart: 'Queue properties say "The remote SMTP service rejected AUTH negotiation" (Exchange 2003), or LastError/the log says "failed to authenticate", "no mechanism available", "did not advertise AUTH"; `smtpcheck probe <next hop>` shows no AUTH offered (or AUTH only after STARTTLS), as does the Exchange send protocol log (`-ProtocolLoggingLevel Verbose`). The virtual server/connector Outbound Security (or SmartHostAuthMechanism on a smart-host connector) is not Anonymous/None.',
      },
      {
        cause: 'connection-timeout', weight: 20, boostWhen: TIMEOUT_TEXT,
        tellApart: 'LastError or the log shows "connection timed out" / Winsock 10060 for this destination only, other domains deliver; `smtpcheck probe <domain>` from outside times out too — the recipient\'s server or firewall.',
      },
      {
        cause: 'port25-blocked', weight: 16, boostWhen: TIMEOUT_TEXT,
        tellApart: 'Every external queue is stuck, not just this one. Probe from the sending server: port 25 times out to every MX (`Test-NetConnection gmail-smtp-in.l.google.com -Port 25` / `nc -vz`) while 587/443 connect — your ISP, cloud or firewall blocks outbound 25.',
      },
      {
        cause: 'dns-failure', weight: 12, boostWhen: DNS_TEXT,
        tellApart: 'LastError says "DNS query failed" / "Host or domain name not found"; `nslookup -type=mx <domain>` on the sending server fails while a public resolver answers (your DNS) — or fails everywhere (their DNS).',
      },
      {
        cause: 'connection-refused', weight: 10, boostWhen: REFUSED_TEXT,
        tellApart: 'LastError shows "connection refused" / 10061 / 4.4.316; `smtpcheck probe <domain>` gets "connection refused" on port 25: the host is up but nothing listens there.',
      },
      {
        cause: 'tls-version-unsupported', weight: 9, boostWhen: TLS_TEXT,
        tellApart: 'The sending server is old (Exchange 2003/2007/2010 on Windows 2003/2008) or the log shows a TLS handshake failure or "SuspiciousRemoteServerError"; `smtpcheck probe <host>` shows which TLS version the receiver negotiates.',
      },
      {
        cause: 'relay-denied', weight: 8, boostWhen: RELAY_TEXT,
        tellApart: 'Wrong connector routing type: `Get-SendConnector | fl Name,AddressSpaces,DNSRoutingEnabled,SmartHosts` shows mail forced through a smart host that no longer relays for you (LastError "5.7.1 Unable to relay" / "Relay access denied"), or DNS delivery where your network only allows the smart host.',
      },
      {
        cause: 'bad-helo', weight: 7, boostWhen: HELO_TEXT,
        tellApart: 'EHLO name does not match reverse DNS: compare `Get-SendConnector | fl Name,Fqdn` (Postfix `myhostname`) with `dig -x <public IP> +short`; receivers that check it defer with 4.7.x until the message expires.',
      },
      {
        cause: 'greylisted', weight: 6, boostWhen: GREYLIST_TEXT,
        tellApart: 'LastError shows 4xx "greylisted" / "try again later" (Microsoft 451 4.7.500–699); it only expires when retries come from changing IPs or stop too early.',
      },
      {
        cause: 'rate-limited', weight: 6, boostWhen: RATE_TEXT,
        tellApart: 'LastError shows 421/450/451 "rate limited", "too many messages", Gmail 4.7.28, Yahoo TSS04: only that provider defers, and only during heavy sending.',
      },
      {
        cause: 'tls-required-not-offered', weight: 5, boostWhen: /does not support TLS|TLS is required|STARTTLS/i,
        tellApart: 'Queue text "The remote SMTP service does not support TLS" (Exchange 2003) or Postfix "TLS is required, but was not offered": your connector or policy forces TLS and `smtpcheck probe <host>` shows no STARTTLS.',
      },
      {
        cause: 'host-not-accepting', weight: 4, boostWhen: /\b421\b|\b554\b|service not available|no smtp service/i,
        tellApart: 'LastError carries the server\'s own 421/554 greeting; `smtpcheck probe <host>` shows the same greeting instead of 220.',
      },
      {
        cause: 'spf-fail', weight: 3, boostWhen: /\bSPF\b|sender policy/i,
        tellApart: 'The receiver defers with an SPF message (4.7.23/4.7.26) each time; `dig +short txt <your domain>` does not include the IP you send from.',
      },
      {
        cause: 'tnef-rtf-problem', weight: 2, boostWhen: /TNEF|winmail\.dat|rich text/i,
        tellApart: 'Only messages composed in Rich Text to this domain expire; the same message sent as HTML goes through.',
      },
    ],
  },
  {
    symptom: 'delivery-delayed',
    candidates: [
      {
        cause: 'outbound-auth-mismatch', weight: 30, boostWhen: AUTH_TEXT,
        tellApart: 'Queue properties say "The remote SMTP service rejected AUTH negotiation" or LastError "failed to authenticate"; `smtpcheck probe <next hop>` shows no AUTH offered. Fix it before the retry period ends and nothing needs resending.',
      },
      {
        cause: 'connection-timeout', weight: 20, boostWhen: TIMEOUT_TEXT,
        tellApart: 'The queue\'s error is "connection timed out" / 10060 for this destination only; `smtpcheck probe <domain>` times out from outside too.',
      },
      {
        cause: 'port25-blocked', weight: 16, boostWhen: TIMEOUT_TEXT,
        tellApart: 'All external queues are delayed; from the sending server port 25 times out to every MX while 587/443 connect.',
      },
      {
        cause: 'greylisted', weight: 14, boostWhen: GREYLIST_TEXT,
        tellApart: 'A 4xx "greylisted"/"try again later" on the first attempt that clears on the next retry from the same IP; usually the delay warning is the only symptom.',
      },
      {
        cause: 'dns-failure', weight: 12, boostWhen: DNS_TEXT,
        tellApart: 'The queue\'s error is a DNS failure; `nslookup -type=mx <domain>` from the sending server fails.',
      },
      {
        cause: 'rate-limited', weight: 10, boostWhen: RATE_TEXT,
        tellApart: '421/450/451 replies mentioning rate or volume from one large provider, during a heavy send.',
      },
      {
        cause: 'connection-refused', weight: 8, boostWhen: REFUSED_TEXT,
        tellApart: 'The queue\'s error is "connection refused" / 10061; `smtpcheck probe <domain>` is refused on port 25.',
      },
      {
        cause: 'tls-version-unsupported', weight: 7, boostWhen: TLS_TEXT,
        tellApart: 'TLS handshake errors in the SMTP log from an old sending server; `smtpcheck probe <host>` shows the receiver\'s TLS version.',
      },
      {
        cause: 'remote-system-error', weight: 5, boostWhen: /4\.3\.0|local error|internal (?:server )?error|temporary (?:local )?problem/i,
        tellApart: 'The receiver answers 451 4.3.0 "local error in processing": their fault, usually short-lived.',
      },
      {
        cause: 'remote-storage-full', weight: 4, boostWhen: /4\.3\.1|insufficient (?:system )?(?:storage|resources)/i,
        tellApart: 'The receiver answers 452 4.3.1 "insufficient system storage/resources".',
      },
    ],
  },
  {
    symptom: 'connection-timeout',
    candidates: [
      {
        cause: 'connection-timeout', weight: 20,
        tellApart: 'Only this destination times out and `smtpcheck probe <domain>` from outside times out as well: the recipient\'s server is down or firewalled.',
      },
      {
        cause: 'port25-blocked', weight: 18,
        tellApart: 'Probe from the sending server: port 25 times out to every MX (even gmail-smtp-in.l.google.com) while 587/443 connect — the block is on your network or provider.',
      },
      {
        cause: 'dns-failure', weight: 6, boostWhen: DNS_TEXT,
        tellApart: 'The address your server connects to is not the one public DNS gives for the MX (stale or wrong resolver answer): compare `nslookup <mx host>` on the server with a public resolver.',
      },
      {
        cause: 'greylisted', weight: 4, boostWhen: /greylist|tarpit/i,
        tellApart: 'The connection opens but the greeting comes very late (a tarpit): `smtpcheck probe <host>` reports a slow banner, and senders with short timeouts give up.',
      },
    ],
  },
  {
    symptom: 'connection-dropped',
    candidates: [
      {
        cause: 'connection-dropped', weight: 20, boostWhen: DROPPED_TEXT,
        tellApart: 'The session breaks at varying points and a firewall on either side inspects SMTP (Cisco ASA `inspect esmtp`); `smtpcheck probe <host> --transcript` from outside completes normally.',
      },
      {
        cause: 'tls-version-unsupported', weight: 12, boostWhen: TLS_TEXT,
        tellApart: 'It always drops right after STARTTLS, from an old sending server; `smtpcheck probe <host>` shows the receiver requires TLS 1.2+.',
      },
      {
        cause: 'starttls-failed', weight: 10, boostWhen: TLS_TEXT,
        tellApart: 'It always drops during the TLS handshake, for every sender: `smtpcheck probe <host>` fails at STARTTLS too.',
      },
      {
        cause: 'message-too-large', weight: 8, boostWhen: /\bDATA\b|size|too large|5\.3\.4/i,
        tellApart: 'Only large messages fail, during DATA; small test messages to the same recipient go through.',
      },
      {
        // Bounded gap: an unbounded `.*` rescans to the end from every repeated "4.7.0" (quadratic on hostile text).
        cause: 'too-many-connections', weight: 6, boostWhen: /too many connections|4\.7\.0.{0,100}connections/i,
        tellApart: 'Drops come with 421 "too many connections" while your server delivers a burst to that domain.',
      },
      {
        cause: 'ip-blocklisted', weight: 5, boostWhen: /blocklist|blacklist|spamhaus|\bRBL\b|DNSBL/i,
        tellApart: 'The receiver closes right after the greeting or EHLO for your IP only; look up your IP at https://check.spamhaus.org/.',
      },
    ],
  },
  {
    symptom: 'unknown',
    candidates: [
      {
        cause: 'recipient-unknown', weight: 20, boostWhen: /user unknown|no such (?:user|mailbox)|does not exist|not found|5\.1\.1\b|invalid recipient/i,
        tellApart: 'The server\'s words say the address does not exist (5.1.1, "user unknown"); `smtpcheck probe <domain> --rcpt <address>` gets a 550 at RCPT.',
      },
      {
        cause: 'spam-content', weight: 12, boostWhen: /spam|junk|unsolicited|content/i,
        tellApart: 'The reply mentions spam or content and only some messages are refused; a plain-text test message goes through.',
      },
      {
        cause: 'ip-blocklisted', weight: 10, boostWhen: /blocklist|blacklist|spamhaus|\bRBL\b|DNSBL|listed/i,
        tellApart: 'The reply names a blocklist or your IP; `smtpcheck probe <your domain>` shows `dnsbl-listed`, or look the IP up at https://check.spamhaus.org/.',
      },
      {
        cause: 'relay-denied', weight: 10, boostWhen: RELAY_TEXT,
        tellApart: 'The reply says "relay" (5.7.1 Unable to relay, Relay access denied), usually from a smart host or a device sending without logging in.',
      },
      {
        cause: 'dmarc-reject', weight: 8, boostWhen: /DMARC|DKIM|\bSPF\b|authenticat/i,
        tellApart: 'The reply mentions DMARC, SPF or DKIM; a test to Gmail ("Show original") shows which one fails.',
      },
      {
        cause: 'mailbox-full', weight: 8, boostWhen: /quota|mailbox (?:is )?full|over ?quota|5\.2\.2\b|insufficient storage/i,
        tellApart: 'The reply mentions quota or a full mailbox (5.2.2); other recipients at the same domain receive mail.',
      },
      {
        cause: 'message-too-large', weight: 6, boostWhen: /size|too (?:large|big)|5\.3\.4\b|5\.2\.3\b/i,
        tellApart: 'The reply mentions size (5.3.4, 5.2.3); the same text without the attachment goes through.',
      },
      {
        cause: 'auth-required', weight: 5, boostWhen: AUTH_TEXT,
        tellApart: 'The reply asks for authentication (530 5.7.0/5.7.57) — a device or server sending to a submission host without logging in.',
      },
      {
        cause: 'connection-timeout', weight: 5, boostWhen: TIMEOUT_TEXT,
        tellApart: 'The report mentions a timeout rather than a server reply; `smtpcheck probe <domain>` shows whether the MX answers.',
      },
    ],
  },
];

/**
 * The candidates for a symptom, strongest first, with `boostWhen` applied against `evidenceText`
 * (the report text and the servers' words). Returns a copy with adjusted weights; empty for a non-symptom.
 */
export function candidatesFor(symptom: CauseId, evidenceText = ''): Candidate[] {
  const entry = SYMPTOM_CANDIDATES.find((s) => s.symptom === symptom);
  if (!entry) return [];
  return entry.candidates
    .map((c, order) => ({ c: { ...c, weight: c.boostWhen?.test(evidenceText) ? c.weight + BOOST_BONUS : c.weight }, order }))
    .sort((a, b) => b.c.weight - a.c.weight || a.order - b.order)
    .map(({ c }) => c);
}
