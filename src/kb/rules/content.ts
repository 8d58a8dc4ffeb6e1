/**
 * The message itself: malformed, not RFC 5322 compliant, spam, malware, blocked attachments,
 * content policy. Wordings from vendor pages and Sisimai's keyword lists (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from './types';

const PRE_DATA = ['CONN', 'EHLO', 'HELO', 'STARTTLS', 'AUTH', 'MAIL', 'RCPT'] as const;

export const SPAM_WORDS = / - spam\b|spam (?:detected|blocked|check|content|email|not accepted|refused|rejection|score|message rejected|filter|complaints)|(?:probable|probably|likely|high probability of|block for|considered|detected as|looks like|looked like|scored as|classified as|identified as|rejected as|flagged as|is) spam\b|seems to be a spam|triggered a spam block|may contain the spam contents|we dont accept spam|too much spam|spamming not allowed|spambouncer identified spam|may consider spam|rejected due to spam (?:classification|content)|appears to be (?:unsolicited|spam)|considered unsolicited|likely unsolicited|unsolicited (?:bulk|commercial)|blacklisted url in message|blocked by spamassassin|blocked for abuse\. see http:\/\/att\.net\/blocks|content filter rejection|identified this email as a bulk email|denied due to spam list|listed in work\.drbl|mail content denied|message considered as spam|message contains spam|message content rejected|message filtered\. (?:please see|refer to)|message rejected because of unacceptable content|message rejected for policy reasons|our system has detected that this message is |refused by (?:mailmarshal|trustwave seg) spamprofiler|reject bulk\.advertising|rejected - bulk email|rejecting banned content|rejecting mail content|spam-like characteristics|sender domain listed at |this message scored \S+ spam points|ube, id=|this message was rejected by recurrent pattern detection system|your email breaches local uribl policy|your message has been temporarily blocked by our filter|your message failed several antispam checks|mail score \(|probability of being spam|classification as bulk mail|reject, id=\S+ - spam|mail rejete\. mail rejected\. \S*506/;

export const CONTENT_RULES: readonly TextRule[] = [
  {
    id: 'content-malformed', cause: 'content-malformed', tier: 'text',
    pattern: /header size exceeds maximum permitted|improper use of 8-bit data in message header|message header size, or recipient list, exceeds policy limit|mime complexity exceeds the policy maximum|routing loop detected -- too many received: headers|invalid mime headers|improperly-formatted binary content|unnecessary base64 encoding|headers too large|mail message is malformed|message is malformed|invalid message content|too many related errors|header is too long|x-dg-ref header is too long/,
    example: '550 5.6.9 improper use of 8-bit data in message header',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-contenterror.go',
  },
  {
    id: 'not-rfc-compliant', cause: 'not-rfc-compliant', tier: 'text',
    pattern: /duplicate header|not rfc ?5322 compliant|rfcmessagenoncompliant| multiple \S+ header|multiple addresses in from: header|missing a valid (?:address in the from: header|message-id)|headers are not rfc compliant|must be rfc 5322 section 3\.6\.2 compliant|blank from: addresses are not allowed|ip addresses are not allowed as a from: address/,
    example: "554 Transaction failed: Duplicate header 'DKIM-Signature'.",
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-notcompliantrfc.go',
  },
  {
    id: 'bare-lf-rejected', cause: 'bare-lf-rejected', tier: 'text',
    // Bounded gap: an unbounded `.*` rescans to the end from every repeated "5.6.11 " (quadratic on hostile text).
    pattern: /bare (?:lf|line ?feed)|5\.6\.11 .{0,100}invalid characters|smtpreceive\.barelinefeedsarebad/,
    example: '550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA and receiving system does not support BDAT',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-6-11-in-exchange-online',
  },
  {
    id: 'tnef-rtf-problem', cause: 'tnef-rtf-problem', tier: 'text',
    pattern: /\btnef\b|winmail\.dat|policy violation detected \(as345\)/,
    example: '550 5.0.350 Remote server returned an error -> 550 Requested action not taken: policy violation detected (AS345)',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-0-350-in-exchange-online',
  },
  {
    // Sisimai only trusts spam wordings after DATA in its first pass; earlier refusals fall to the hint below.
    id: 'spam-content', cause: 'spam-content', tier: 'text', commandNot: [...PRE_DATA],
    pattern: SPAM_WORDS,
    unless: /greylist/,
    example: '554 5.6.0 This message has been scored as spam with a probability of more than 90%',
    exampleFacts: { command: 'DATA' },
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-spamdetected.go',
  },
  {
    id: 'spam-content-any-stage', cause: 'spam-content', tier: 'hint',
    pattern: SPAM_WORDS,
    unless: /greylist/,
    example: '550 5.7.1 Message rejected as spam by Content Filtering.',
    exampleFacts: { command: 'RCPT' },
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-spamdetected.go',
  },
  {
    id: 'virus-detected', cause: 'virus-detected', tier: 'hint',
    pattern: /potentially executable attachment|prohibited virus or spam content|used by recent viruses or other malware|virus detected|virus phishing\/malicious_url detected|infected with a virus|virus infected message rejected|message contains a virus|malware detected|infected attachment/,
    example: '554 5.7.0 Your message was infected with a virus (W32/Example) and was rejected',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-virusdetected.go',
  },
  {
    id: 'attachment-blocked', cause: 'attachment-blocked', tier: 'hint',
    pattern: /illegal attachment|blocked because its content presents a potential|executable files are not allowed in compressed files|attachment extension is forbidden|we do not accept messages containing images or other attachments|attachment type (?:is )?(?:not allowed|blocked|prohibited)|blocked file type/,
    example: '552-5.7.0 This message was blocked because its content presents a potential security issue. Please visit https://support.google.com/mail/answer/6590 to review our message content and attachment content guidelines.',
    source: 'https://support.google.com/a/answer/3726730',
  },
  {
    id: 'content-policy', cause: 'content-filtered', reason: 'policyviolation', tier: 'hint',
    pattern: /denied by policy|email not accepted for policy reasons|message not accepted for policy reasons|rejected for policy reasons|email rejected due to security policies|header are not accepted|header error|local policy violation|message bounced due to organizational settings|message given low priority|message rejected due to local policy|messages with multiple addresses|protocol violation|is not subscribed to this group|rejected by organization policy|you're using a mass mailer|allowable number of posts without solving a captcha|closed mailing list|by non-member to a members-only list|because the recipient is not accepting mail with |content examination policy|anti-spoofing policy/,
    example: '550 5.7.0 Local Policy Violation',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-policyviolation.go',
  },
  {
    id: 'transport-rule-rejected', cause: 'content-filtered', reason: 'policyviolation', tier: 'hint',
    status: ['5.7.9*'], pattern: /delivery not authorized, message refused/,
    example: '550 5.7.900 Delivery not authorized, message refused',
    source: 'https://learn.microsoft.com/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages',
  },
];
