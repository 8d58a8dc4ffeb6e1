/**
 * Tencent QQ Mail. Source: https://service.mail.qq.com/detail/122 ; rows cross-checked with
 * Sisimai's Tencent table (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from '../types';

const Q = 'https://service.mail.qq.com/detail/122';
const p = 'tencent' as const;

export const TENCENT_RULES: readonly TextRule[] = [
  {
    id: 'tencent-auth', cause: 'spf-fail', tier: 'provider', provider: p,
    pattern: /spf check failed/,
    example: '550 SPF check failed [example.jp 192.0.2.1]. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000758',
    source: Q,
  },
  {
    id: 'tencent-dmarc', cause: 'dmarc-reject', tier: 'provider', provider: p,
    pattern: /dmarc check failed/,
    example: '550 DMARC check failed. http://service.mail.qq.com/detail/122/72',
    source: Q,
  },
  {
    id: 'tencent-blocked', cause: 'sender-blocked', reason: 'blocked', tier: 'provider', provider: p,
    pattern: /suspected bounce attacks|suspected spam ip|connection denied/,
    example: '550 Connection denied. http://service.mail.qq.com/detail/122/170',
    source: Q,
  },
  {
    id: 'tencent-size', cause: 'message-too-large', tier: 'provider', provider: p,
    pattern: /message too large/,
    example: '552 Message too large. http://service.mail.qq.com/detail/122/168',
    source: Q,
  },
  {
    id: 'tencent-rejected', cause: 'sender-rejected', tier: 'provider', provider: p,
    pattern: /suspected spam|mail is rejected by recipients/,
    unless: /suspected spam ip/,
    example: '550 Mail is rejected by recipients. http://service.mail.qq.com/detail/122/92',
    source: Q,
  },
  {
    id: 'tencent-spam', cause: 'spam-content', tier: 'provider', provider: p,
    pattern: /spam is embedded in the email|mail content denied/,
    example: '550 Mail content denied. http://service.mail.qq.com/detail/122/171',
    source: Q,
  },
  {
    id: 'tencent-speeding', cause: 'rate-limited', tier: 'provider', provider: p,
    pattern: /mailbox unavailable or access denined|frequency of receiving messages is limited/,
    example: '550 Mailbox unavailable or access denined. http://service.mail.qq.com/detail/122/166',
    source: Q,
  },
  {
    id: 'tencent-frequency', cause: 'too-many-connections', tier: 'provider', provider: p,
    pattern: /(?:ip|domain|sender|connection) frequency limited/,
    example: '550 Ip frequency limited [V2VkIEFwciAgMyAxNjozNjo1OSBKU1QgMjAxOQo=/RkNGMjlFQTVEQ0E Blocked IP 192.0.2.22]. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000722',
    source: Q,
  },
  {
    id: 'tencent-deactivated', cause: 'mailbox-disabled', tier: 'provider', provider: p,
    pattern: /is a deactivated mailbox/,
    example: '550 kijitora@qq.com is a deactivated mailbox. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000742',
    source: Q,
  },
  {
    id: 'tencent-syntax', cause: 'smtp-syntax-error', tier: 'provider', provider: p,
    pattern: /bad address syntax/,
    example: '553 Bad address syntax. http://service.mail.qq.com/detail/122/167',
    source: Q,
  },
  {
    id: 'tencent-user-unknown', cause: 'recipient-unknown', tier: 'provider', provider: p,
    pattern: /mailbox not found/,
    example: '550 Mailbox not found. http://service.mail.qq.com/detail/122/169',
    source: Q,
  },
];
