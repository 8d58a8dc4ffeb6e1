/**
 * GoDaddy (secureserver.net). Replies end in an "IBnnn" label that names the cause. Source:
 * https://ca.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685 ; rows cross-checked with
 * Sisimai's GoDaddy table (BSD-2, (c) azumakuniyuki). Note GoDaddy sends "550 5.1.1 … IB607" for a
 * rate limit: the label, not the status code, decides.
 */
import type { TextRule } from '../types';

const G = 'https://ca.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685';
const p = 'godaddy' as const;
const ib = (codes: string) => new RegExp(`\\bib(?:${codes})\\b`);

export const GODADDY_RULES: readonly TextRule[] = [
  {
    id: 'godaddy-auth-not-allowed', cause: 'smtp-auth-disabled', tier: 'provider', provider: p,
    pattern: ib('401'),
    example: '535 Authentication not allowed on IBSMTP Servers. IB401',
    source: G,
  },
  {
    id: 'godaddy-from-invalid', cause: 'not-rfc-compliant', tier: 'provider', provider: p,
    pattern: ib('501|502'),
    example: '550 jane@coolexample.com Blank From: addresses are not allowed. Provide a valid From. IB501',
    source: G,
  },
  {
    id: 'godaddy-from-domain-invalid', cause: 'sender-domain-invalid', tier: 'provider', provider: p,
    pattern: ib('506'),
    example: '550 coolexample.com From: Domain is invalid. Provide a valid From: IB506',
    source: G,
  },
  {
    id: 'godaddy-spf', cause: 'spf-fail', tier: 'provider', provider: p,
    pattern: ib('508'),
    example: '550 jane@coolexample.com Invalid SPF record. Inspect your SPF settings, and try again. IB508',
    source: G,
  },
  {
    id: 'godaddy-rdns', cause: 'ptr-missing', tier: 'provider', provider: p,
    pattern: ib('108'),
    example: '421 Temporarily rejected. Reverse DNS for this IP failed. IB108',
    source: G,
  },
  {
    id: 'godaddy-spam', cause: 'spam-content', tier: 'provider', provider: p,
    pattern: /\bib212\b|message rejected for spam or virus content/,
    example: '552 This message has been rejected due to content judged to be spam by the internet community. IB212',
    source: G,
  },
  {
    id: 'godaddy-virus', cause: 'virus-detected', tier: 'provider', provider: p,
    pattern: ib('705'),
    example: '552 Virus infected message rejected. IB705',
    source: G,
  },
  {
    id: 'godaddy-too-many-recipients', cause: 'too-many-recipients', tier: 'provider', provider: p,
    pattern: ib('605'),
    example: '452 This message contains too many recipients. Reduce the number of recipients and retry. IB605',
    source: G,
  },
  {
    id: 'godaddy-too-many-sessions', cause: 'too-many-connections', tier: 'provider', provider: p,
    pattern: ib('007'),
    example: '421 Connection refused, too many sessions from This IP. Lower the number of concurrent sessions. IB007',
    source: G,
  },
  {
    id: 'godaddy-rate-limit', cause: 'rate-limited', tier: 'provider', provider: p,
    pattern: /\bib(?:101|504|510|607)\b|too many (?:to too many )?recipients this hour|sent too many messages this hour/,
    example: '550 5.1.1 This IP has sent too many to too many recipients this hour. IB607',
    source: G,
  },
  {
    id: 'godaddy-ip-blocked', cause: 'ip-blocklisted', tier: 'provider', provider: p,
    pattern: /\bib(?:104|105|106|110|111|112|113)\b|rbl reject|www\.spamhaus\.org\/query\/bl\?ip=/,
    example: '554 Connection refused. This IP address is listed on the Spamhaus Block List (SBL). IB104',
    source: G,
  },
  {
    id: 'godaddy-reputation', cause: 'bad-reputation', tier: 'provider', provider: p,
    pattern: ib('103'),
    example: '554 Connection refused. This IP has a poor reputation on Cloudmark Sender Intelligence (CSI). IB103',
    source: G,
  },
  {
    id: 'godaddy-user-unknown', cause: 'recipient-unknown', tier: 'provider', provider: p,
    pattern: /recipient not found|account does not exist/,
    unless: /\bib\d{3}\b/,
    example: '550 Recipient not found.',
    source: G,
  },
];
