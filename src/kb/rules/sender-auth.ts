/**
 * Sender authentication of the message: SPF, DKIM, DMARC, and the 2024 bulk-sender requirements.
 * Provider-specific codes (Gmail 5.7.26/27/30/40, Yahoo 5.7.9, Outlook.com 5.7.515) live in
 * providers/*. Generic wordings from RFC 7372 / 7489 and Sisimai's keyword lists (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from './types';

export const SENDER_AUTH_RULES: readonly TextRule[] = [
  {
    id: 'dmarc-reject', cause: 'dmarc-reject', tier: 'text',
    pattern: /dmarc policy|dmarc (?:verification|check|validation) fail|fails? (?:to pass )?dmarc|does not pass dmarc|dmarc sender invalid|dmarc reject|message refused, dmarc|verification dmarc en echec|rejected due to \S+ dmarc policy|\bp=reject\b/,
    example: '550 5.7.1 This message was not accepted due to domain (example.org) owner DMARC policy (RFC 7489) https://help.mail.ru/mail/postmaster/ - DMARC Reject',
    source: 'https://www.rfc-editor.org/rfc/rfc7489',
  },
  {
    id: 'spf-fail', cause: 'spf-fail', tier: 'text',
    pattern: /sender policy framework (?:\(spf\) )?(?:fail|violation)|spf \(sender policy framework\) domain authentication fail|spf check(?:: | )fail|spf (?:validation|authentication|check) (?:failed|error)|bad spf records? for|please inspect your spf settings|spf\.pobox\.com|is not allowed to send from <\S+ per it's spf record|spf permanent error|spf sender invalid|invalid spf record|spf: \S+ is not allowed to send mail|spf\/dns de votre nom de domaine|\bspf fail(?:ure|ed)?\b|fails? to pass spf|sender id validation failure|\bspf=fail\b/,
    example: '550 Bad SPF records for [example.org:192.0.2.22], see http://spf.pobox.com/why.html?sender=shironeko%40example.org&ip=192.0.2.22&receiver=mx.example.jp',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-authfailure.go',
  },
  {
    id: 'dkim-fail', cause: 'dkim-fail', tier: 'text',
    pattern: /dkim (?:signature )?(?:verification |check )?fail|no (?:valid |passing )?dkim signature|dkim = did not pass|dkim sender invalid|dkim-signature (?:is )?invalid|\bdkim=fail\b/,
    example: '550 5.7.20 Message rejected: No passing DKIM signature found',
    source: 'https://www.rfc-editor.org/rfc/rfc7372',
  },
  {
    id: 'auth-records-missing', cause: 'auth-records-missing', tier: 'text',
    pattern: /does not have authentication information|fails to pass authentication checks|unauthenticated email (?:from \S+ )?is not accepted|requires all senders to authenticate with either spf or dkim|sender is unauthenticated|must pass either spf or dkim|failing both spf and dkim|authentication checks (?:\(spf or dkim\) )?(?:failed|did not pass)|not authenticated \(spf or dkim\)/,
    unless: /dmarc policy/,
    example: '550 5.7.26 This message does not have authentication information or fails to pass authentication checks (SPF or DKIM). To best protect our users from spam, the message has been blocked.',
    source: 'https://support.google.com/a/answer/3726730',
  },
  {
    id: 'bulk-sender-requirements', cause: 'bulk-sender-requirements', tier: 'text',
    pattern: /doesn't meet the required authentication level|5322\.from address doesn't meet the authentication requirements|bulk (?:email )?senders? (?:to|requirements|guidelines)|to add a dmarc record|doesn't have a dmarc record|isn't aligned with either the authenticated spf or dkim|one-click unsubscribe/,
    example: "550 5.7.515 Access denied, sending domain EXAMPLE.JP doesn't meet the required authentication level. The sender's domain in the 5322.From address doesn't meet the authentication requirements defined for the sender.",
    source: 'https://support.microsoft.com/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef',
  },
];
