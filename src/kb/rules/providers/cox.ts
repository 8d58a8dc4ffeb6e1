/**
 * Cox and Spectrum (Charter) replies carry an "AUP#" label naming the cause. Source:
 * https://www.cox.com/residential/support/cox-postmaster-email-administration.html ; rows
 * cross-checked with Sisimai's Cox and Spectrum tables (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from '../types';

const C = 'https://www.cox.com/residential/support/cox-postmaster-email-administration.html';

export const COX_RULES: readonly TextRule[] = [
  {
    id: 'cox-blocked', cause: 'ip-blocklisted', tier: 'provider', provider: 'cox',
    pattern: /aup#(?:cxbl|cdrbl|ipbl\d+)\b/,
    example: '554 cox.net AUP#CXBL The sending IP has been blocked by Cox due to exhibiting spam-like behavior.',
    source: C,
  },
  {
    id: 'cox-rdns', cause: 'ptr-missing', tier: 'provider', provider: 'cox',
    pattern: /aup#cxdns\b|dns check failure - try again later|rejected - no rdns/,
    example: '550 fed1rmimpi-02.cox.net cox 192.0.2.1 rejected - no rDNS - AUP#CXDNS',
    source: C,
  },
  {
    id: 'cox-sender-auth', cause: 'auth-records-missing', tier: 'provider', provider: 'cox',
    pattern: /aup#cxsndr\b/,
    example: '550 cox.net AUP#CXSNDR Your email failed authentication checks against your sending domain.',
    source: C,
  },
  {
    id: 'cox-connections', cause: 'too-many-connections', tier: 'provider', provider: 'cox',
    pattern: /aup#cx(?:cnct|mxrt)\b|too many sessions from|message threshold exceeded/,
    example: '421 cox.net AUP#CXCNCT Too many sessions from 192.0.2.1',
    source: C,
  },
  {
    id: 'cox-account-activity', cause: 'account-sending-blocked', reason: 'securityerror', tier: 'provider', provider: 'cox',
    pattern: /aup#cx(?:thrt|mj)\b/,
    example: '554 cox.net AUP#CXTHRT Email sending limited due to suspicious account activity.',
    source: C,
  },
  {
    id: 'cox-url-blocked', cause: 'spam-content', tier: 'provider', provider: 'cox',
    pattern: /aup#urlbl\d+\b/,
    example: '554 cox.net AUP#URLBL011 A URL within the body of the message was found on blocklists SURBL and Spamhaus DBL.',
    source: C,
  },
  {
    id: 'cox-recipient-rejected', cause: 'recipient-unknown', tier: 'provider', provider: 'cox',
    pattern: /recipient rejected/,
    example: '550 <kijitora@cox.net> recipient rejected',
    source: C,
  },
  {
    id: 'spectrum-blocked', cause: 'ip-blocklisted', tier: 'provider', provider: 'spectrum',
    pattern: /aup#[io]-?(?:1000|12[0-5]\d)\b/,
    example: '554 5.7.1 Your IP address has been blocked due to suspicious activity. AUP#I-1000',
    source: 'https://www.spectrumbusiness.net/support/internet/understanding-email-error-codes',
  },
  {
    id: 'spectrum-rdns', cause: 'ptr-missing', tier: 'provider', provider: 'spectrum',
    pattern: /aup#[io]-?1(?:1[0-4]\d|150)\b/,
    example: '550 5.7.1 Spectrum requires a full circle DNS for emails to be allowed through. AUP#I-1150',
    source: 'https://www.spectrumbusiness.net/support/internet/understanding-email-error-codes',
  },
  {
    id: 'spectrum-limits', cause: 'rate-limited', tier: 'provider', provider: 'spectrum',
    pattern: /aup#[io]-?1(?:3[5-9]\d|4\d\d|540|550|580)\b/,
    example: '452 4.5.3 Your emails were deferred for attempting to send too many in a single session. AUP#O-1540',
    source: 'https://www.spectrumbusiness.net/support/internet/understanding-email-error-codes',
  },
];
