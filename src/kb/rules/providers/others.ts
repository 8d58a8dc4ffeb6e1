/**
 * Smaller providers whose replies need their own reading: Zoho, Broadcom MessageLabs, Facebook,
 * Amazon SES (as the receiving side), KDDI/au, NTT DOCOMO, GMX/1&1. Rows learnt from the providers'
 * postmaster pages and Sisimai's rhost tables (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from '../types';
import type { CauseId } from '../../cause-ids';
import type { Reason } from '../../types';

type FacebookRow = readonly [id: string, cause: CauseId, reason: Reason | undefined, codes: string, example: string];

function facebookCodes(rows: readonly FacebookRow[]): TextRule[] {
  return rows.map(([id, cause, reason, codes, example]) => ({
    id, cause, ...(reason ? { reason } : {}), tier: 'provider' as const, provider: 'facebook' as const,
    pattern: new RegExp(`\\b(?:${codes})\\b`), example,
    source: 'https://github.com/sisimai/p5-sisimai/blob/5-stable/lib/Sisimai/Lhost/Facebook.pm',
  }));
}

export const OTHER_PROVIDER_RULES: readonly TextRule[] = [
  {
    id: 'zoho-relay', cause: 'relay-denied', tier: 'provider', provider: 'zoho',
    pattern: /relaying disallowed|relay access denied/,
    example: '550 5.7.1 Relaying disallowed as kijitora@example.com (in reply to RCPT TO command)',
    source: 'https://www.zoho.com/mail/help/adminconsole/smtp-error-codes.html',
  },
  {
    id: 'zoho-rejected-by-domain', cause: 'sender-rejected', tier: 'provider', provider: 'zoho',
    pattern: /mail rejected by destination domain/,
    example: '541 5.4.1 Mail rejected by destination domain',
    source: 'https://www.zoho.com/mail/help/adminconsole/smtp-error-codes.html',
  },
  {
    id: 'zoho-flagged-spam', cause: 'spam-content', reason: 'rejected', tier: 'provider', provider: 'zoho',
    pattern: /email flagged as spam/,
    example: '554 5.7.1 Email cannot be delivered. Reason: Email flagged as Spam.',
    source: 'https://www.zoho.com/mail/help/adminconsole/smtp-error-codes.html',
  },
  {
    id: 'messagelabs-auth', cause: 'auth-required', tier: 'provider', provider: 'messagelabs',
    pattern: /please turn on smtp authentication in your mail client/,
    example: '550-Please turn on SMTP Authentication in your mail client.',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/rhost/for-messagelabs.go',
  },
  // Facebook's reply codes (postmaster.facebook.com/response_codes), as tabled by Sisimai.
  ...facebookCodes([
    ['facebook-recipient-unknown', 'recipient-unknown', undefined, 'rcp-p1|int-p[134]', '550 5.1.1 RCP-P1 http://postmaster.facebook.com/response_codes?ip=192.0.2.54#rcp Recipient address does not exist'],
    ['facebook-recipient-preferences', 'content-filtered', 'filtered', 'rcp-p[23]', '550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes?ip=192.0.2.135#rcp Refused due to recipient preferences'],
    ['facebook-ip-blocked', 'ip-blocklisted', undefined, 'pol-p[12]', '550 5.7.1 POL-P1 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#pol Your mail server\'s IP Address is listed on the Spamhaus PBL'],
    ['facebook-too-big', 'message-too-large', undefined, 'msg-p1|int-p2', '552 5.3.4 MSG-P1 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#msg Message exceeds maximum allowed size'],
    ['facebook-content', 'content-malformed', undefined, 'msg-p[23]|pol-p6', '550 5.7.1 MSG-P2 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#msg Attachment type not accepted'],
    ['facebook-not-accepting', 'host-not-accepting', undefined, 'pol-p[34]|pol-t[123]', '421 4.7.1 POL-T1 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#pol Facebook is not accepting messages from your mail server'],
    ['facebook-sender-dns', 'sender-domain-invalid', undefined, 'dns-p[12]|dns-t1', '550 5.1.8 DNS-P1 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#dns Your SMTP MAIL FROM domain does not exist'],
    ['facebook-ptr', 'ptr-missing', 'rejected', 'dns-p3|dns-t2', '550 5.7.1 DNS-P3 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#dns Your mail server does not have a reverse DNS record'],
    ['facebook-busy', 'remote-system-error', 'systemerror', 'con-t1|rcp-t1', '421 4.3.2 CON-T1 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#con Too many connections open'],
    ['facebook-connections', 'too-many-connections', undefined, 'con-t[23]', '421 4.7.0 CON-T2 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#con Your mail server has too many connections open'],
    ['facebook-virus', 'virus-detected', undefined, 'pol-p5', '550 5.7.1 POL-P5 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#pol The message contains a virus'],
    ['facebook-deactivated', 'mailbox-disabled', undefined, 'rcp-t4', '450 4.2.1 RCP-T4 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#rcp The recipient address is currently deactivated'],
  ]),
  {
    id: 'kddi-mailbox-full', cause: 'mailbox-full', tier: 'provider', provider: 'kddi',
    pattern: /as their mailbox is full/,
    example: 'As their mailbox is full.',
    source: 'corpus shape: lhost-kddi',
  },
  {
    // DOCOMO's per-recipient reception filters refused the sender's domain after DATA (Sisimai's reading, 2025).
    id: 'docomo-reception-filter', cause: 'recipient-restricted-senders', reason: 'rejected', tier: 'provider', provider: 'docomo',
    command: ['DATA'], status: ['5.0.0'], pattern: /550 unknown user/,
    example: '550 Unknown user kijitora@docomo.ne.jp (in reply to end of DATA command)',
    exampleFacts: { command: 'DATA', status: '5.0.0' },
    source: 'https://github.com/sisimai/go-sisimai/blob/main/rhost/for-nttdocomo.go',
  },
  {
    id: 'docomo-mailbox-full', cause: 'mailbox-full', tier: 'provider', provider: 'docomo',
    pattern: /too much mail data/,
    example: '552 Too much mail data recipient-mailbox-is-full@docomo.ne.jp',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/rhost/for-nttdocomo.go',
  },
  {
    id: 'gmx-size', cause: 'message-too-large', tier: 'provider', provider: 'gmx',
    pattern: /mail size limit exceeded/,
    example: 'Mail size limit exceeded. For explanation visit http://postmaster.1and1.com/en/error-messages?ip=%1s',
    source: 'https://postmaster.1and1.com/en/error-messages',
  },
  {
    id: 'kddi-filtered', cause: 'content-filtered', reason: 'filtered', tier: 'provider', provider: 'kddi',
    pattern: /550 : user unknown/,
    example: '550 : User unknown',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/rhost/for-kddi.go',
  },
  {
    id: 'kddi-user-unknown', cause: 'recipient-unknown', tier: 'provider', provider: 'kddi',
    pattern: />: user unknown/,
    example: '550 <kijitora@ezweb.ne.jp>: User unknown',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/rhost/for-kddi.go',
  },
  {
    id: 'iua-relay', cause: 'relay-denied', tier: 'provider', provider: 'iua',
    pattern: /\.i\.ua\/err\/[16]\//,
    example: '550 The use of SMTP as mail gate is forbidden. http://mail.i.ua/err/1/',
    source: 'https://mail.i.ua/err/1/',
  },
  {
    id: 'iua-user-unknown', cause: 'recipient-unknown', tier: 'provider', provider: 'iua',
    pattern: /\.i\.ua\/err\/2\//,
    example: '550 User is not found. http://mail.i.ua/err/2/',
    source: 'https://mail.i.ua/err/2/',
  },
  {
    id: 'iua-inactive', cause: 'mailbox-disabled', tier: 'provider', provider: 'iua',
    pattern: /\.i\.ua\/err\/3\//,
    example: '550 Mailbox was not used for more than 3 months. http://mail.i.ua/err/3/',
    source: 'https://mail.i.ua/err/3/',
  },
  {
    id: 'iua-mailbox-full', cause: 'mailbox-full', tier: 'provider', provider: 'iua',
    pattern: /\.i\.ua\/err\/4\//,
    example: '550 Mailbox is full. http://mail.i.ua/err/4/',
    source: 'https://mail.i.ua/err/4/',
  },
  {
    id: 'iua-sending-limit', cause: 'rate-limited', reason: 'toomanyconn', tier: 'provider', provider: 'iua',
    pattern: /\.i\.ua\/err\/5\//,
    example: '550 Letter sending limit is exceeded. http://mail.i.ua/err/5/',
    source: 'https://mail.i.ua/err/5/',
  },
  {
    id: 'iua-blocked', cause: 'ip-blocklisted', tier: 'provider', provider: 'iua',
    pattern: /\.i\.ua\/err\/[79]\//,
    example: '550 IP-address of the sender is blacklisted. http://mail.i.ua/err/9/',
    source: 'https://mail.i.ua/err/9/',
  },
  {
    id: 'iua-sender', cause: 'sender-rejected', tier: 'provider', provider: 'iua',
    pattern: /\.i\.ua\/err\/8\//,
    example: "550 Couldn't check sender address. http://mail.i.ua/err/8/",
    source: 'https://mail.i.ua/err/8/',
  },
  {
    id: 'iua-filtered', cause: 'recipient-restricted-senders', reason: 'filtered', tier: 'provider', provider: 'iua',
    pattern: /\.i\.ua\/err\/10\//,
    example: '550 Not in the list Mail address management. http://mail.i.ua/err/10/',
    source: 'https://mail.i.ua/err/10/',
  },
  {
    id: 'zoho-dmarc', cause: 'dmarc-reject', tier: 'provider', provider: 'zoho',
    pattern: /email rejected per dmarc policy/,
    example: '550 5.7.1 Email rejected per DMARC policy for zoho.com',
    source: 'https://www.zoho.com/mail/help/spam-reason.html',
  },
  {
    id: 'zoho-greylisted', cause: 'greylisted', tier: 'provider', provider: 'zoho',
    pattern: /greylisted, try again after some time/,
    example: '451 4.7.1 Greylisted, try again after some time',
    source: 'https://smtpfieldmanual.com/provider/zoho',
  },
  {
    id: 'zoho-system-error', cause: 'remote-system-error', tier: 'provider', provider: 'zoho',
    pattern: /temporary system error/,
    example: '452 4.3.1 Temporary System Error',
    source: 'https://github.com/zoho/zohodesk-oas/blob/main/v1.0/EmailFailureAlert.json',
  },
  {
    id: 'zoho-virus', cause: 'virus-detected', tier: 'provider', provider: 'zoho',
    pattern: / detected by zoho mail/,
    example: '552 5.7.1 virus Eicar-Test-Signature detected by Zoho Mail',
    source: 'https://smtpfieldmanual.com/provider/zoho',
  },
  {
    id: 'cloudflare-dnsbl', cause: 'ip-blocklisted', tier: 'provider', provider: 'cloudflare',
    pattern: /found on one or more dnsbls/,
    example: '554 5.7.1 192.0.2.1 found on one or more DNSBLs, see https://developers.cloudflare.com/email-routing/postmaster/',
    source: 'https://developers.cloudflare.com/email-routing/postmaster/',
  },
  {
    id: 'cloudflare-upstream', cause: 'remote-system-error', reason: 'systemerror', tier: 'provider', provider: 'cloudflare',
    pattern: /upstream error/,
    example: '451 4.3.0 Upstream error, please retry later',
    source: 'https://developers.cloudflare.com/email-routing/postmaster/',
  },
  // Broadcom (Symantec) Email Security.cloud: https://knowledge.broadcom.com/external/article/169652
  {
    id: 'messagelabs-domain-auth', cause: 'spf-fail', tier: 'provider', provider: 'messagelabs',
    pattern: /domain authentication fail/,
    example: '553-SPF (Sender Policy Framework) domain authentication fail.',
    source: 'https://knowledge.broadcom.com/external/article/175407',
  },
  {
    id: 'messagelabs-policy-reputation', cause: 'bad-reputation', tier: 'provider', provider: 'messagelabs',
    pattern: /connection rejected by policy/,
    example: '501 Connection rejected by policy [7.7] 20805, please visit www.messagelabs.com/support for more details about this error message.',
    source: 'https://knowledge.broadcom.com/external/article/164955',
  },
  {
    id: 'messagelabs-ip-blocked', cause: 'ip-blocklisted', tier: 'provider', provider: 'messagelabs',
    pattern: /mail rejected because your ip is in the pbl|your ip address (?:\S+ )?has been blocked/,
    example: '553-mail rejected because your IP is in the PBL. See http://www.spamhaus.org/pbl',
    source: 'https://knowledge.broadcom.com/external/article/165165',
  },
  {
    id: 'messagelabs-sender-blocked', cause: 'sender-rejected', tier: 'provider', provider: 'messagelabs',
    pattern: /sender envelope domain not allowed for sender ip address|your (?:domain|email address) has been (?:blocked|blacklisted)|your envelope sender is in my badmailfrom list/,
    example: '550 sender envelope domain not allowed for sender IP address (#5.1.8)',
    source: 'https://knowledge.broadcom.com/external/article/162232',
  },
  {
    id: 'messagelabs-stray-lf', cause: 'bare-lf-rejected', tier: 'provider', provider: 'messagelabs',
    pattern: /stray linefeeds in message/,
    example: '553 Stray linefeeds in message (#5.6.2)',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/rhost/for-messagelabs.go',
  },
  {
    id: 'messagelabs-tls', cause: 'tls-required-not-offered', tier: 'provider', provider: 'messagelabs',
    pattern: /tls\/sslv3 connection required/,
    example: '451 TLS/SSLv3 Connection required. (#4.7.1)',
    source: 'https://knowledge.broadcom.com/external/article/162152',
  },
  {
    id: 'messagelabs-relay', cause: 'relay-denied', tier: 'provider', provider: 'messagelabs',
    pattern: / as a relay, /,
    example: 'You are trying to use me [server-4.tower-50.messagelabs.com] as a relay, but I have not been configured to let you [192.0.2.1, example.com] do this.',
    source: 'https://knowledge.broadcom.com/external/article/162137',
  },
  {
    id: 'messagelabs-not-rfc', cause: 'not-rfc-compliant', tier: 'provider', provider: 'messagelabs',
    pattern: /550 requested action aborted \[4\]|has detected that this message is not rfc 5322/,
    example: '550 [192.0.2.1] has detected that this message is not RFC 5322 compliant.',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/rhost/for-messagelabs.go',
  },
  {
    id: 'messagelabs-filtered', cause: 'spam-content', tier: 'provider', provider: 'messagelabs',
    pattern: /message filtered|filtered by outbound scanning/,
    example: '553 - Message Filtered',
    source: 'https://knowledge.broadcom.com/external/article/173867',
  },
  {
    id: 'messagelabs-volume', cause: 'too-many-connections', tier: 'provider', provider: 'messagelabs',
    pattern: /too many recipients received this hour|too many messages/,
    example: '452 Too many recipients received this hour',
    source: 'https://knowledge.broadcom.com/external/article/385809',
  },
  {
    id: 'messagelabs-user-unknown', cause: 'recipient-unknown', tier: 'provider', provider: 'messagelabs',
    pattern: /no such user|invalid recipient|mailbox is not allowed/,
    example: '550-Invalid recipient <kijitora@example.com> 550 (#5.1.1)',
    source: 'https://knowledge.broadcom.com/external/article/165163',
  },
];
