/**
 * Causes about SMTP authentication on the sending side (our server or device logging in to the next hop).
 *
 * outbound-auth-mismatch is the product's origin story (Microsoft KB 329636, Exchange 2000/2003): outbound
 * security on the SMTP virtual server or an SMTP connector set to Basic/Integrated Windows authentication while
 * the next hop — an internet MX reached by DNS, or a smart host — does not accept that. Queues sit in Retry with
 * "The remote SMTP service rejected AUTH negotiation", users get a delay DSN and then a #4.4.7 NDR.
 * Equivalents on other systems: shared/reference/ndr-facts.md §3.1–3.4.
 */
import type { Cause } from '../types';
import { REF } from './refs';

export const SMTP_AUTH_CAUSES: Cause[] = [
  {
    id: 'outbound-auth-mismatch',
    title: 'Outbound SMTP authentication does not match what the next hop supports',
    summary:
      'Your mail server is set to log in (SMTP AUTH) when it hands mail to the next server, but that server does not offer or accept that login. Internet mail servers reached through DNS expect anonymous delivery; a smart host may want a different method, TLS first, or no login at all. Each attempt fails before the message is sent, so the queue sits in Retry, users get a delay warning, and finally a #4.4.7 "could not deliver in the time limit" NDR.',
    reason: 'securityerror',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Find the queue\'s real error: "rejected AUTH negotiation", "failed to authenticate with the remote server", "no mechanism available" or "server did not advertise AUTH" all mean your server wants to log in and the next hop will not let it.',
        'Decide how this route delivers. Directly to the recipients\' MX servers (by DNS): turn outbound authentication off — anonymous — because MX servers accept mail for their own domains without a login.',
        'Through a smart host: set authentication to exactly what that host requires — its port (often 587), STARTTLS before AUTH, a mechanism it offers (PLAIN or LOGIN), and the account it issued — or no authentication if it relays by your IP address.',
        'Confirm with `smtpcheck probe <next hop>`: it shows whether the host offers AUTH before and after STARTTLS.',
        'Retry the queue after the change. Messages that already expired (#4.4.7 NDR) are gone from the queue: users must resend them.',
      ],
      'exchange-2003': [
        'Confirm the cause: Exchange System Manager → Servers → <server> → Protocols → SMTP → Default SMTP Virtual Server → Queues. Remote queues are in Retry; right-click one → Properties and the lower box reads "The remote SMTP service rejected AUTH negotiation" (Microsoft KB 329636).',
        'To see the exchange itself, turn on protocol logging: Default SMTP Virtual Server → Properties → General → Enable logging (W3C Extended Log File Format). The log (folder SMTPSVC1 under the system LogFiles folder by default) records outbound commands and replies, including the EHLO reply and the AUTH attempt (Microsoft KB 265139).',
        'Delivering to the internet by DNS: right-click Default SMTP Virtual Server → Properties → Delivery tab → Outbound Security → select Anonymous access → OK → OK.',
        'Then each SMTP connector: Administrative Groups → <group> → Routing Groups → <group> → Connectors → right-click the SMTP connector → Properties → Advanced tab → Outbound Security → select Anonymous access → OK → OK. A connector\'s own setting applies to the domains in its address space, so fix every connector, not just the virtual server.',
        'Forwarding through a smart host instead (connector General tab → "Forward all mail through this connector to the following smart hosts"): set the connector\'s Outbound Security to exactly what the smart host requires — Basic authentication with the account it issued (tick TLS encryption if it requires STARTTLS), Integrated Windows Authentication only for another Windows/Exchange host, or Anonymous access if it relays by your IP address.',
        'Exchange 2003 on Windows Server 2003 cannot negotiate TLS 1.2: if the smart host insists on TLS 1.2 before AUTH, have it relay your IP anonymously, or relay through a newer server on your network.',
        'Apply it: right-click Default SMTP Virtual Server → Stop, then Start; or in Queues right-click each queue in Retry → Force Connection.',
        'Tell users to resend the messages that already returned a #4.4.7 NDR; messages still queued go out on the next connection.',
      ],
      'exchange-onprem': [
        'Look at the queues: `Get-Queue | ft Identity,DeliveryType,Status,MessageCount,NextHopDomain,LastError -AutoSize`. A LastError such as `451 5.7.3 Cannot achieve Exchange Server authentication`, `530 5.7.57 Client not authenticated`, `535 5.7.8`, or event 2003 "failed to authenticate with the remote server" in the Application log means the connector\'s authentication does not match the next hop.',
        'Show the connectors: `Get-SendConnector | fl Name,AddressSpaces,DNSRoutingEnabled,SmartHosts,Port,SmartHostAuthMechanism,RequireTLS,IgnoreSTARTTLS,Fqdn`.',
        'See the conversation itself: `Set-SendConnector "<name>" -ProtocolLoggingLevel Verbose`, retry, and read the newest file under the send protocol log path (`Get-TransportService <server> | fl SendProtocolLogPath`; Exchange 2007/2010: `Get-TransportServer`): it shows the next hop\'s EHLO reply (is AUTH offered?) and its answer to AUTH. Set it back to None afterwards.',
        'Internet delivery by MX: `Set-SendConnector "<name>" -DNSRoutingEnabled $true` (EAC: mail flow → send connectors → edit → delivery → "MX record associated with recipient domain"). Smart hosts and smart-host authentication are used only when DNSRoutingEnabled is $false, so nothing else needs clearing; to leave no stale login behind, run `-SmartHostAuthMechanism None` first, while the connector still routes to the smart host.',
        'Through a smart host: `Set-SendConnector "<name>" -DNSRoutingEnabled $false -SmartHosts <host> -SmartHostAuthMechanism <what the host supports>` — `None` if it relays by your IP, `BasicAuth` for AUTH without TLS, `BasicAuthRequireTLS` when it offers AUTH only after STARTTLS (its certificate must carry the smart-host name), `ExchangeServer` only for another Exchange organisation, `ExternalAuthoritative` only for a link secured by other means (IPsec/VPN). The two Basic values also need `-AuthenticationCredential (Get-Credential)`.',
        'Exchange 2007/2010 console: Organization Configuration → Hub Transport → Send Connectors → the connector → Properties → Network tab → "Route mail through the following smart hosts" → Change (smart host authentication).',
        'Submission-style smart hosts (e.g. smtp.office365.com) listen on port 587: add `-Port 587` with `-SmartHostAuthMechanism BasicAuthRequireTLS`.',
        'Exchange\'s Basic authentication is reported to log in with AUTH LOGIN only: if the smart host offers only PLAIN or CRAM-MD5, enable LOGIN on it or have it relay your IP.',
        'Apply and retry: the change loads within minutes (or `Restart-Service MSExchangeTransport`); then force a connection on every queue in Retry with `Retry-Queue -Filter "Status -eq \'Retry\'"`, or one queue with `Retry-Queue -Identity <server>\\<queue>`. After switching between DNS and smart-host routing add `-Resubmit $true`, so queued mail is routed again with the new settings.',
        'Messages that already expired (#4.4.7 / 5.4.300 NDR) are no longer queued: users must resend them.',
      ],
      'exchange-online': [
        'Exchange Online outbound connectors cannot log in to a smart host: there is no SMTP AUTH credential setting on them. A smart host that Exchange Online forwards to must accept it by IP address (Microsoft 365\'s published outbound ranges) or by the TLS certificate Exchange Online presents, and relay without AUTH.',
        'Check the connector: `Get-OutboundConnector | fl Name,Enabled,UseMXRecord,SmartHosts,RecipientDomains,TlsSettings,TlsDomain`. For direct internet delivery use `Set-OutboundConnector "<name>" -UseMXRecord $true`, or disable a connector that should not apply (`-Enabled $false`).',
        'Test it: `Validate-OutboundConnector -Identity "<name>" -Recipients postmaster@<partner domain>`.',
        'Devices and on-premises servers that submit through smtp.office365.com must use port 587 with STARTTLS and an account with SMTP AUTH enabled; if they get 535 5.7.139, SMTP AUTH is disabled for the mailbox or tenant.',
        'Resend messages that already returned a 4.4.7 NDR.',
      ],
      'google-workspace': [
        'Outbound mail from Gmail to the internet never authenticates to MX servers. If you send outbound mail through your own gateway (Admin console → Apps → Google Workspace → Gmail: the Outbound gateway setting, or a Routing setting that uses a route defined under Hosts), that gateway must accept Google by IP and relay without SMTP AUTH.',
        'Devices sending through smtp-relay.gmail.com: Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service — either allow the device\'s IP, or tick "Require SMTP Authentication" and give the device a Workspace account; SMTP authentication works only over TLS (port 587 with STARTTLS), and "Require TLS encryption" makes TLS mandatory for every connection.',
      ],
      postfix: [
        'Check what Postfix does: `postconf -n | grep -E \'relayhost|smtp_sasl|smtp_tls_security_level\'` and the deferred reason in `postqueue -p` ("offered no compatible authentication mechanisms", "no mechanism available", "SASL authentication failed").',
        'Delivering to recipients\' MX directly: `postconf -e \'smtp_sasl_auth_enable = no\'`. If a relayhost also needs AUTH, keep it on and make sure `smtp_sasl_password_maps` has an entry only for the relayhost: Postfix logs in only to hosts it finds there, but a `static:` map or a catch-all entry makes it try every MX.',
        'Relaying through a smart host: `postconf -e \'relayhost = [smtp.example.net]:587\' \'smtp_sasl_auth_enable = yes\' \'smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\'` with `[smtp.example.net]:587 user:password` in /etc/postfix/sasl_passwd (the key must match relayhost exactly), then `postmap /etc/postfix/sasl_passwd`.',
        'When the smart host offers AUTH only after STARTTLS, or only PLAIN/LOGIN: `postconf -e \'smtp_tls_security_level = encrypt\' \'smtp_sasl_security_options = noanonymous\'` (the default `noplaintext, noanonymous` forbids PLAIN and LOGIN, and `smtp_sasl_tls_security_options` inherits it) and install the SASL modules (`libsasl2-modules` on Debian/Ubuntu).',
        'To see the smart host\'s EHLO reply and the AUTH exchange in the mail log, add it temporarily to `debug_peer_list` (`postconf -e \'debug_peer_list = smtp.example.net\'`), reload, retry once, then remove it.',
        '`postfix reload`, then `postqueue -f` to retry the deferred mail now; messages that already bounced must be resent.',
      ],
      exim: [
        'On the smtp transport, `hosts_require_auth` (and `hosts_try_auth`) must name only your smarthost, e.g. `hosts_require_auth = smtp.example.net` on the transport its router uses — never `*` on the transport that delivers to recipients\' MX.',
        'If the smarthost offers AUTH only after TLS, also set `hosts_require_tls = smtp.example.net`, and make sure a client authenticator exists for a mechanism it advertises (`driver = plaintext` with `public_name = PLAIN` or `LOGIN` and `client_send`).',
        'On Debian/Ubuntu the credentials live in /etc/exim4/passwd.client (`smtp.example.net:user:password`); run `update-exim4.conf` and `systemctl restart exim4` after changes.',
        'To watch one attempt, `exim -d -M <message-id>` delivers that message now with debug output, including the server\'s EHLO reply and the AUTH exchange.',
        'Retry everything now with `exim -qff`; `exinext <domain>` shows when Exim will next try a destination.',
      ],
      sendmail: [
        '/etc/mail/authinfo should hold an entry only for the smart host — `AuthInfo:smtp.example.net "U:user" "P:password" "M:LOGIN PLAIN"` — and no catch-all `AuthInfo:` line that makes sendmail try AUTH with every MX; rebuild it with `makemap hash /etc/mail/authinfo < /etc/mail/authinfo`.',
        "In sendmail.mc: ``define(`SMART_HOST', `[smtp.example.net]')dnl`` and ``FEATURE(`authinfo', `hash /etc/mail/authinfo')dnl``; for port 587 add ``define(`RELAY_MAILER_ARGS', `TCP $h 587')dnl``. The `M:` list (or ``define(`confAUTH_MECHANISMS', `LOGIN PLAIN')dnl`` when M: is absent) must include a mechanism the smart host offers.",
        '"available mechanisms do not fulfill requirements" means the Cyrus SASL plugins are missing: install them (`libsasl2-modules` on Debian/Ubuntu, `cyrus-sasl-plain` on RHEL).',
        'Rebuild sendmail.cf, restart sendmail, then `sendmail -q -v` to retry the queue and watch the AUTH exchange.',
      ],
    },
    // Each platform list walks the whole fix (confirm, change, apply, resend), so it stands alone.
    completeSteps: ['exchange-2003', 'exchange-onprem', 'exchange-online', 'google-workspace', 'postfix', 'exim', 'sendmail'],
    confirmBy: {
      target: 'remote-host',
      findings: ['auth-not-offered', 'auth-only-after-starttls'],
      note: 'The probe shows the next hop\'s EHLO before and after STARTTLS: no AUTH at all means it expects anonymous delivery (or relays by IP); AUTH only after STARTTLS means your side must start TLS before it logs in.',
    },
    references: [
      REF.rfc4954, REF.psSetSendConnector, REF.psRetryQueue, REF.msSmartHost, REF.msSendConn, REF.psSetOutboundConnector,
      REF.ms447, REF.gRelaySetup, REF.pfSasl, REF.eximSmtpTransport, REF.sendmailAuth,
    ],
  },
  {
    id: 'smart-host-auth-failed',
    title: 'The smart host rejected the credentials',
    summary:
      'Your server did log in to the smart host (the relay it forwards mail through), but the smart host rejected the user name or password. The password may have changed or expired, the account may need an app password, or the provider may no longer accept password logins.',
    reason: 'securityerror',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Check the account and password by logging in to the provider another way (webmail, a mail client).',
        'Accounts with multi-factor authentication usually need an app password, or OAuth, for SMTP.',
        'Check whether the provider has turned off password (basic) authentication for SMTP — Microsoft 365 per tenant or per mailbox, Google for "less secure apps".',
        'Update the stored credential in your server (see your platform), then retry the queue.',
      ],
      'exchange-onprem': [
        'Re-enter the credential: `Set-SendConnector "<name>" -AuthenticationCredential (Get-Credential)`, and check `Get-SendConnector "<name>" | fl SmartHosts,Port,SmartHostAuthMechanism` (use BasicAuthRequireTLS so the password is sent over TLS).',
        'Then `Retry-Queue -Identity <server>\\<queue>`.',
      ],
      'exchange-2003': [
        'SMTP connector → Properties → Advanced → Outbound Security → Basic authentication → Modify: enter the user name and password again; then Force Connection on the queue.',
      ],
      'exchange-online': [
        'When Exchange Online is the server refusing (535 5.7.3 or 5.7.139 from smtp.office365.com): check `Get-CASMailbox <user> | fl SmtpClientAuthenticationDisabled` and `Get-TransportConfig | fl SmtpClientAuthenticationDisabled`, and that security defaults or Conditional Access do not block basic authentication for that account.',
      ],
      'google-workspace': [
        'For smtp.gmail.com use an app password (requires 2-Step Verification) or OAuth; for smtp-relay.gmail.com with SMTP authentication the account must belong to your Workspace domain and the relay setting must require SMTP authentication.',
      ],
      postfix: [
        'Fix the entry in /etc/postfix/sasl_passwd (`[smtp.example.net]:587 user:password`), then `postmap /etc/postfix/sasl_passwd` and `postqueue -f`. With `smtp_sasl_auth_soft_bounce = yes` (the default) mail stays deferred, not bounced, while you fix it.',
      ],
      exim: [
        'Fix the credentials in /etc/exim4/passwd.client (Debian) or the client authenticator\'s `client_send`, run `update-exim4.conf`, restart Exim and retry with `exim -qff`.',
      ],
      sendmail: [
        'Fix the `U:` and `P:` values in /etc/mail/authinfo, run `makemap hash /etc/mail/authinfo < /etc/mail/authinfo`, then `sendmail -q -v`.',
      ],
    },
    confirmBy: {
      target: 'remote-host',
      findings: ['auth-failed'],
      note: 'When smtpcheck is configured with test credentials for this host, its AUTH test shows the smart host\'s own reply (535 5.7.8 means wrong credentials).',
    },
    references: [REF.rfc4954, REF.psSetSendConnector, REF.pfSasl, REF.gSmtpErrors, REF.msSmtpAuth],
  },
  {
    id: 'auth-required',
    title: 'The server requires SMTP authentication',
    summary:
      'The server you sent to only accepts mail from clients that log in first, and your server, device or application sent without logging in. Either credentials are not configured, or it is pointed at a submission server (port 587) when it should use a relay that trusts it by IP.',
    reason: 'securityerror',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Configure the sender (server, device or application) to log in with an account the server accepts, on port 587 with STARTTLS.',
        'Or send through a relay that accepts your device by its IP address instead of a login.',
        'Check that the device is pointed at the right server: a submission server (smtp.<provider>) always requires a login; recipients\' MX servers do not.',
      ],
      'exchange-onprem': [
        'Set the smart-host connector to log in: `Set-SendConnector "<name>" -SmartHostAuthMechanism BasicAuthRequireTLS -AuthenticationCredential (Get-Credential)` (add `-Port 587` for submission hosts).',
      ],
      'exchange-2003': [
        'SMTP connector → Properties → Advanced → Outbound Security → Basic authentication with the smart host\'s account (tick TLS encryption if it requires STARTTLS); then Force Connection on the queue.',
      ],
      'exchange-online': [
        'A device getting 530 5.7.57 from smtp.office365.com must authenticate with a licensed mailbox on port 587 with STARTTLS; if it cannot, use direct send to your MX or an inbound connector from its static IP instead.',
      ],
      'google-workspace': [
        'If the SMTP relay service setting requires SMTP authentication, the device must log in with a Workspace account; or change the setting to allow the device\'s IP (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service).',
      ],
      postfix: [
        'Enable client AUTH for the relayhost: `postconf -e \'smtp_sasl_auth_enable = yes\' \'smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\' \'smtp_sasl_security_options = noanonymous\' \'smtp_tls_security_level = encrypt\'`, add the relayhost entry to sasl_passwd, `postmap` it and `postfix reload`.',
      ],
      exim: [
        'Add `hosts_require_auth = <smarthost>` to the smarthost transport and a client authenticator (Debian: /etc/exim4/passwd.client, then `update-exim4.conf`).',
      ],
      sendmail: [
        "Add ``FEATURE(`authinfo', `hash /etc/mail/authinfo')dnl`` and an `AuthInfo:<smart host>` entry in /etc/mail/authinfo, rebuild the map and sendmail.cf, restart.",
      ],
    },
    references: [REF.rfc4954, REF.ms5757, REF.msPrinters, REF.gRelay, REF.pfSasl],
  },
  {
    id: 'smtp-auth-disabled',
    title: 'SMTP AUTH is disabled for the account or tenant',
    summary:
      'The mail service refuses password logins for SMTP on this account: Microsoft 365 disables SMTP AUTH by default for new tenants and per mailbox (535 5.7.139), and Google no longer accepts plain passwords from apps. Devices and scripts that send this way stop working.',
    reason: 'securityerror',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Enable SMTP authentication only for the one account the device or application uses, or move the device to another sending method (OAuth, a connector that trusts its IP, a relay service).',
        'Prefer methods that do not depend on passwords: providers are retiring basic authentication for SMTP.',
      ],
      'exchange-online': [
        'Check the settings: `Get-TransportConfig | fl SmtpClientAuthenticationDisabled` (tenant) and `Get-CASMailbox <user> | fl SmtpClientAuthenticationDisabled` (per mailbox; empty means it follows the tenant).',
        'Enable it for the one mailbox: `Set-CASMailbox <user> -SmtpClientAuthenticationDisabled $false`, or Microsoft 365 admin center → Users → Active users → the user → Mail → Manage email apps → Authenticated SMTP.',
        'Security defaults (and Conditional Access policies blocking legacy authentication) still block basic authentication: use OAuth, direct send, or an inbound connector for the device instead. Microsoft has announced the retirement of basic authentication for SMTP AUTH, so plan that move anyway.',
      ],
      'google-workspace': [
        'Gmail does not accept account passwords from apps: use OAuth, an app password (requires 2-Step Verification), or the SMTP relay service (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service) with IP-based access.',
      ],
    },
    references: [REF.msSmtpAuth, REF.msPrinters, REF.gSmtpErrors, REF.gRelay],
  },
  {
    id: 'auth-mechanism-unsupported',
    title: 'No authentication mechanism in common with the server',
    summary:
      'Your server and the next hop could not agree on how to log in. The server offers mechanisms (such as PLAIN, LOGIN, CRAM-MD5) that your side cannot or may not use — often because the SASL modules are not installed, or because plain-text mechanisms are forbidden before TLS.',
    reason: 'securityerror',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Compare the mechanisms the server advertises (the AUTH line in its EHLO reply; `smtpcheck probe <host>` shows them before and after STARTTLS) with what your side supports.',
        'Plain-text mechanisms (PLAIN, LOGIN) usually need STARTTLS first: turn TLS on before authenticating.',
      ],
      'exchange-onprem': [
        'Exchange\'s Basic authentication is reported to log in with AUTH LOGIN only: if the smart host offers only PLAIN or CRAM-MD5, enable LOGIN on the smart host, or have it relay your IP and set `-SmartHostAuthMechanism None`.',
      ],
      'exchange-2003': [
        'Basic authentication in Exchange 2003 is AUTH LOGIN and Integrated Windows Authentication is NTLM/GSSAPI: the smart host must offer one of them, otherwise have it relay your IP and set Outbound Security to Anonymous access.',
      ],
      postfix: [
        'Install the SASL mechanism modules (`libsasl2-modules` on Debian/Ubuntu, `cyrus-sasl-plain` on RHEL), allow plain-text mechanisms with `postconf -e \'smtp_sasl_security_options = noanonymous\'` (over TLS: `smtp_sasl_tls_security_options`), and skip mechanisms that cannot work with `postconf -e \'smtp_sasl_mechanism_filter = plain, login\'`; then `postfix reload`.',
      ],
      exim: [
        'Define a client authenticator whose `public_name` matches a mechanism the server advertises (`driver = plaintext` for PLAIN or LOGIN, `driver = cram_md5` for CRAM-MD5).',
      ],
      sendmail: [
        'Install the Cyrus SASL plugins (`libsasl2-modules` / `cyrus-sasl-plain`) and list a mechanism the server offers in the `M:` field of /etc/mail/authinfo ("available mechanisms do not fulfill requirements" means none matched).',
      ],
    },
    references: [REF.rfc4954, REF.pfSasl, REF.eximAuth, REF.sendmailAuth],
  },
  {
    id: 'tls-required-for-auth',
    title: 'The server requires TLS before authentication',
    summary:
      'The server accepts a login only inside an encrypted (TLS) session. Your side tried to authenticate, or to send, without starting TLS first ("530 5.7.0 Must issue a STARTTLS command first", 538 5.7.11).',
    reason: 'securityerror',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Turn on STARTTLS for this connection (port 587), or use implicit TLS on port 465 if the server offers it.',
        'Make sure your side trusts the server\'s certificate and speaks TLS 1.2 or newer.',
      ],
      'exchange-onprem': [
        '`Set-SendConnector "<name>" -SmartHostAuthMechanism BasicAuthRequireTLS -IgnoreSTARTTLS $false -AuthenticationCredential (Get-Credential)`; the smart host\'s certificate must carry the name you connect to.',
      ],
      'exchange-2003': [
        'SMTP connector → Properties → Advanced → Outbound Security → tick TLS encryption together with Basic authentication. Exchange 2003 only negotiates TLS 1.0, which most providers now refuse.',
      ],
      postfix: [
        'Require TLS to the relay: `postconf -e \'smtp_tls_security_level = encrypt\'` (or only for it: `[smtp.example.net]:587 encrypt` in `smtp_tls_policy_maps`); for port 465 use `smtp_tls_wrappermode = yes` with `relayhost = [smtp.example.net]:465` (wrapper mode also needs `smtp_tls_security_level = encrypt`). Then `postfix reload`.',
      ],
      exim: [
        'Set `hosts_require_tls = <smarthost>` on the smtp transport so Exim always starts TLS there before AUTH.',
      ],
      sendmail: [
        'sendmail starts TLS by itself when the server offers it, if it was built with STARTTLS (`sendmail -d0.1 -bv root | grep STARTTLS`); set `confCACERT_PATH` and `confCACERT` so it can verify the server, then rebuild and restart.',
      ],
    },
    confirmBy: {
      target: 'remote-host',
      findings: ['auth-only-after-starttls'],
      note: 'The probe shows AUTH missing from the first EHLO and present after STARTTLS: the server wants TLS before any login.',
    },
    references: [REF.rfc3207, REF.rfc4954, REF.ms5757, REF.pfTls, REF.psSetSendConnector],
  },
];
