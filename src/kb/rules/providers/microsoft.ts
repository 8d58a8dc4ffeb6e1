/**
 * Microsoft: Exchange Online / Microsoft 365 and Outlook.com (consumer). Microsoft uses private
 * codes (5.7.708, 5.4.316, 4.7.650 …) and reuses registered ones (5.7.3 = authentication failed).
 * Sources: Microsoft Learn NDR pages (shared/reference/ndr-facts.md §2, §4.2); rows cross-checked
 * with Sisimai's Microsoft table (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from '../types';

const NDR = 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online';
const p = 'microsoft' as const;

export const MICROSOFT_RULES: readonly TextRule[] = [
  {
    id: 'microsoft-tenant-attribution', cause: 'tenant-attribution-failed', tier: 'provider', provider: p,
    pattern: /tenantattribution|wrong office 365 region|restrictdomainstoipaddresses or restrictdomainstocertificate/,
    example: '550 5.7.64 TenantAttribution; Relay Access Denied [SN1NAM02FT0047.eop-nam02.prod.protection.outlook.com]',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-64-in-exchange-online',
  },
  {
    id: 'microsoft-external-forwarding', cause: 'external-forwarding-blocked', tier: 'provider', provider: p,
    status: ['5.7.520'], pattern: /external forwarding|access denied/,
    example: '550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)',
    source: 'https://learn.microsoft.com/defender-office-365/outbound-spam-policies-external-email-forwarding',
  },
  {
    id: 'microsoft-bad-outbound-sender', cause: 'account-sending-blocked', reason: 'rejected', tier: 'provider', provider: p,
    pattern: /access denied, bad outbound sender|spam abuse detected|sending account has been banned/,
    example: '550 5.1.8 Access denied, bad outbound sender. AS(42003) [BN8NAM12FT011.eop-nam12.prod.protection.outlook.com]',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-1-8-in-exchange-online',
  },
  // 5.7.700–5.7.750: four wordings, four different fixes (Microsoft Learn, "Fix email delivery issues for
  // error codes 5.7.700 through 5.7.750 in Exchange Online"); 5.7.703 follows 5.7.750 below.
  {
    // 5.7.705: the tenant sent too much spam or bulk (a compromised on-premises server or admin account
    // creating connectors) and Microsoft blocked its outgoing mail until support lifts the block.
    id: 'microsoft-tenant-threshold', cause: 'account-sending-blocked', reason: 'speeding', tier: 'provider', provider: p,
    pattern: /tenant has exceeded threshold/,
    example: '550 5.7.705 Access denied, tenant has exceeded threshold',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750',
  },
  {
    // 5.7.708: not a blocked account — Microsoft sends this tenant's mail from known low-reputation IP
    // addresses (typical of new and trial tenants) and refuses it; licences or a support exception fix it.
    id: 'microsoft-low-reputation-ip', cause: 'bad-reputation', tier: 'provider', provider: p,
    pattern: /traffic not accepted from this ip/,
    example: "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230)",
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750',
  },
  {
    // 5.7.750: much mail from domains not added and verified in the tenant; the fix is to verify them.
    id: 'microsoft-unregistered-domains', cause: 'sender-unverified', reason: 'rejected', tier: 'provider', provider: p,
    pattern: /client blocked from sending from unregistered domains?/,
    example: '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750',
  },
  {
    // 5.7.703: the sender's OWN tenant blocks the recipient — a Tenant Allow/Block List block entry for an address
    // or domain also stops users sending to it, and fails the message for all its recipients.
    id: 'microsoft-tenant-allow-block-list', cause: 'recipient-blocked-by-own-policy', tier: 'provider', provider: p,
    pattern: /blocked by your organi[sz]ation using (?:the )?tenant allow(?: ?\/ ?| )block list/, // also written "Allow/Block"
    example: "550 5.7.703 Your message can't be delivered because messages to XXX, YYY are blocked by your organization using Tenant Allow Block List.",
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750',
  },
  {
    id: 'microsoft-smtp-auth-disabled', cause: 'smtp-auth-disabled', tier: 'provider', provider: p,
    pattern: /smtpclientauthentication is disabled|basic authentication is disabled|security defaults|smtp_auth_disabled/,
    example: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
    source: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  },
  {
    id: 'microsoft-auth-unsuccessful', cause: 'smart-host-auth-failed', tier: 'provider', provider: p,
    pattern: /535 5\.7\.3 authentication unsuccessful|authentication unsuccessful/,
    unless: /send anonymous mail|smtpclientauthentication is disabled/,
    example: '535 5.7.3 Authentication unsuccessful [SN4PR0601CA0012.namprd06.prod.outlook.com]',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off',
  },
  {
    id: 'microsoft-anonymous-not-allowed', cause: 'auth-required', tier: 'provider', provider: p,
    pattern: /client was not authenticated to send anonymous mail|client not authenticated to send mail/,
    example: '530 5.7.57 Client not authenticated to send mail. [SN4PR0601CA0012.namprd06.prod.outlook.com]',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-57-in-exchange-online',
  },
  {
    id: 'microsoft-send-as-denied', cause: 'send-as-denied', tier: 'provider', provider: p,
    pattern: /does not have permissions to send as this sender|sendasdenied/,
    example: '554 5.2.252 SendAsDenied; user@example.com not allowed to send as sender@example.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off',
  },
  {
    id: 'microsoft-dmarc', cause: 'dmarc-reject', tier: 'provider', provider: p,
    pattern: /does not pass dmarc verification/,
    example: '550 5.7.509 Access denied, sending domain [EXAMPLE.JP] does not pass DMARC verification and has a DMARC policy of reject.',
    source: NDR,
  },
  {
    id: 'microsoft-consumer-auth-level', cause: 'bulk-sender-requirements', reason: 'authfailure', tier: 'provider', provider: p,
    pattern: /doesn't meet the required authentication level/,
    example: "550 5.7.515 Access denied, sending domain EXAMPLE.JP doesn't meet the required authentication level.",
    source: 'https://support.microsoft.com/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef',
  },
  {
    id: 'microsoft-spf', cause: 'spf-fail', tier: 'provider', provider: p,
    pattern: /sender policy framework violation|spf permanent error/,
    example: '550 5.7.23 The message was rejected because of Sender Policy Framework violation',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-23-in-exchange-online',
  },
  {
    id: 'microsoft-ipv6-spf-dkim', cause: 'auth-records-missing', tier: 'provider', provider: p,
    pattern: /must pass either spf or dkim/,
    example: '450 4.7.26 Access denied, a message sent over IPv6 [2001:db8::25] must pass either SPF or DKIM validation, this message is not signed',
    source: NDR,
  },
  {
    id: 'microsoft-ipv6-ptr', cause: 'ptr-missing', tier: 'provider', provider: p,
    pattern: /must have a reverse dns record/,
    example: '550 5.7.25 Access denied, the sending IPv6 address [2001:db8::25] must have a reverse DNS record',
    source: NDR,
  },
  {
    id: 'microsoft-ipv6-not-accepted', cause: 'ipv6-not-accepted', tier: 'provider', provider: p,
    pattern: /does not accept email over ipv6/,
    example: '550 5.7.510 Access denied, example.com does not accept email over IPv6',
    source: NDR,
  },
  {
    id: 'microsoft-bad-helo', cause: 'bad-helo', tier: 'provider', provider: p,
    pattern: /access denied, bad helo/,
    example: '550 5.7.506 Access Denied, Bad HELO',
    source: NDR,
  },
  {
    id: 'microsoft-banned-ip', cause: 'ip-blocklisted', tier: 'provider', provider: p,
    pattern: /banned sending ip|access denied, banned sender|part of their network is on our block list|\(s3150\)|\(s3140\)|\b(?:ou|sc)-00\d\b|using customer block list|not currently accepting mail from your ip/,
    example: '550 5.7.606 Access denied, banned sending IP [198.51.100.222]. To request removal from this list please visit https://sender.office.com/ and follow the directions.',
    source: NDR,
  },
  {
    id: 'microsoft-dynamic-ip', cause: 'dynamic-ip', reason: 'blocked', tier: 'provider', provider: p,
    pattern: /\bdy-00\d\b/,
    example: '550 DY-001 (SNT004-MC1F43) Unfortunately, messages from 192.0.2.25 weren\'t sent. Please contact your Internet service provider. You can tell them that Hotmail does not relay dynamically-assigned IP ranges.',
    source: 'https://substrate.office.com/ip-domain-management-snds/Postmaster/Troubleshooting',
  },
  {
    id: 'microsoft-rejected-by-recipient', cause: 'sender-blocked', tier: 'provider', provider: p,
    pattern: /access denied, rejected by recipient/,
    example: '550 5.7.507 Access denied, rejected by recipient',
    source: NDR,
  },
  {
    id: 'microsoft-ip-reputation', cause: 'bad-reputation', tier: 'provider', provider: p,
    pattern: /rate limited due to ip reputation|\(s775\)|\(s3114\)/,
    example: '451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/rhost/for-microsoft.go',
  },
  {
    id: 'microsoft-as-throttling', cause: 'greylisted', reason: 'blocked', tier: 'provider', provider: p,
    status: ['4.7.5*', '4.7.6*', '4.7.8*'], pattern: /access denied, please try again later/,
    example: '451 4.7.500 Access denied, please try again later. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653. AS(843) [SN1NAM02FT0047.eop-nam02.prod.protection.outlook.com]',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-451-4-7-500-699-asxxx-in-exchange-online',
  },
  {
    id: 'microsoft-connection-limit', cause: 'too-many-connections', tier: 'provider', provider: p,
    pattern: /has exceeded the maximum number of connections|\brp-00\d\b/,
    example: '451 4.7.652 The mail server [192.0.2.251] has exceeded the maximum number of connections. (S3115)',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/rhost/for-microsoft.go',
  },
  {
    id: 'microsoft-receive-limits', cause: 'rate-limited', tier: 'provider', provider: p,
    pattern: /recipient thread limit exceeded|per hour message receive limit|has exceeded their limit for|has exceeded permitted limits within|reached your daily limit for message recipients|submission quota (?:was )?exceeded/,
    example: "550 5.2.121 RESOLVER.RST.RecipientRateLimitExceeded; recipient's per hour message receive limit from specific sender exceeded",
    source: NDR,
  },
  {
    id: 'microsoft-too-many-recipients', cause: 'too-many-recipients', tier: 'provider', provider: p,
    pattern: /too many recipients/,
    example: '452 4.5.3 Too many recipients',
    source: NDR,
  },
  {
    id: 'microsoft-recipient-not-found', cause: 'recipient-unknown', tier: 'provider', provider: p,
    pattern: /recipientnotfound|recipnotfound|recipient not found|requested action not taken: mailbox unavailable|recipient address rejected: access denied|access denied, banned recipient/,
    example: '550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302).',
    source: NDR,
  },
  {
    id: 'microsoft-domain-unreachable', cause: 'recipient-domain-unknown', tier: 'provider', provider: p,
    pattern: /domain is not reachable|nonexistentdomain|dns domain \S+ does not exist/,
    example: '554 The mail could not be delivered to the recipient because the domain is not reachable. Please check the domain and try again (-1915321397:308:-2147467259)',
    source: 'corpus shape: lhost-outlook',
  },
  {
    id: 'microsoft-ptr-mismatch', cause: 'ptr-missing', tier: 'provider', provider: p,
    pattern: /domain \S+ mismatches client ip/,
    example: '550 domain [example.com] mismatches client ip 192.0.2.225.',
    source: 'corpus shape: lhost-outlook',
  },
  {
    id: 'microsoft-relay-denied', cause: 'wrong-mx-or-accepted-domain', reason: 'norelaying', tier: 'provider', provider: p,
    status: ['5.4.1', '5.7.1'], pattern: /relay access denied|unable to relay/,
    example: '550 5.4.1 Relay Access Denied ATTR35 [SN1NAM02FT0047.eop-nam02.prod.protection.outlook.com]',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-4-1-in-exchange-online',
  },
  {
    id: 'microsoft-client-not-authenticated', cause: 'relay-denied', reason: 'securityerror', tier: 'provider', provider: p,
    pattern: /client was not authenticated|authrequired/,
    example: '550 5.7.1 Client was not authenticated',
    source: NDR,
  },
  {
    id: 'microsoft-delivery-not-authorized', cause: 'recipient-restricted-senders', reason: 'rejected', tier: 'provider', provider: p,
    status: ['5.7.1'], pattern: /delivery not authorized|resolver\.rst\.notauthorized/,
    example: '550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-7-1-in-exchange-online',
  },
  {
    id: 'microsoft-restricted-senders', cause: 'recipient-restricted-senders', reason: 'rejected', tier: 'provider', provider: p,
    pattern: /sender not in allowed-senders list|sender (?:was )?not authenticated for (?:group|mailbox|public folder)|sender was not authenticated by organization/,
    example: '550 5.7.124 RESOLVER.RST.SenderNotInAllowedSendersList; sender not in allowed-senders list',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-124-in-exchange-online',
  },
  {
    id: 'microsoft-sender-denied', cause: 'sender-rejected', tier: 'provider', provider: p,
    pattern: /\bsender denied\b|unknown sender address/,
    example: '550 5.1.0 Sender denied',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-1-0-in-exchange-online',
  },
  {
    id: 'microsoft-rfc5322-from', cause: 'not-rfc-compliant', reason: 'rejected', tier: 'provider', provider: p,
    pattern: /message must be rfc 5322 section 3\.6\.2 compliant/,
    example: '550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant',
    source: NDR,
  },
  {
    id: 'microsoft-mail-loop', cause: 'mail-loop', tier: 'provider', provider: p,
    pattern: /hop count exceeded|routing loop detected/,
    example: '554 5.4.14 Hop count exceeded - possible mail loop ATTR34 [SN1NAM02FT0047.eop-nam02.prod.protection.outlook.com]',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-4-6-through-5-4-20-in-exchange-online',
  },
  {
    id: 'microsoft-dns-failed', cause: 'dns-failure', tier: 'provider', provider: p,
    pattern: /dns query failed/,
    example: '550 5.4.312 Message expired, DNS query failed(ServerFailure) [Message=InfoDomainNonexistent]',
    source: NDR,
  },
  {
    // Exchange Online gave up: "Message expired, connection refused". The reason is the expiry; the cause is the refusal.
    id: 'microsoft-expired-refused', cause: 'connection-refused', reason: 'expired', tier: 'provider', provider: p,
    pattern: /message expired, connection refused/,
    example: '550 5.4.316 Message expired, connection refused(Socket error code 10061)',
    source: NDR,
  },
  {
    id: 'microsoft-connection-refused', cause: 'connection-refused', reason: 'networkerror', tier: 'provider', provider: p,
    pattern: /connection refused|socket error code 10061/,
    unless: /message expired/,
    example: '450 4.4.316 Connection refused [Message=Socket error code 10061] [LastAttemptedServerName=mx.example.com]',
    source: NDR,
  },
  {
    id: 'microsoft-suspicious-remote', cause: 'tls-version-unsupported', reason: 'systemerror', tier: 'provider', provider: p,
    pattern: /suspiciousremoteservererror/,
    example: '450 4.4.318 Connection was closed abruptly (SuspiciousRemoteServerError)',
    source: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/understanding-email-scenarios-if-tls-versions-cannot-be-agreed/ba-p/2065089',
  },
  {
    id: 'microsoft-tls-legacy', cause: 'tls-version-unsupported', tier: 'provider', provider: p,
    pattern: /tls 1\.0 and 1\.1 are not supported/,
    example: '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls.',
    source: 'https://www.cubesys.com.au/exchange-online-new-endpoint-for-smtp-auth-clients-still-using-tls-1-0-or-tls-1-1-act-before-2022/',
  },
  {
    id: 'microsoft-dane', cause: 'dane-mta-sts-failure', tier: 'provider', provider: p,
    pattern: /tlsa-invalid|dnssec-invalid|failed mta-sts validation/,
    example: '450 4.7.323 tlsa-invalid: The domain failed DANE validation',
    source: NDR,
  },
  {
    id: 'microsoft-starttls-not-supported', cause: 'tls-required-not-offered', tier: 'provider', provider: p,
    pattern: /starttls-not-supported|starttls is required to send mail/,
    example: '450 4.7.321 starttls-not-supported: Destination mail server must support TLS to receive mail.',
    source: NDR,
  },
  {
    id: 'microsoft-cert', cause: 'tls-cert-invalid', tier: 'provider', provider: p,
    pattern: /certificate-expired|certificate-host-mismatch|remote certificate failed mta-sts validation/,
    example: '450 4.7.322 certificate-expired: Destination mail server\'s certificate is expired.',
    source: NDR,
  },
  {
    id: 'microsoft-bare-lf', cause: 'bare-lf-rejected', tier: 'provider', provider: p,
    status: ['5.6.11'], pattern: /invalid characters|bare/,
    example: '550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-6-11-in-exchange-online',
  },
  {
    id: 'microsoft-mailbox-full', cause: 'mailbox-full', tier: 'provider', provider: p,
    pattern: /storedrv\.deliver: mailbox full|mailboxfull|quotaexceeded/,
    example: '550 5.2.2 STOREDRV.Deliver: mailbox full. The following information should help identify the cause: "MapiExceptionShutoffQuotaExceeded:16.18969:2C000000',
    source: NDR,
  },
  {
    id: 'microsoft-recipient-size', cause: 'mailbox-limit-exceeded', tier: 'provider', provider: p,
    pattern: /recipsizelimit/,
    example: "552 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient",
    source: 'https://learn.microsoft.com/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages',
  },
  {
    id: 'microsoft-journaling', cause: 'remote-system-error', reason: 'systemerror', tier: 'provider', provider: p,
    pattern: /journaling archive is disabled|journaling on-premises messages/,
    example: '550 5.3.190 Journaling on-premises messages to Microsoft 365 or Office 365 not supported when Journaling Archive is disabled',
    source: NDR,
  },
  {
    id: 'microsoft-transport-rule', cause: 'content-filtered', reason: 'policyviolation', tier: 'provider', provider: p,
    status: ['5.7.9*'], pattern: /delivery not authorized, message refused/,
    example: '550 5.7.900 Delivery not authorized, message refused',
    source: 'https://learn.microsoft.com/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages',
  },
];
