/**
 * Step lists several causes share, per platform: relaying through an authenticated smart host,
 * turning on DKIM signing, and finding the real error behind a queue that is retrying or expired.
 * Kept in one place so a fix to a command is made once.
 */
import type { Platform } from '../types';

type PlatformSteps = Partial<Record<Platform, string[]>>;

/** Send all outbound mail through an authenticated relay on the submission port instead of straight to MX. */
export const RELAY_VIA_SMART_HOST: PlatformSteps = {
  'exchange-2003': [
    'In Exchange System Manager open Administrative Groups → <group> → Routing Groups → <group> → Connectors, and open (or create) the SMTP connector whose address space is `*`.',
    'On its General tab choose "Forward all mail through this connector to the following smart hosts" and enter the provider\'s relay host.',
    'On its Advanced tab click Outbound Security and choose Basic authentication with the account the provider issued; tick TLS encryption if the provider requires STARTTLS.',
    'If the provider only accepts port 587, change the port under Default SMTP Virtual Server → Properties → Delivery → Outbound connections → TCP port (it applies to all outbound mail of that virtual server).',
    'Exchange 2003 on Windows Server 2003 negotiates TLS 1.0 at best: if the relay requires TLS 1.2, relay through a newer server on your network (or a provider that relays by your IP without TLS-before-AUTH).',
  ],
  'exchange-onprem': [
    'Show the Internet Send connector: `Get-SendConnector | fl Name,AddressSpaces,DNSRoutingEnabled,SmartHosts,Port,SmartHostAuthMechanism`.',
    'Point it at the relay: `Set-SendConnector "<name>" -DNSRoutingEnabled $false -SmartHosts smtp.provider.example -Port 587 -SmartHostAuthMechanism BasicAuthRequireTLS -AuthenticationCredential (Get-Credential)` (BasicAuthRequireTLS does STARTTLS before it logs in).',
    'Or in the EAC: mail flow → send connectors → <connector> → edit → delivery → "Route mail through smart hosts", then set the smart host authentication to Basic authentication over TLS with the relay account.',
    'Retry the waiting queues and route them again through the new smart host: `Retry-Queue -Filter "Status -eq \'Retry\'" -Resubmit $true`.',
  ],
  postfix: [
    'Set the relay: `postconf -e \'relayhost = [smtp.provider.example]:587\' \'smtp_sasl_auth_enable = yes\' \'smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\' \'smtp_sasl_security_options = noanonymous\' \'smtp_tls_security_level = encrypt\'`.',
    'Put `[smtp.provider.example]:587 user:password` in /etc/postfix/sasl_passwd (the key must match relayhost exactly, brackets and port included), then `chmod 600 /etc/postfix/sasl_passwd` and `postmap /etc/postfix/sasl_passwd`.',
    'Make sure the SASL PLAIN/LOGIN modules are installed (`libsasl2-modules` on Debian/Ubuntu, `cyrus-sasl-plain` on RHEL), then `postfix reload` and `postqueue -f`.',
  ],
  exim: [
    'On Debian/Ubuntu run `dpkg-reconfigure exim4-config`, choose "mail sent by smarthost; received via SMTP or fetchmail" and give `smtp.provider.example::587` as the smarthost.',
    'Add `smtp.provider.example:user:password` to /etc/exim4/passwd.client, then `update-exim4.conf` and `systemctl restart exim4`.',
    'Without the Debian scripts: a `manualroute` router with `route_list = * smtp.provider.example::587`, an smtp transport with `hosts_require_auth = smtp.provider.example` and `hosts_require_tls = smtp.provider.example`, and a `plaintext` client authenticator for PLAIN or LOGIN.',
    'Retry the queue with `exim -qff`.',
  ],
  sendmail: [
    "In sendmail.mc add ``define(`SMART_HOST', `[smtp.provider.example]')dnl`` and ``FEATURE(`authinfo', `hash /etc/mail/authinfo')dnl``; for port 587 also ``define(`RELAY_MAILER_ARGS', `TCP $h 587')dnl`` and ``define(`ESMTP_MAILER_ARGS', `TCP $h 587')dnl``.",
    'Put `AuthInfo:smtp.provider.example "U:user" "P:password" "M:PLAIN LOGIN"` in /etc/mail/authinfo, `chmod 600` it and run `makemap hash /etc/mail/authinfo < /etc/mail/authinfo`.',
    'Rebuild sendmail.cf (`make -C /etc/mail` or `m4 sendmail.mc > sendmail.cf`), restart sendmail, then `sendmail -q -v` to run the queue and watch the session.',
  ],
};

