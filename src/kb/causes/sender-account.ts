/**
 * Causes about the sender's address or account: refused envelope senders, unverified identities,
 * blocked or throttled accounts, forwarding policy, Send As rights, sending-service suppression, and
 * recipients the sender's own organisation blocks (Microsoft 365 Tenant Allow/Block List).
 */
import type { Cause } from '../types';
import { REF } from './refs';

export const SENDER_ACCOUNT_CAUSES: Cause[] = [
  {
    id: 'sender-rejected',
    title: 'The envelope sender address was refused',
    summary:
      'The receiving server refused the sender address given in the SMTP envelope (MAIL FROM, the return path). It is often an address that cannot receive replies — an unqualified name like root@localhost, an internal domain, or a made-up address an application uses.',
    reason: 'rejected',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Look at the Return-Path of the bounced message: it must be a real, fully qualified address in a public domain that can receive mail (bounces go back to it).',
        'Applications and devices often send as root@localhost, noreply@server.local or similar: configure them with a real address in your domain.',
        'Some receivers check the sender by calling back your MX: make sure your server accepts mail for that address.',
      ],
      postfix: [
        'Unqualified senders get `$myorigin` appended: set `postconf -e \'myorigin = example.com\'`; rewrite internal addresses on the way out with `smtp_generic_maps` (e.g. `@server.local @example.com` in /etc/postfix/generic, then `postmap /etc/postfix/generic`, `postconf -e \'smtp_generic_maps = hash:/etc/postfix/generic\'`, `postfix reload`).',
      ],
      exim: [
        'Set `qualify_domain = example.com` for unqualified addresses, and rewrite internal sender domains in the `begin rewrite` section (e.g. `*@server.local $1@example.com Ffrs`).',
      ],
      sendmail: [
        "Masquerade internal senders: ``MASQUERADE_AS(`example.com')dnl`` and ``FEATURE(`masquerade_envelope')dnl`` in sendmail.mc, rebuild sendmail.cf and restart.",
      ],
    },
    references: [REF.rfc5321, REF.rfc3463],
  },
  {
    id: 'sender-domain-invalid',
    title: 'The sender domain cannot receive mail or does not resolve',
    summary:
      'The domain in your sender address does not exist in public DNS, has no mail server, or publishes a null MX saying it takes no mail. Receivers refuse such senders because bounces and replies could never reach them.',
    reason: 'rejected',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Check the sender domain from outside: `dig mx example.com +short` and `dig a example.com +short` must return something, and it must not be a null MX (`0 .`).',
        'Internal domains (example.local, corp.lan) cannot be used on the internet: rewrite them to your public domain before mail leaves.',
        'If the domain has expired or its DNS is broken, renew it or fix the DNS hosting.',
      ],
      'exchange-onprem': [
        'Make sure users\' primary addresses use a public accepted domain: `Get-AcceptedDomain` and `Get-EmailAddressPolicy | fl Name,EnabledPrimarySMTPAddressTemplate,EnabledEmailAddressTemplates`.',
      ],
      'exchange-2003': [
        'Check the primary SMTP address generated for users: Exchange System Manager → Recipients → Recipient Policies → Default Policy → Properties → E-Mail Addresses (Policy) must use your public domain.',
      ],
      postfix: [
        'Rewrite internal sender domains on the way out: `@example.local @example.com` in /etc/postfix/generic, `postmap /etc/postfix/generic`, `postconf -e \'smtp_generic_maps = hash:/etc/postfix/generic\'`, `postfix reload`.',
      ],
    },
    confirmBy: {
      target: 'sender-domain',
      findings: ['mx-missing', 'null-mx'],
      note: 'The probe of your own domain shows whether it has MX/address records, or a null MX that says it accepts no mail.',
    },
    references: [REF.rfc7505, REF.rfc3463, REF.yErrors],
  },
  {
    id: 'sender-unverified',
    title: 'The sending identity is not verified with the sending service',
    summary:
      'The email service you send through (for example Amazon SES, or Microsoft 365 for a tenant\'s domains) only sends for addresses or domains you have verified with it. The From or return-path address is not verified, or the account is still in a sandbox that allows only verified recipients.',
    reason: 'rejected',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Verify the domain (or the exact address) in the sending service, in the same region your application sends through.',
        'If the service has a sandbox (Amazon SES does), recipients must be verified too until you request production access.',
        'Make sure the application sends with a From and return-path in the verified domain.',
      ],
      'exchange-online': [
        'Microsoft 365 550 5.7.750 "client blocked from sending from unregistered domains": add every domain you send from and verify it (Microsoft 365 admin center → Settings → Domains → Add domain); `Get-AcceptedDomain` lists the tenant\'s accepted domains.',
        'Servers and devices that relay through the tenant: use a certificate-based inbound connector whose certificate names one of your verified domains.',
        'Look for inbound connectors you did not create and for compromised accounts: attackers add connectors to send spam through a tenant (`Get-InboundConnector`).',
      ],
    },
    references: [REF.sesErrors, REF.ms57700],
  },
  {
    id: 'account-sending-blocked',
    title: 'The sending account is blocked from sending',
    summary:
      'Your mail provider has blocked this account (in Microsoft 365 sometimes the whole tenant) from sending, usually because it sent spam — most often because the account was compromised — or because it went over an outbound limit. It stays blocked until an administrator secures and releases it.',
    reason: 'rejected',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Treat the account as compromised: reset its password, sign out all sessions, require multi-factor authentication and check the devices it is used on.',
        'Look for mailbox rules and forwarding you did not create (attackers hide replies and forward mail).',
        'Then release the account in your provider\'s admin tools (see your platform) and watch its outbound volume.',
      ],
      'exchange-online': [
        'Defender portal → Email & collaboration → Review → Restricted entities: select the user and release them once the account is secured; in PowerShell `Get-BlockedSenderAddress` and `Remove-BlockedSenderAddress -SenderAddress <user>`.',
        'Check the user\'s rules with `Get-InboxRule -Mailbox <user>` and forwarding with `Get-Mailbox <user> | fl ForwardingSmtpAddress,DeliverToMailboxAndForward`.',
        'Review the outbound spam policy limits (Threat policies → Anti-spam → Anti-spam outbound policy) if the user legitimately sends a lot.',
        '550 5.7.705 "tenant has exceeded threshold" blocks the whole tenant, not one user: look for a compromised on-premises server that relays through Exchange Online and for inbound connectors you did not create (`Get-InboundConnector | fl Name,ConnectorType,SenderIPAddresses,TlsSenderCertificateName,WhenCreated`); once fixed, open a support case to have the block removed. Renewing a subscription that had already expired can cause it for up to a day.',
      ],
      'google-workspace': [
        'Admin console → Directory → Users: if the user was suspended for suspicious sending, reset the password, review 2-Step Verification and app passwords, then restore the user.',
      ],
    },
    references: [REF.ms518, REF.ms57700, REF.sesErrors],
  },
  {
    id: 'sending-quota-exceeded',
    title: 'The sender exceeded a sending limit',
    summary:
      'The account or service hit its sending limit — messages or recipients per minute or per day. Sending works again when the limit window resets; bulk mail belongs on a service meant for it.',
    reason: 'exceedlimit',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Wait for the limit to reset (Microsoft 365 and Gmail count over a rolling 24 hours), then resend what bounced.',
        'Newsletters and bulk mail belong on a bulk-mail service, not on a user mailbox.',
        'If nobody sent that much on purpose, treat the account as compromised: reset the password and check for forwarding rules.',
      ],
      'exchange-online': [
        'Exchange Online allows about 10,000 recipients per day and 30 messages per minute per mailbox; a user over it gets 5.2.2 "submission quota exceeded". If the volume is unexplained, check for compromise (Defender portal → Review → Restricted entities).',
      ],
      'google-workspace': [
        'Google Workspace limits each user to about 2,000 messages per day; the SMTP relay service to 10,000 messages and 10,000 unique recipients per user per 24 hours ("550 5.4.5 Daily SMTP relay limit exceeded for user"). The limit lifts within 24 hours.',
      ],
    },
    references: [REF.msQuota, REF.gSmtpErrors, REF.sesQuota],
  },
  {
    id: 'external-forwarding-blocked',
    title: 'Automatic forwarding to external recipients is blocked',
    summary:
      'A mailbox rule or forwarding setting tried to forward mail automatically to an outside address, and your organisation\'s policy blocks automatic external forwarding (Microsoft 365 blocks it by default). Forwarding by hand still works.',
    reason: 'policyviolation',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Decide whether this user may forward automatically to outside addresses; blocking it is a deliberate defence against data theft from compromised accounts.',
        'If allowed, enable it only for that user (see your platform); otherwise remove the forwarding rule.',
      ],
      'exchange-online': [
        'Defender portal → Email & collaboration → Policies & rules → Threat policies → Anti-spam → create a custom outbound policy for the allowed users with "Automatic forwarding rules" set to On.',
        'Or in PowerShell: `New-HostedOutboundSpamFilterPolicy -Name AllowForwarding -AutoForwardingMode On` and `New-HostedOutboundSpamFilterRule -Name AllowForwarding -HostedOutboundSpamFilterPolicy AllowForwarding -From <user>`.',
        'Also check the remote domain setting: `Get-RemoteDomain | fl Name,AutoForwardEnabled` ($false there blocks automatic forwarding to that domain as well).',
      ],
      'exchange-onprem': [
        'Check `Get-RemoteDomain | fl Name,DomainName,AutoForwardEnabled`; allow forwarding to one partner with a remote domain for it: `New-RemoteDomain -Name Partner -DomainName partner.example` and `Set-RemoteDomain Partner -AutoForwardEnabled $true`.',
      ],
      'google-workspace': [
        'Admin console → Apps → Google Workspace → Gmail → End User Access → Automatic forwarding: allow it for the organisational unit that needs it.',
      ],
    },
    references: [REF.msFwd, REF.psSetHostedOutboundSpamFilterPolicy, REF.rfc3463],
  },
  {
    // 550 5.7.703: unlike sender-blocked (the recipient's organisation refuses us), the block is the sender's
    // own. Microsoft Learn: Tenant Allow/Block List block entries for domains and addresses also stop users
    // sending to them, and one blocked recipient fails the whole message (tenant-allow-block-list-email-spoof-configure,
    // fix-error-code-5-7-700-through-5-7-750). No other platform names this block in its NDR, so only
    // Microsoft steps are given; an on-premises server sees it only when its mail leaves through a tenant.
    id: 'recipient-blocked-by-own-policy',
    title: 'Your own organisation blocks mail to this recipient',
    summary:
      'Your own organisation has blocked the recipient\'s address or domain: in Microsoft 365 a block entry in the Tenant Allow/Block List stops mail from that address coming in and also stops your users sending to it. Exchange Online refused the whole message, for every recipient on it, before it left your organisation. Only an admin of your own tenant can change this; the recipient has nothing to fix.',
    reason: 'policyviolation',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'The block is your own organisation\'s, not the recipient\'s: the bounce says messages to the listed addresses "are blocked by your organization", so the recipient\'s admin cannot help.',
        'Ask your email or security admin to review the block entry for each address or domain the bounce lists: remove it if it is no longer wanted, or keep it and resend without those recipients.',
        'One blocked recipient stops the whole message for everyone on it, internal recipients included, so nobody received it: to reach the others now, resend it without the blocked addresses.',
      ],
      'exchange-online': [
        'Microsoft Defender portal → Email & collaboration → Policies & rules → Threat policies → Tenant Allow/Block Lists (Rules section; direct link https://security.microsoft.com/tenantAllowBlockList) → Domains & addresses tab: find the Block entry for each address or domain the NDR names — an exact entry, or a `*.example.com` entry, which blocks the domain, its subdomains and their addresses. The Notes and Modified by columns say who added it and why.',
        'In Exchange Online PowerShell: `Get-TenantAllowBlockListItems -ListType Sender -Block` lists the block entries for domains and addresses, and `Get-TenantAllowBlockListItems -ListType Sender -Entry "<address or domain>"` checks one. These Sender entries are the ones that also block outgoing mail.',
        'If the block is no longer wanted, select the entry → Delete, or run `Remove-TenantAllowBlockListItems -ListType Sender -Entries "<address or domain>"`; then have the user send the message again (a 5.7.703 NDR is final, nothing retries it).',
        'If it must stay (often it was added to stop phishing from that sender, for example from Submissions with "Block all emails from this sender or domain"), resend without the blocked recipients. To block only incoming mail from a sender and still let users write to it, use the blocked senders or blocked domains list of an anti-spam policy instead: Microsoft lists those as inbound blocklists, and only Tenant Allow/Block List entries also block sending.',
      ],
      'exchange-onprem': [
        'The Tenant Allow/Block List exists only in Microsoft 365: an on-premises server that got this NDR sends its outgoing mail through an Exchange Online tenant (hybrid, or Exchange Online Protection as the outbound route), so the entry is in that tenant — follow the Exchange Online steps there.',
      ],
    },
    references: [REF.ms57700, REF.msTablEmail, REF.msTabl, REF.psGetTablItems, REF.psRemoveTablItems, REF.msBlockLists],
  },
  {
    id: 'send-as-denied',
    title: 'The account has no permission to send as this address',
    summary:
      'The account that logged in to send is not allowed to use the From address on the message — for example a shared mailbox, another user or a device sending as a different address. The server refuses to send it as someone else.',
    reason: 'securityerror',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Either send with the signed-in account\'s own address, or grant that account "Send As" permission on the address it uses.',
        'For scanners and applications, the From address must be the mailbox they authenticate as, or one it may send as.',
      ],
      'exchange-online': [
        'Grant Send As: `Add-RecipientPermission -Identity <mailbox> -Trustee <user> -AccessRights SendAs` (or EAC → Recipients → Mailboxes → the mailbox → Delegation → Send as). It can take up to an hour to apply.',
      ],
      'exchange-onprem': [
        'Grant Send As: `Add-ADPermission -Identity "<mailbox display name>" -User <user> -ExtendedRights "Send As"` (or EAC → recipients → mailbox → mailbox delegation).',
      ],
      'exchange-2003': [
        'Active Directory Users and Computers → View → Advanced Features → the mailbox\'s user → Properties → Security → Add the sending account and allow "Send As".',
      ],
      'google-workspace': [
        'The user adds the address in Gmail → Settings → Accounts → "Send mail as". For the SMTP relay service (Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service), "Allowed senders" is a choice: "Only registered Apps users in my domains" refuses addresses that are not Workspace users; "Only addresses in my domains" accepts any address in your domains (a device or app address); "Any addresses" is not recommended.',
      ],
    },
    references: [REF.msNdr, REF.msPrinters, REF.gRelay],
  },
  {
    id: 'suppressed-address',
    title: 'The sending service suppressed the address',
    summary:
      'Your email-sending service did not even try to deliver: the address is on its suppression list because it bounced permanently or its owner complained before. The service protects your reputation by not sending to it again.',
    reason: 'suppressed',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Check why the address was suppressed (hard bounce or complaint) in the sending service\'s console.',
        'Only if you have confirmed the address is valid now and the person wants your mail, remove it from the suppression list (Amazon SES: `aws sesv2 delete-suppressed-destination --email-address <address>`).',
        'Otherwise remove the address from your own list as well.',
      ],
    },
    references: [REF.sesErrors],
  },
];
