/**
 * Mimecast. Source: https://community.mimecast.com/s/article/email-security-cloud-gateway-mimecast-smtp-error-codes ;
 * rows cross-checked with Sisimai's Mimecast table (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from '../types';

const M = 'https://community.mimecast.com/s/article/email-security-cloud-gateway-mimecast-smtp-error-codes';
const p = 'mimecast' as const;

export const MIMECAST_RULES: readonly TextRule[] = [
  {
    id: 'mimecast-spf', cause: 'spf-fail', tier: 'provider', provider: p,
    pattern: /spf sender invalid - envelope rejected/,
    example: '550 SPF Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550',
    source: M,
  },
  {
    id: 'mimecast-dkim', cause: 'dkim-fail', tier: 'provider', provider: p,
    pattern: /dkim sender invalid - envelope rejected/,
    example: '550 DKIM Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550',
    source: M,
  },
  {
    id: 'mimecast-dmarc', cause: 'dmarc-reject', tier: 'provider', provider: p,
    pattern: /dmarc sender invalid - envelope rejected/,
    example: '550 DMARC Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550',
    source: M,
  },
  {
    id: 'mimecast-reputation', cause: 'bad-reputation', tier: 'provider', provider: p,
    pattern: /local ct ip reputation - \(reject\)|internal resources are temporarily unavailable/,
    example: '550 Local CT IP Reputation - (reject) - https://community.mimecast.com/docs/DOC-1369#550',
    source: M,
  },
  {
    id: 'mimecast-blocked', cause: 'sender-blocked', reason: 'blocked', tier: 'provider', provider: p,
    pattern: /ip temporarily blacklisted|recipient temporarily unavailable/,
    example: '451 IP Temporarily Blacklisted - https://community.mimecast.com/docs/DOC-1369#451',
    source: M,
  },
  {
    id: 'mimecast-tls', cause: 'tls-required-not-offered', tier: 'provider', provider: p,
    pattern: /this route requires encryption \(tls\)/,
    example: '553 This route requires encryption (TLS) - https://community.mimecast.com/docs/DOC-1369#553',
    source: M,
  },
  {
    id: 'mimecast-tls-version', cause: 'tls-version-unsupported', tier: 'provider', provider: p,
    pattern: /this route requires tls version 1\.2 or greater|this route requires high-strength ciphers/,
    example: '553 This route requires TLS version 1.2 or greater - https://community.mimecast.com/docs/DOC-1369#553',
    source: M,
  },
  {
    id: 'mimecast-size', cause: 'message-too-large', tier: 'provider', provider: p,
    pattern: /maximum email size exceeded/,
    example: '554 Maximum email size exceeded - https://community.mimecast.com/docs/DOC-1369#554',
    source: M,
  },
  {
    id: 'mimecast-loop', cause: 'mail-loop', tier: 'provider', provider: p,
    pattern: /mail loop detected/,
    example: '554 Mail loop detected - https://community.mimecast.com/docs/DOC-1369#554',
    source: M,
  },
  {
    id: 'mimecast-wrong-mx', cause: 'wrong-mx-or-accepted-domain', reason: 'networkerror', tier: 'provider', provider: p,
    pattern: /the incorrect hostname used for inbounds/,
    example: '550 The incorrect hostname used for inbounds - https://community.mimecast.com/docs/DOC-1369#550',
    source: M,
  },
  {
    id: 'mimecast-open-relay', cause: 'relay-denied', tier: 'provider', provider: p,
    pattern: /open relay (?:is )?not allowed/,
    example: '451 Open relay not allowed - https://community.mimecast.com/docs/DOC-1369#451',
    source: M,
  },
  {
    id: 'mimecast-inbound-disabled', cause: 'host-not-accepting', tier: 'provider', provider: p,
    pattern: /account inbounds disabled/,
    example: '451 Account inbounds disabled - https://community.mimecast.com/docs/DOC-1369#451',
    source: M,
  },
  {
    id: 'mimecast-policy', cause: 'content-filtered', reason: 'policyviolation', tier: 'provider', provider: p,
    pattern: /anti-spoofing policy|content examination policy|host network,? not allowed/,
    example: '550 Rejected by header-based Anti-Spoofing policy: kijitora@example.com - https://community.mimecast.com/docs/DOC-1369#550',
    source: M,
  },
  {
    id: 'mimecast-blocked-sender', cause: 'sender-rejected', tier: 'provider', provider: p,
    pattern: /administrative prohibition envelope blocked|envelope blocked - user (?:domain )?entry|blocked senders - block|block policy for envelope from address|sender address blocked/,
    example: '550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550',
    source: M,
  },
  {
    id: 'mimecast-auth', cause: 'smart-host-auth-failed', tier: 'provider', provider: p,
    pattern: /incorrect authentication data|submitter failed to authenticate/,
    example: '535 Incorrect authentication data - https://community.mimecast.com/docs/DOC-1369#535',
    source: M,
  },
  {
    id: 'mimecast-busy', cause: 'remote-system-error', reason: 'systemerror', tier: 'provider', provider: p,
    pattern: /unable to process (?:connection|command|an email) at this time|message ended early/,
    example: '451 Unable to process connection at this time - https://community.mimecast.com/docs/DOC-1369#451',
    source: M,
  },
  {
    id: 'mimecast-connections', cause: 'too-many-connections', tier: 'provider', provider: p,
    pattern: /account service is temporarily unavailable|exceeding outbound thread limit/,
    example: '451 Account service is temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451',
    source: M,
  },
  {
    id: 'mimecast-user-unknown', cause: 'recipient-unknown', tier: 'provider', provider: p,
    pattern: /invalid recipient|\buser unknown\b|invalid address/,
    example: '550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550',
    source: M,
  },
  {
    id: 'mimecast-security-policy', cause: 'virus-detected', tier: 'provider', provider: p,
    pattern: /email rejected due to security policies|virus signature detected|message contains a virus/,
    example: '554 email rejected due to security policies - MCSpamSignature.sa.2.2 (in reply to end of DATA command)',
    source: M,
  },
];