/** Turn on DKIM signing for the sending domain. */
export const ENABLE_DKIM: PlatformSteps = {
  'exchange-online': [
    'In the Microsoft Defender portal open Email & collaboration → Policies & rules → Threat policies → Email authentication settings → DKIM, select your domain and publish the two CNAME records it shows (selector1._domainkey and selector2._domainkey).',
    'Then enable signing there, or in Exchange Online PowerShell: `Set-DkimSigningConfig -Identity example.com -Enabled $true` (`New-DkimSigningConfig -DomainName example.com -Enabled $true` if no configuration exists yet).',
  ],
  'exchange-onprem': [
    'Exchange Server does not sign DKIM itself: sign on the outbound path — an Edge/gateway appliance, your mail-filtering service, or a DKIM transport agent — and publish its public key at <selector>._domainkey.<your domain>.',
  ],
  'exchange-2003': [
    'Exchange 2003 cannot sign DKIM: send outbound mail through a gateway or relay service that signs for your domain, and publish its key at <selector>._domainkey.<your domain>.',
  ],
  'google-workspace': [
    'In the Admin console open Apps → Google Workspace → Gmail → Authenticate email, select the domain, click Generate new record (2048-bit), publish the TXT record at google._domainkey.<your domain>, then click Start authentication.',
  ],
  postfix: [
    'Sign with OpenDKIM as a milter: generate a key (`opendkim-genkey -b 2048 -d example.com -s <selector>`), publish <selector>._domainkey TXT, configure KeyTable/SigningTable, then `postconf -e \'smtpd_milters = inet:127.0.0.1:8891\' \'non_smtpd_milters = $smtpd_milters\' \'milter_default_action = accept\'` (use the socket opendkim listens on) and `postfix reload`.',
  ],
  exim: [
    'On the remote smtp transport set `dkim_domain = example.com`, `dkim_selector = <selector>`, `dkim_private_key = /etc/exim4/dkim/<selector>.key` and `dkim_canon = relaxed`, publish <selector>._domainkey TXT, then restart Exim.',
  ],
  sendmail: [
    "Sign with an OpenDKIM milter: add ``INPUT_MAIL_FILTER(`opendkim', `S=inet:8891@localhost')dnl`` to sendmail.mc (matching the socket opendkim listens on), rebuild sendmail.cf and restart sendmail.",
  ],
};

/** Where each platform shows the error a queue keeps getting (the real cause behind a delay or #4.4.7). */
export const FIND_LAST_ERROR: PlatformSteps = {
  'exchange-2003': [
    'Open Exchange System Manager → Servers → <server> → Protocols → SMTP → Default SMTP Virtual Server → Queues; right-click the queue in Retry → Properties: the lower box holds the last error (e.g. "The remote SMTP service rejected AUTH negotiation").',
    'Track a message with Tools → Message Tracking Center, and raise diagnostic logging (server Properties → Diagnostics Logging → MSExchangeTransport → SMTP Protocol) for detail in the Application log.',
  ],
  'exchange-onprem': [
    'List queues with their last error: `Get-Queue | ft Identity,DeliveryType,Status,MessageCount,NextHopDomain,LastError -AutoSize`.',
    'Follow one message: `Get-MessageTrackingLog -Recipients <address> -Start (Get-Date).AddDays(-3) | ft Timestamp,EventId,Source,RecipientStatus -AutoSize`.',
    'For the full SMTP conversation turn on send protocol logging: `Set-SendConnector "<name>" -ProtocolLoggingLevel Verbose` (logs under the path in `Get-TransportService | fl SendProtocolLogPath`; Exchange 2007/2010 use `Get-TransportServer`).',
    'Expiry is `Get-TransportService | fl MessageExpirationTimeout,DelayNotificationTimeout` (defaults 2 days and 4 hours; Exchange 2007/2010: `Get-TransportServer`); after fixing the cause run `Retry-Queue -Identity <server>\\<queue>` (add `-Resubmit $true` if the fix changed routing).',
  ],
  'exchange-online': [
    'Read "Diagnostic information for administrators" in the NDR: the inner text (e.g. `451 4.4.0 Primary target IP address responded with: "…"`) is the real cause.',
    'Run a message trace (Exchange admin center → Mail flow → Message trace) and open the message\'s deferral events to see each attempt\'s remote reply.',
    'Test the destination from outside with the Microsoft Remote Connectivity Analyzer (Outbound SMTP email test).',
  ],
  'google-workspace': [
    'In the Admin console open Reporting → Email log search, find the message and open its delivery attempts to read the remote server\'s replies.',
  ],
  postfix: [
    'Show deferred mail with its reason: `postqueue -p` (the text in parentheses under each message is the last error); the log has it as `status=deferred (…)` in /var/log/mail.log or `journalctl -u postfix`.',
    'Expiry is `maximal_queue_lifetime` (default 5d); delay warnings are sent only when `delay_warning_time` is set (default 0h, off). After fixing the cause flush with `postqueue -f`.',
  ],
  exim: [
    'List the queue with `exim -bp`, see one message\'s log with `exim -Mvl <message-id>`, and the retry state of a destination with `exinext <domain>`.',
    'Retry limits come from the `begin retry` section; after fixing the cause run `exim -qff` to retry everything now.',
  ],
  sendmail: [
    'Run `mailq`: each queued message shows the last error on its line; /var/log/maillog has `stat=Deferred: …`.',
    'Expiry is `confTO_QUEUERETURN` (default 5d); after fixing the cause run `sendmail -q -v` to retry and watch the SMTP session.',
  ],
};
