/**
 * Routing and relay configuration: relaying refused, Microsoft 365 tenant attribution, wrong MX or
 * accepted domain. Wordings from Microsoft's NDR pages, Postfix sources and Sisimai's keyword lists
 * (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from './types';

const BEFORE_MAIL = ['CONN', 'EHLO', 'HELO'] as const;

export const ROUTING_RULES: readonly TextRule[] = [
  {
    id: 'tenant-attribution-failed', cause: 'tenant-attribution-failed', tier: 'text',
    pattern: /tenantattribution|tenantinboundattribution|mail sent to the wrong office 365 region|restrictdomainstoipaddresses or restrictdomainstocertificate/,
    example: '550 5.7.64 TenantAttribution; Relay Access Denied [SN1NAM02FT0047.eop-nam02.prod.protection.outlook.com]',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-64-in-exchange-online',
  },
  {
    id: 'relay-denied', cause: 'relay-denied', tier: 'text', commandNot: [...BEFORE_MAIL],
    pattern: /as a relay|insecure mail relay|not permitted to relay|mail server requires authentication when attempting to send to a non-local e-mail address|no relaying|not a gateway|not allowed to relay|not an open relay|not local host|relay(?:ing)? (?:access )?(?:denied|not permitted|not allowed|prohibited)|relaying mail to |unable to relay|we don't handle mail for|this system is not configured to relay mail|specified domain is not allowed|that domain isn't in my list of allowed rcpthost|open relay (?:is )?not allowed|mail relay denied|invalid credentials for relay/,
    unless: /tenantattribution/,
    example: '554 5.7.1 <kijitora@example.com>: Relay access denied',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-norelaying.go',
  },
  {
    id: 'edge-blocking-recipient-rejected', cause: 'recipient-unknown', tier: 'text',
    status: ['5.4.1'], pattern: /recipient address rejected: access denied/,
    example: '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [SN1NAM02FT0047.eop-nam02.prod.protection.outlook.com]',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-4-1-in-exchange-online',
  },
  {
    id: 'ses-identity-not-verified', cause: 'sender-unverified', reason: 'norelaying', tier: 'text',
    pattern: /email address is not verified\.|identities failed the check|not verified\. the following identities/,
    example: '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: kijitora@example.com',
    source: 'https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-error-messages.html',
  },
];
