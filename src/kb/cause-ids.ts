/**
 * Every cause the product can name. The catalogue (kb/causes) describes each id;
 * rules (kb/rules) point at them. Add an id here first, then a catalogue entry and a rule.
 */
export const CAUSE_IDS = [
  // recipient address / mailbox
  'recipient-unknown', 'recipient-domain-unknown', 'recipient-moved', 'mailbox-disabled',
  'mailbox-full', 'mailbox-limit-exceeded', 'recipient-not-authorized', 'recipient-restricted-senders',
  // message content
  'message-too-large', 'content-filtered', 'spam-content', 'virus-detected', 'content-malformed',
  'not-rfc-compliant', 'attachment-blocked', 'tnef-rtf-problem', 'bare-lf-rejected',
  // sender reputation / infrastructure
  'ip-blocklisted', 'sender-blocked', 'bad-reputation', 'ptr-missing', 'dynamic-ip',
  'bad-helo', 'ipv6-not-accepted',
  // sender authentication (SPF/DKIM/DMARC)
  'spf-fail', 'dkim-fail', 'dmarc-reject', 'auth-records-missing', 'bulk-sender-requirements',
  // sender address / account
  'sender-rejected', 'sender-domain-invalid', 'sender-unverified', 'account-sending-blocked',
  'sending-quota-exceeded', 'external-forwarding-blocked', 'send-as-denied',
  // the sender's own organisation blocks the recipient (Microsoft 365 Tenant Allow/Block List, 5.7.703)
  'recipient-blocked-by-own-policy',
  // routing / configuration
  'relay-denied', 'tenant-attribution-failed', 'mail-loop', 'wrong-mx-or-accepted-domain',
  // SMTP authentication (client side)
  'outbound-auth-mismatch', 'smart-host-auth-failed', 'auth-required', 'smtp-auth-disabled',
  'auth-mechanism-unsupported', 'tls-required-for-auth',
  // TLS
  'tls-required-not-offered', 'starttls-failed', 'tls-version-unsupported', 'tls-cert-invalid',
  'dane-mta-sts-failure',
  // network / destination
  'null-mx', 'host-not-accepting', 'connection-refused', 'connection-timeout', 'port25-blocked',
  'dns-failure', 'connection-dropped', 'greylisted', 'too-many-connections', 'rate-limited', 'too-many-recipients',
  'remote-system-error', 'remote-storage-full', 'local-delivery-failed', 'smtp-syntax-error',
  'delivery-expired', 'delivery-delayed',
  // sending service
  'suppressed-address',
  // not failures / unknown
  'delivered', 'feedback-report', 'auto-reply', 'unknown',
] as const;

export type CauseId = (typeof CAUSE_IDS)[number];
