/**
 * Causes about routing and relay configuration: relaying refused, Microsoft 365 tenant attribution,
 * loops, and a recipient domain whose MX or accepted-domain setup is wrong.
 */
import type { Cause } from '../types';
import { REF } from './refs';

export const ROUTING_CAUSES: Cause[] = [
  {
    id: 'relay-denied',
    title: 'The server refused to relay the message',
    summary:
      'The server your mail was handed to will only pass on mail for domains it hosts, or for senders it trusts (by login or by IP address), and it did not recognise you as either. Typical for printers, scanners and applications pointed at the wrong server or without credentials, and for smart hosts that no longer relay for you.',
    reason: 'norelaying',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Check which server refused it: your own relay or smart host (then it must trust you), or the recipient\'s MX (then it does not consider the recipient domain its own — see "The recipient domain\'s MX or accepted-domain setup is wrong").',
        'For a device or application: make it log in (SMTP AUTH on port 587 with STARTTLS), or have the relay allow its fixed IP address.',
        'For your server\'s smart host: confirm the smart host still relays for your IP or account, and that your connector points at the right host.',
      ],
      'exchange-onprem': [
        'As the relay: let a device relay anonymously through a dedicated Receive connector limited to its IP: `New-ReceiveConnector -Name "Relay <device>" -TransportRole FrontendTransport -Custom -Bindings 0.0.0.0:25 -RemoteIpRanges <device IP>` (Exchange 2013 and later; on 2007/2010 leave out `-TransportRole` and add `-Server <hub server>`).',
        'Then `Set-ReceiveConnector "<server>\\Relay <device>" -PermissionGroups AnonymousUsers` and `Get-ReceiveConnector "<server>\\Relay <device>" | Add-ADPermission -User "NT AUTHORITY\\ANONYMOUS LOGON" -ExtendedRights "Ms-Exch-SMTP-Accept-Any-Recipient"`. Keep RemoteIPRanges to the device addresses only: anyone in that range can relay.',
        'If your own Send connector forwards to a smart host that refuses, check `Get-SendConnector | fl Name,DNSRoutingEnabled,SmartHosts,SmartHostAuthMechanism` against what the smart host expects.',
      ],
      'exchange-2003': [
        'As the relay: Default SMTP Virtual Server → Properties → Access → Relay: choose "Only the list below", add the device\'s IP, and keep "Allow all computers which successfully authenticate to relay" ticked.',
      ],
      'exchange-online': [
        'Devices and applications have three options: SMTP AUTH to smtp.office365.com port 587 with a licensed mailbox; direct send to your MX (internal recipients only); or relay through an inbound connector from your static IP (Exchange admin center → Mail flow → Connectors → from "Your organization\'s email server", identified by IP or certificate).',
      ],
      'google-workspace': [
        'Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service: add a setting that allows the device\'s IP addresses and/or requires SMTP authentication, then point the device at smtp-relay.gmail.com on port 587.',
      ],
      postfix: [
        'As the relay: add the device to `mynetworks` (`postconf -e \'mynetworks = 127.0.0.0/8 [::1]/128 192.0.2.10/32\'`) and keep `smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination`; `postfix reload`.',
        'As the client of a smart host that refuses: configure SASL for the relayhost (`smtp_sasl_auth_enable`, `smtp_sasl_password_maps`).',
      ],
      exim: [
        'As the relay: add the device\'s IP to the `relay_from_hosts` host list (Debian: `dc_relay_nets` in /etc/exim4/update-exim4.conf.conf, then `update-exim4.conf`) and restart Exim.',
      ],
      sendmail: [
        'As the relay: add `Connect:192.0.2.10 RELAY` to /etc/mail/access, run `makemap hash /etc/mail/access < /etc/mail/access` (needs FEATURE(access_db) in sendmail.mc).',
      ],
    },
    references: [REF.msOnpremNdr, REF.msPrinters, REF.gRelay, REF.gRelaySetup, REF.pfPostconf, REF.rfc5321],
  },
  {
    id: 'tenant-attribution-failed',
    title: 'Microsoft 365 could not attribute the mail to your tenant',
    summary:
      'Microsoft 365 received mail from your on-premises server, device or partner relay but could not match it to your organisation by its IP address or certificate. It therefore refused to relay it (5.7.64 TenantAttribution, or 4.4.62 mail sent to the wrong region).',
    reason: 'norelaying',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Find the public IP (and TLS certificate name) your server or device uses when it connects to Microsoft 365, and compare it with the inbound connector in your tenant.',
        'After a change of internet line, public IP or certificate renewal, the connector must be updated to match.',
      ],
      'exchange-online': [
        'Check the connector: `Get-InboundConnector | fl Name,ConnectorType,SenderIPAddresses,TlsSenderCertificateName,RestrictDomainsToCertificate,RestrictDomainsToIPAddresses`.',
        'Update it to match: `Set-InboundConnector "<name>" -SenderIPAddresses <public IP>` or `-TlsSenderCertificateName <name on the certificate>` (Exchange admin center → Mail flow → Connectors).',
      ],
      'exchange-onprem': [
        'Make sure the Send connector to Microsoft 365 presents the certificate the inbound connector expects: `Get-SendConnector | where {$_.Name -like "Outbound to Office 365*"} | fl Name,TlsCertificateName,Fqdn` (the cmdlet\'s -Identity takes no wildcards); after renewing the certificate, rerun the Hybrid Configuration Wizard.',
      ],
    },
    references: [REF.ms5764, REF.psSetInboundConnector, REF.msPrinters],
  },
  {
    id: 'mail-loop',
    title: 'The message is looping between servers',
    summary:
      'The message went round in circles between servers (or within one server) until a hop counter ran out. A forwarding rule pointing back, an MX record pointing at a server that does not consider itself the destination, or a connector routing mail back where it came from are the usual causes.',
    reason: 'networkerror',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Read the Received: headers of the returned message from bottom to top to see which servers pass it back and forth.',
        'Look for forwarding in both directions (mailbox A forwards to B, B forwards back to A), and for a domain that each server thinks the other one hosts.',
        'Check that the domain\'s MX points at the server that really hosts its mailboxes.',
      ],
      postfix: [
        '"mail for X loops back to myself": list the domain in the right class (`mydestination`, `virtual_mailbox_domains` or `relay_domains`) — `postconf -n | grep -E \'mydestination|virtual_.*domains|relay_domains|transport_maps\'` — or fix the MX / transport entry that points back at this host.',
      ],
      'exchange-onprem': [
        'Check `Get-AcceptedDomain | fl DomainName,DomainType`: a domain hosted here must be Authoritative; an InternalRelay domain must be sent somewhere else by a Send connector (`Get-SendConnector | fl Name,AddressSpaces,SmartHosts`), not back to this server.',
        '5.3.5 "system incorrectly configured" means a Receive connector\'s FQDN equals another server\'s name: correct the FQDN.',
      ],
      'exchange-online': [
        'Check `Get-AcceptedDomain | fl DomainName,DomainType` and outbound connectors (`Get-OutboundConnector | fl Name,RecipientDomains,SmartHosts,RouteAllMessagesViaOnPremises`), and look for mailbox forwarding with `Get-Mailbox -ResultSize Unlimited | where {$_.ForwardingSmtpAddress} | ft Name,ForwardingSmtpAddress`.',
      ],
      'google-workspace': [
        'Check Gmail routing (Admin console → Apps → Google Workspace → Gmail → Routing and Hosts): split delivery or a route to a server that sends the mail back to Google loops; also check users\' forwarding.',
      ],
      exim: [
        '"Too many Received headers": find the router or alias that sends the mail back, and check that `local_domains` and `relay_to_domains` list the domain where it really belongs.',
      ],
    },
    references: [REF.ms546, REF.rfc5321, REF.msOnpremNdr],
  },
  {
    id: 'wrong-mx-or-accepted-domain',
    title: 'The recipient domain\'s MX or accepted-domain setup is wrong',
    summary:
      'The server named in the recipient domain\'s MX record does not consider that domain its own, so it refuses the mail as relaying or as an unknown recipient. The recipient organisation has moved mail systems or has not finished setting the domain up.',
    reason: 'norelaying',
    hard: true,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Look up the domain\'s MX: `dig mx <domain> +short`. If it points at a provider the recipient no longer uses (or never finished moving to), tell them by another channel.',
        'The recipient\'s administrator must either add the domain to the system the MX points at, or change the MX to the system that hosts their mailboxes.',
      ],
      'exchange-online': [
        'Recipient side: Microsoft 365 admin center → Settings → Domains: the domain must be added and verified, and the MX must be the value shown there (e.g. contoso-com.mail.protection.outlook.com).',
        'If some mailboxes of the domain live elsewhere, set the domain to internal relay so unknown users are passed on instead of refused: `Set-AcceptedDomain <domain> -DomainType InternalRelay` plus an outbound connector for it.',
      ],
      'exchange-onprem': [
        'Recipient side: `Get-AcceptedDomain` must list the domain; add it with `New-AcceptedDomain -Name <domain> -DomainName <domain> -DomainType Authoritative`.',
      ],
      'google-workspace': [
        'Recipient side: Admin console → Account → Domains → Manage domains: the domain (or alias domain) must be added and verified, and its MX set to Google\'s values.',
      ],
      postfix: [
        'Recipient side: the domain must be in `mydestination`, `virtual_mailbox_domains`, `virtual_alias_domains` or `relay_domains` (`postconf -n | grep -E \'mydestination|virtual_|relay_domains\'`).',
      ],
      exim: [
        'Recipient side: the domain must be in `local_domains` or `relay_to_domains` (Debian: `dc_other_hostnames` / `dc_relay_domains`).',
      ],
      sendmail: [
        'Recipient side: add the domain to /etc/mail/local-host-names (local delivery) or relay it with `To:<domain> RELAY` in /etc/mail/access, then restart sendmail.',
      ],
    },
    confirmBy: {
      target: 'recipient-domain',
      findings: ['rcpt-rejected'],
      note: 'A probe with `--rcpt <address>` shows whether the MX refuses the recipient at RCPT TO, with its own words ("relay access denied", "recipient rejected").',
    },
    references: [REF.ms541, REF.gMxValues, REF.pfPostconf, REF.rfc5321],
  },
];
