/**
 * Causes about TLS between two mail servers: STARTTLS missing or failing, no common TLS version,
 * bad certificates, and DANE / MTA-STS policy failures.
 */
import type { Cause } from '../types';
import { REF } from './refs';

export const TLS_CAUSES: Cause[] = [
  {
    id: 'tls-required-not-offered',
    title: 'TLS is required but the server does not offer STARTTLS',
    summary:
      'Encryption (TLS) is required for this destination — by your own connector or policy, or by the recipient\'s DANE or MTA-STS policy — but the receiving server did not offer STARTTLS. Either TLS is switched off there, or a firewall doing "SMTP inspection" removes STARTTLS from the server\'s reply.',
    reason: 'failedstarttls',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Probe the destination: if STARTTLS is missing from its EHLO reply, tell the recipient\'s administrator to enable it.',
        'If a probe from outside shows STARTTLS but your server does not see it, a firewall near you rewrites SMTP: turn off its SMTP/ESMTP inspection (on a Cisco ASA: `policy-map global_policy`, `class inspection_default`, `no inspect esmtp`).',
        'If only your own policy demands TLS for every domain, limit mandatory TLS to the partners that need it.',
      ],
      'exchange-2003': [
        'Sender side: if your own SMTP connector has TLS encryption ticked (Properties → Advanced → Outbound Security) and its address space is `*`, every domain without TLS fails with "The remote SMTP service does not support TLS": untick it there and create a separate connector, with TLS, only for partner domains that require it (Microsoft KB 329061).',
      ],
      'exchange-onprem': [
        'Sender side: `Get-SendConnector | fl Name,AddressSpaces,RequireTLS,TlsAuthLevel,TlsDomain`: `RequireTLS $true` on the `*` connector forces TLS for everyone. Set `-RequireTLS $false` there and put mandatory TLS on a connector scoped to the partner domains.',
      ],
      'exchange-online': [
        'Sender side: `Get-OutboundConnector | fl Name,RecipientDomains,TlsSettings,SmtpDaneMode,MtaStsMode`: a connector with TlsSettings forces TLS for its domains. Failures caused by the recipient\'s DANE (4.7.321) must be fixed by the recipient.',
      ],
      postfix: [
        'Sender side: check `postconf smtp_tls_security_level smtp_tls_policy_maps`: `encrypt`, `verify`, `secure` and `dane-only` require TLS. If the partner agrees, lower that one domain to `may` in the policy map (`partner.example may`, then `postmap` it) — otherwise they must enable STARTTLS.',
      ],
      exim: [
        'Sender side: check whether `hosts_require_tls` on the smtp transport matches this host; narrow it to the partners that require TLS.',
      ],
      sendmail: [
        'Sender side: check /etc/mail/access for a `TLS_Srv:<host>` entry (e.g. `ENCR:112`) that demands encryption for this server.',
      ],
    },
    confirmBy: {
      target: 'remote-host',
      findings: ['starttls-not-offered'],
      note: 'The probe reads the server\'s EHLO reply from outside your network: no STARTTLS there confirms the server does not offer TLS.',
    },
    references: [REF.rfc3207, REF.pfTls, REF.kb329061, REF.psSetSendConnector, REF.msNdr],
  },
  {
    id: 'starttls-failed',
    title: 'The STARTTLS handshake failed',
    summary:
      'The receiving server offered STARTTLS, but the TLS handshake then failed — a broken or missing certificate or key on the server, a TLS library problem, or a device in the path interfering. Senders that require TLS cannot deliver until it works.',
    reason: 'failedstarttls',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Run `smtpcheck probe <host>` (or `openssl s_client -starttls smtp -connect <host>:25`) to see where the handshake fails.',
        'Tell the recipient\'s administrator, with the error: they need a valid certificate and key installed for SMTP.',
        'If your side is the one failing (old TLS library), see "The two servers share no TLS version".',
      ],
      'exchange-onprem': [
        'Recipient side: `Get-ExchangeCertificate | fl Thumbprint,Subject,CertificateDomains,NotAfter,Services` — a valid certificate must be enabled for SMTP: `Enable-ExchangeCertificate -Thumbprint <thumbprint> -Services SMTP`.',
      ],
      postfix: [
        'Recipient side: check `postconf smtpd_tls_cert_file smtpd_tls_key_file smtpd_tls_chain_files` point at readable, matching files, look for "TLS library problem" in the log, and `postfix reload` after fixing.',
      ],
      exim: [
        'Recipient side: check `tls_certificate` and `tls_privatekey` point at readable, matching files (Debian: /etc/exim4/exim.crt and exim.key), then restart Exim.',
      ],
    },
    confirmBy: {
      target: 'remote-host',
      findings: ['starttls-failed', 'tls-failed', 'tls-legacy-only'],
      note: 'The probe performs STARTTLS itself and reports the handshake error and the TLS version the server negotiates.',
    },
    references: [REF.rfc3207, REF.pfTls, REF.msTlsBlog],
  },
  {
    id: 'tls-version-unsupported',
    title: 'The two servers share no TLS version',
    summary:
      'The two servers could not agree on a TLS version or cipher. Usually one side is old — Exchange 2003/2007/2010 on an old Windows, an old appliance or printer — and speaks only TLS 1.0/1.1, which Microsoft 365, Gmail and most modern servers no longer accept.',
    reason: 'failedstarttls',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Find which side is old: `smtpcheck probe <host>` shows the TLS version the receiving server negotiates; compare with your server\'s operating system and software version.',
        'Upgrade the old side to TLS 1.2 or newer (operating system, mail software, device firmware).',
        'If that is impossible for now, relay the old system\'s mail through a current mail server on your network.',
      ],
      'exchange-2003': [
        'Exchange 2003 on Windows Server 2003 cannot negotiate TLS 1.2 and no setting adds it: relay outbound mail through a newer server (current Exchange, an Edge/gateway, Postfix) or a provider that accepts your IP without TLS, and plan the migration.',
      ],
      'exchange-onprem': [
        'Check the version first: Exchange 2013 CU19 / 2016 CU8 and later (and every 2019/SE build) can use TLS 1.2; Exchange 2010 SMTP stays on TLS 1.0 before SP3 Update Rollup 9 (KB 3029667; install the last rollup); Exchange 2007 is not supported with TLS 1.2 — relay its mail through a newer server, as for Exchange 2003.',
        'Windows Server 2012 and later have TLS 1.2 on in Schannel; Windows Server 2008 R2 needs the keys `HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client` and `…\\Server` with Enabled=1 and DisabledByDefault=0.',
        'For .NET set `SystemDefaultTlsVersions`=1 and `SchUseStrongCrypto`=1 under `HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319` and `HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319` (Microsoft\'s "Exchange Server TLS configuration best practices" lists every key per version), then reboot.',
        'Confirm with send protocol logging (`Set-SendConnector "<name>" -ProtocolLoggingLevel Verbose`): the log records the protocol each outbound session negotiated.',
      ],
      'exchange-online': [
        'Devices that submit with SMTP AUTH over TLS 1.0/1.1 get 421 4.7.66: update their firmware to TLS 1.2, or move them to direct send or an inbound connector relay.',
      ],
      postfix: [
        'Check `postconf smtp_tls_protocols smtp_tls_mandatory_protocols` do not exclude TLSv1.2/TLSv1.3 (Postfix 3.6+ accepts `>=TLSv1.2`), and that the OpenSSL library is current.',
      ],
    },
    confirmBy: {
      target: 'remote-host',
      findings: ['tls-legacy-only'],
      note: 'The probe reports the TLS version the server negotiates; a server that speaks only TLS 1.0/1.1 cannot talk to modern senders.',
    },
    references: [REF.msTlsBlog, REF.msExchTls, REF.kb3029667, REF.msPrinters, REF.pfTls, REF.rfc3207],
  },
  {
    id: 'tls-cert-invalid',
    title: 'The server certificate is expired, untrusted or for another name',
    summary:
      'The receiving server\'s TLS certificate is expired, not issued by a trusted authority (self-signed or missing intermediate certificates), or does not name the server. Senders that verify certificates — because of DANE, MTA-STS or their own policy — refuse to deliver.',
    reason: 'failedstarttls',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Run `smtpcheck probe <host>`: it shows the certificate\'s names, issuer, expiry date and whether it is trusted.',
        'The recipient\'s administrator must install a valid certificate from a public authority, with the full chain, naming the MX host.',
        'If your side requires verification for this partner, make sure the name you check (TlsDomain or the policy\'s match) is the one on their certificate.',
      ],
      'exchange-onprem': [
        'Recipient side: `Get-ExchangeCertificate | fl Thumbprint,Subject,CertificateDomains,NotAfter,Services`; import the renewed certificate and `Enable-ExchangeCertificate -Thumbprint <thumbprint> -Services SMTP`.',
        'Sender side: `Get-SendConnector | fl Name,RequireTLS,TlsAuthLevel,TlsDomain` — with DomainValidation the TlsDomain must match the partner\'s certificate (TlsAuthLevel works only with `-RequireTLS $true`, and TlsDomain can be set only with DomainValidation).',
      ],
      'exchange-online': [
        'Sender side: `Get-OutboundConnector | fl Name,TlsSettings,TlsDomain`; with `-TlsSettings DomainValidation` the `-TlsDomain` must match the name on the partner\'s certificate (wildcards such as *.partner.example are allowed).',
      ],
      postfix: [
        'Recipient side: `smtpd_tls_chain_files` (Postfix 3.4+) takes a file with the private key followed by the certificate and its intermediates; with the older `smtpd_tls_cert_file` put the intermediates after the server certificate in that file. Then `postfix reload`.',
        'Sender side: with `verify`/`secure` in `smtp_tls_policy_maps`, the `match=` names must cover the partner\'s certificate.',
      ],
      exim: [
        'Recipient side: `tls_certificate` must contain the certificate followed by its intermediates; restart Exim after renewing.',
      ],
    },
    confirmBy: {
      target: 'remote-host',
      findings: ['cert-expired', 'cert-not-yet-valid', 'cert-untrusted', 'cert-name-mismatch'],
      note: 'The probe checks the certificate the server presents after STARTTLS: expiry, trust chain and whether its names cover the host.',
    },
    references: [REF.msNdr, REF.psSetSendConnector, REF.psSetOutboundConnector, REF.pfTls],
  },
  {
    id: 'dane-mta-sts-failure',
    title: 'DANE or MTA-STS policy validation failed',
    summary:
      'The recipient domain publishes a policy that requires verified TLS: DANE (TLSA records signed with DNSSEC) or MTA-STS (a policy file on a web server). Its mail server does not match that policy — wrong MX names in the policy, a certificate that does not match the TLSA record, or broken DNSSEC — so careful senders refuse to deliver.',
    reason: 'failedstarttls',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Tell the recipient\'s administrator; only they can fix their policy, and senders must not switch the check off.',
        'MTA-STS: the policy at https://mta-sts.<domain>/.well-known/mta-sts.txt must list every MX host exactly, each MX must present a valid certificate for its name, and the id in the `_mta-sts.<domain>` TXT record must change after every policy change.',
        'DANE: the TLSA records must match the certificate (or key) each MX presents — publish the new record before rolling a certificate — and the DNSSEC chain must validate.',
        'TLS-RPT reports (`_smtp._tls.<domain>` TXT) show the recipient which senders fail and why.',
      ],
      'exchange-online': [
        'Sender side: `Get-OutboundConnector | fl Name,SmtpDaneMode,MtaStsMode` shows whether Exchange Online enforces DANE/MTA-STS for the destination; failures (4.7.321–4.7.324) are retried for about a day and must be fixed by the recipient.',
      ],
      postfix: [
        'Sender side: `posttls-finger -t30 -T180 -c -L verbose <domain>` shows what Postfix sees for TLSA and the certificate; DANE is used when `smtp_dns_support_level = dnssec` and `smtp_tls_security_level = dane`.',
      ],
    },
    confirmBy: {
      target: 'recipient-domain',
      findings: ['mta-sts-invalid', 'mta-sts-tls-mismatch'],
      note: 'The probe fetches the domain\'s MTA-STS record and policy and compares the policy\'s MX list with the real MX records.',
    },
    references: [REF.rfc8461, REF.rfc8460, REF.rfc7672, REF.psSetOutboundConnector, REF.pfTls],
  },
];
