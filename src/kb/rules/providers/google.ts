/**
 * Gmail / Google Workspace replies (they end in "- gsmtp"). Google reuses registered codes with its
 * own meanings: 5.7.27 is "SPF did not pass" (IANA: sender has null MX), 5.7.29 "use TLS",
 * 5.7.30 "DKIM did not pass" (IANA: ARC / REQUIRETLS). Source: https://support.google.com/a/answer/3726730;
 * rows cross-checked with Sisimai's Google table (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from '../types';

const G = 'https://support.google.com/a/answer/3726730';
const p = 'google' as const;

export const GOOGLE_RULES: readonly TextRule[] = [
  {
    id: 'google-spf-did-not-pass', cause: 'spf-fail', tier: 'provider', provider: p,
    pattern: /senders to authenticate (?:their email )?with spf|spf authentication didn't pass/,
    example: '550-5.7.27 Your email has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with SPF. Authentication results: SPF domain-name with IP address: 192.0.2.25 = Did not pass.',
    source: G,
  },
  {
    id: 'google-spf-hard-fail', cause: 'spf-fail', tier: 'provider', provider: p,
    pattern: /has an spf record with a hard fail policy|fails to pass spf checks for an spf record with a hard fail/,
    example: '550-5.7.26 The MAIL FROM domain [mail4.example.com] has an SPF record with a hard fail policy (-all) but it fails to pass SPF checks with the ip: [192.0.2.25].',
    source: G,
  },
  {
    id: 'google-spf-suspicious', cause: 'spf-fail', tier: 'provider', provider: p,
    pattern: /the spf record of the sending domain has one or more suspicious entries/,
    example: '550-5.7.24 The SPF record of the sending domain has one or more suspicious entries. For more information, go to Email sender guidelines.',
    source: G,
  },
  {
    id: 'google-dkim-did-not-pass', cause: 'dkim-fail', tier: 'provider', provider: p,
    pattern: /senders to authenticate (?:their email )?with dkim|dkim authentication didn't pass|blocked because dkim does not pass/,
    example: '550-5.7.30 This mail has been blocked because DKIM does not pass. Gmail requires all large senders to authenticate with DKIM. Authentication results: DKIM = did not pass.',
    source: G,
  },
  {
    id: 'google-dmarc-policy', cause: 'dmarc-reject', tier: 'provider', provider: p,
    pattern: /is not accepted due to domain's dmarc policy/,
    example: "550-5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy. Please contact the administrator of example.org domain if this was a legitimate mail.",
    source: G,
  },
  {
    id: 'google-dmarc-record-missing', cause: 'bulk-sender-requirements', tier: 'provider', provider: p,
    pattern: /to add a dmarc record to|doesn't have a dmarc record|dmarc record doesn.t specify a dmarc policy/,
    example: "421-4.7.40 Your email has been rate limited because the sending domain doesn't have a DMARC record, or the DMARC record doesn't specify a DMARC policy. Gmail requires all bulk email senders to add a DMARC record to their sending domain.",
    source: G,
  },
  {
    id: 'google-from-not-aligned', cause: 'dmarc-reject', tier: 'provider', provider: p,
    pattern: /aligned with either the authenticated spf or dkim/,
    example: "421-4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain.",
    source: G,
  },
  {
    id: 'google-unauthenticated', cause: 'auth-records-missing', tier: 'provider', provider: p,
    pattern: /senders to authenticate with either spf or dkim|does not have authentication information or fails to pass authentication checks|sender is unauthenticated/,
    example: '550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.',
    source: G,
  },
  {
    id: 'google-tls-required', cause: 'tls-required-not-offered', tier: 'provider', provider: p,
    pattern: /senders to use tls\/ssl|tls required for rcpt domain/,
    example: "421-4.7.29 Your email has been rate limited because this message wasn't sent over a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections.",
    source: G,
  },
  {
    id: 'google-must-starttls', cause: 'tls-required-for-auth', reason: 'failedstarttls', tier: 'provider', provider: p,
    pattern: /must issue a starttls command first|starttls may not be repeated/,
    example: '530 5.7.0 Must issue a STARTTLS command first. - gsmtp',
    source: G,
  },
  {
    id: 'google-ptr', cause: 'ptr-missing', tier: 'provider', provider: p,
    pattern: /does not have a ptr record|have a ptr record, or the ptr record|does not match the ip address of the hostname|ipv6 sending guidelines regarding ptr records/,
    example: '550-5.7.25 The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP. As a policy, Gmail does not accept messages from IPs with missing PTR records.',
    source: G,
  },
  {
    id: 'google-low-reputation', cause: 'bad-reputation', tier: 'provider', provider: p,
    pattern: /very low reputation of the sending (?:ip|domain)/,
    example: '550-5.7.1 Our system has detected that this message is likely suspicious due to the very low reputation of the sending IP address.',
    source: 'https://support.google.com/mail/answer/188131',
  },
  {
    id: 'google-unusual-rate', cause: 'rate-limited', reason: 'blocked', tier: 'provider', provider: p,
    pattern: /an unusual rate of (?:unsolicited )?mail/,
    example: '421-4.7.28 Gmail has detected an unusual rate of mail originating from your IP address 192.0.2.25. To protect our users from spam, mail has been temporarily rate limited.',
    source: G,
  },
  {
    id: 'google-same-message-id', cause: 'rate-limited', reason: 'policyviolation', tier: 'provider', provider: p,
    pattern: /sending messages with the same message-id/,
    example: '421-4.7.28 Gmail has detected this message exceeded its quota for sending messages with the same Message-ID:. To best protect our users, the message has been temporarily rejected.',
    source: G,
  },
  {
    id: 'google-ip-not-allowlisted', cause: 'sender-blocked', tier: 'provider', provider: p,
    pattern: /ip not in whitelist for rcpt domain|try again later, closing connection\./,
    example: '421-4.7.0 IP not in whitelist for RCPT domain, closing connection.',
    source: G,
  },
  {
    id: 'google-helo-invalid', cause: 'bad-helo', tier: 'provider', provider: p,
    pattern: /helo\/ehlo argument is invalid|empty helo\/ehlo argument not allowed/,
    example: '501-5.5.4 HELO/EHLO argument is invalid. https://support.google.com/mail/?p=helo',
    source: G,
  },
  {
    id: 'google-not-authorized-direct', cause: 'dynamic-ip', reason: 'blocked', tier: 'provider', provider: p,
    pattern: /is not authorized to send email directly to our servers/,
    example: "550-5.7.1 The IP you're using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead.",
    source: 'https://support.google.com/mail/?p=NotAuthorizedError',
  },
  {
    id: 'google-relay-denied', cause: 'relay-denied', tier: 'provider', provider: p,
    pattern: /mail relay denied|invalid credentials for relay/,
    example: "550-5.7.1 Invalid credentials for relay [192.0.2.25]. The IP address you've registered in your Workspace SMTP Relay service doesn't match the domain of the account this email is being sent from.",
    source: 'https://support.google.com/a/answer/6140680',
  },
  {
    id: 'google-sending-denied', cause: 'account-sending-blocked', reason: 'rejected', tier: 'provider', provider: p,
    pattern: /mail sending denied|unauthenticated email is not accepted/,
    example: '550 5.7.0 Mail Sending denied. This error occurs if the sender account is disabled or not registered within your Google Workspace domain.',
    source: 'https://support.google.com/a/answer/6140680',
  },
  {
    id: 'google-not-rfc-compliant', cause: 'not-rfc-compliant', tier: 'provider', provider: p,
    pattern: /missing a valid address in the from: header|multiple addresses in from: header|is not rfc 5322 compliant|missing a valid message-id|unicode character in a disallowed header|encoded-word syntax is not permitted|is not a valid rfc 5321 address|mail message is malformed/,
    example: '550-5.7.1 [192.0.2.22] Messages with multiple addresses in From: header are not accepted.',
    source: 'https://support.google.com/mail/?p=RfcMessageNonCompliant',
  },
  {
    id: 'google-blocked-attachment', cause: 'attachment-blocked', tier: 'provider', provider: p,
    pattern: /illegal attachment on your message|blocked because its content presents a potential/,
    example: '552-5.7.0 This message was blocked because its content presents a potential security issue. Please visit https://support.google.com/mail/?p=BlockedMessage to review our message content and attachment content guidelines.',
    source: G,
  },
  {
    id: 'google-workspace-policy', cause: 'content-filtered', reason: 'policyviolation', tier: 'provider', provider: p,
    pattern: /has a policy that prohibited the mail/,
    example: '550-5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent.',
    source: 'https://support.google.com/a/answer/172179',
  },
  {
    id: 'google-spam', cause: 'spam-content', tier: 'provider', provider: p,
    pattern: /likely unsolicited mail|due to the nature of the content or the links within/,
    example: '550-5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.',
    source: 'https://support.google.com/mail/answer/188131',
  },
  {
    id: 'google-receiving-too-fast', cause: 'rate-limited', tier: 'provider', provider: p,
    pattern: /is receiving mail (?:too quickly|at a rate that prevents)|peak smtp relay limit exceeded|daily (?:user )?sending (?:quota|limit) exceeded|daily smtp relay (?:sending )?limit exceeded|this mail has been rate limited/,
    example: '450-4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time.',
    source: 'https://support.google.com/mail/answer/22839',
  },
  {
    id: 'google-too-many-recipients', cause: 'too-many-recipients', tier: 'provider', provider: p,
    pattern: /your message has too many recipients|too many recipients for this sender|domain policy size per transaction exceeded/,
    example: "452-4.5.3 Your message has too many recipients. For more information regarding Google's sending limits, visit https://support.google.com/mail/answer/6592",
    source: G,
  },
  {
    id: 'google-mailbox-full', cause: 'mailbox-full', tier: 'provider', provider: p,
    pattern: /inbox is out of storage space|account that you tried to reach is over quota|email quota exceeded|storage quota exceeded/,
    example: "452-4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp",
    source: G,
  },
  {
    id: 'google-message-too-large', cause: 'message-too-large', tier: 'provider', provider: p,
    pattern: /exceeded google's message size limits?|exceeds google's message size limit/,
    example: "552-5.3.4 Your message exceeded Google's message size limits. Please visit https://support.google.com/mail/?p=MaxSizeError to view our size guidelines.",
    source: G,
  },
  {
    id: 'google-header-limits', cause: 'message-too-large', reason: 'exceedlimit', tier: 'provider', provider: p,
    pattern: /exceeds google's limit of \S+ attachments|message header size limit|bytes per individual header size|exceeds google's header name limit/,
    example: "552-5.3.4 Your message exceeded Google's message header size limits. For more information, go to https://support.google.com/a?p=header-limits",
    source: G,
  },
  {
    id: 'google-user-unknown', cause: 'recipient-unknown', tier: 'provider', provider: p,
    pattern: /email account that you tried to reach does not exist|weren't able to find the recipient domain|not a valid rfc 5321 address\. (?:please|for)/,
    example: "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
    source: G,
  },
  {
    id: 'google-account-disabled', cause: 'mailbox-disabled', tier: 'provider', provider: p,
    pattern: /account that you tried to reach is (?:disabled|inactive)/,
    example: '550-5.2.1 The email account that you tried to reach is disabled. https://support.google.com/mail/?p=DisabledUser',
    source: G,
  },
  {
    id: 'google-mail-loop', cause: 'mail-loop', tier: 'provider', provider: p,
    pattern: /message exceeded 50 hops/,
    example: '554-5.4.6 Message exceeded 50 hops, this may indicate a mail loop.',
    source: G,
  },
  {
    id: 'google-temporary-problem', cause: 'remote-system-error', reason: 'systemerror', tier: 'provider', provider: p,
    pattern: /temporary system problem|server busy|multiple destination domains per transaction is unsupported|mail server (?:has )?temporarily rejected/,
    example: '421-4.3.0 Temporary System Problem. Try again later.',
    source: G,
  },
  {
    id: 'google-auth-password', cause: 'smart-host-auth-failed', tier: 'provider', provider: p,
    pattern: /username and password not accepted|application-specific password required|please log in (?:with|through) your web browser|too many login attempts|cannot decode response|no identity changes permitted/,
    example: '535-5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials',
    source: G,
  },
  {
    id: 'google-auth-required', cause: 'auth-required', tier: 'provider', provider: p,
    pattern: /authentication required\./,
    example: '530-5.7.0 Authentication Required. For more information, go to https://support.google.com/mail/?p=WantAuthError',
    source: G,
  },
  {
    id: 'google-protocol', cause: 'smtp-syntax-error', tier: 'provider', provider: p,
    pattern: /smtp protocol violation|bad sequence of commands|unrecognized command|unimplemented command|too many unrecognized commands|ehlo\/helo first|no data after bdat|unrecognized authentication type|xoauth is no longer supported|too many unauthenticated commands|syntax error/,
    example: '503-5.5.1 Bad sequence of commands. For more information, go to https://support.google.com/mail/?p=helo',
    source: G,
  },
];
