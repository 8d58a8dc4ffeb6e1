/**
 * The envelope sender (MAIL FROM) and the sending account: refused, invalid domain, blocked
 * account, forwarding policy. Wordings from vendor pages and Sisimai's keyword lists
 * (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from './types';

/** Wordings about recipients, not senders, that contain "rejected" (Sisimai keeps the same exclusions). */
const NOT_ABOUT_SENDER = /recipient address rejected|sender ip address rejected|5\.1\.0 address rejected/;

export const SENDER_RULES: readonly TextRule[] = [
  {
    id: 'sender-domain-invalid', cause: 'sender-domain-invalid', tier: 'text',
    pattern: /domain of sender address \S+ does not (?:exist|resolve)|sender address rejected: domain not found|unroutable sender address|sender domain (?:is empty|must exist|does not exist)|unresolvable rfc\.?5321 (?:from )?domain|from: domain is invalid|connections not accepted from servers without a valid sender domain|invalid domain, see <url:|sender domain (?:has )?null mx|mx records for \S+ (?:are|is) (?:invalid|missing)|rfc 1035 violation: recursive cname records for/,
    unless: NOT_ABOUT_SENDER,
    commandNot: ['RCPT'],
    example: '553 5.1.8 <httpd@host1.mx.example.jp>... Domain of sender address httpd@host1.mx.example.jp does not exist',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-rejected.go',
  },
  {
    id: 'sender-rejected', cause: 'sender-rejected', tier: 'text',
    pattern: /access denied \((?:in reply to mail from command|sender blacklisted)\)|address rejected|administrative prohibition|batv (?:failed to verify|validation failure|defense|: no tag)|backscatter protection detected an invalid or expired email address|bogus mail from|can't determine purported responsible address|denied \[bouncedeny\]|denied by secumail valid-address-filter|does not exist e2110|email address is on senderfilterconfig list|emetteur invalide|invalid sender|empty envelope senders not allowed|envelope blocked - |error: no third-party dsns|fully qualified email address required|is not a registered gateway user|null sender is not allowed|returned mail not accepted here|rule imposed mailbox access for|sender address has been blacklisted|sender email address rejected|sender is in my black list|sender is spammer|sender not pre-approved|sender rejected|sender denied|sender verify failed|sender was rejected|spam reporting address|syntax error: empty email address|this server does not accept mail from|transaction failed unsigned dsn for|you are sending to\/from an address that has been blacklisted|your email address has been blacklisted|will be permanently deferred|envelope rejected - block policy|blocked senders|unknown sender address|sender address blocked/,
    unless: NOT_ABOUT_SENDER,
    example: '501 5.1.8 Sender address rejected',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-rejected.go',
  },
  {
    id: 'sender-rejected-at-mail', cause: 'sender-rejected', tier: 'hint', command: ['MAIL'],
    pattern: /access denied|not allowed|rejected|denied|refused/,
    unless: /relay|spf|dmarc|dkim|reverse|ptr|rdns|blocked using|spamhaus|rate|too many|reputation|authenticat/,
    example: '550 5.7.1 Access denied (in reply to MAIL FROM command)',
    exampleFacts: { command: 'MAIL' },
    source: 'corpus shape: lhost-postfix',
  },
  {
    id: 'account-sending-blocked', cause: 'account-sending-blocked', reason: 'rejected', tier: 'text',
    pattern: /bad outbound sender|restricted users|spam abuse detected|sending account has been (?:banned|blocked|suspended)|account is paused|suspicious account activity|tenant has exceeded threshold/,
    example: '550 5.1.8 Access denied, bad outbound sender. AS(42003)',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-1-8-in-exchange-online',
  },
  {
    // Microsoft 365 5.7.750 (a tenant sending from domains it has not added and verified), when the reply is
    // not recognised as Microsoft's. Its 5.7.708 sibling is a reputation block (rules/reputation.ts).
    id: 'unregistered-sending-domain', cause: 'sender-unverified', reason: 'rejected', tier: 'text',
    pattern: /client blocked from sending from unregistered domains?/,
    example: '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750',
  },
  {
    // Microsoft 365 5.7.703 when the reply is not recognised as Microsoft's: the wording names the sender's own
    // Tenant Allow/Block List, which no other system writes, so it decides on its own.
    id: 'own-tenant-blocks-recipient', cause: 'recipient-blocked-by-own-policy', tier: 'text',
    // Outranks ip-blocklisted, whose generic "block list" wording this reply also contains.
    priority: -1,
    pattern: /blocked by your organi[sz]ation using (?:the )?tenant allow(?: ?\/ ?| )block list/,
    example: "550 5.7.703 Your message can't be delivered because messages to XXX, YYY are blocked by your organization using Tenant Allow Block List.",
    source: 'https://learn.microsoft.com/defender-office-365/tenant-allow-block-list-email-spoof-configure',
  },
  {
    id: 'external-forwarding-blocked', cause: 'external-forwarding-blocked', tier: 'text',
    pattern: /does not allow external forwarding|external forwarding (?:is )?(?:disabled|blocked|not allowed)|as\(7555\)|autoforwarding/,
    example: '550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)',
    source: 'https://learn.microsoft.com/defender-office-365/outbound-spam-policies-external-email-forwarding',
  },
];
