/**
 * Transport security between the two servers: TLS required but not offered, handshake failures,
 * protocol versions, certificates, DANE and MTA-STS. Wordings from Postfix/Exim sources, Microsoft's
 * NDR pages and Sisimai's keyword lists (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from './types';

export const TLS_RULES: readonly TextRule[] = [
  {
    id: 'tls-required-not-offered', cause: 'tls-required-not-offered', tier: 'text',
    pattern: /tls is required,? but (?:was )?not offered|tls session is required,? but the server did not offer tls|starttls is required to send mail|tls required but not supported|remote smtp service does not support tls|starttls-not-supported|this route requires encryption|tls required for rcpt domain|requiretls|encryption (?:is )?required|must use tls|tls (?:is )?required/,
    unless: /must issue a starttls command first|before auth/,
    example: 'TLS is required, but was not offered by host mx.example.com[192.0.2.10]',
    source: 'https://github.com/vdukhovni/postfix/blob/master/postfix/src/smtp/smtp_proto.c',
  },
  {
    id: 'tls-version-unsupported', cause: 'tls-version-unsupported', tier: 'text',
    pattern: /tls 1\.[01] (?:and 1\.[01] )?(?:are|is) not supported|requires tls version 1\.2|unsupported protocol|wrong version number|no (?:shared|common) cipher|handshake failure|no protocols available|high-strength ciphers|suspiciousremoteservererror/,
    example: '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2.',
    source: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/understanding-email-scenarios-if-tls-versions-cannot-be-agreed/ba-p/2065089',
  },
  {
    id: 'tls-cert-invalid', cause: 'tls-cert-invalid', tier: 'text',
    pattern: /certificate-expired|certificate-host-mismatch|server certificate not (?:verified|trusted)|certificate (?:has )?expired|certificate verify failed|untrusted (?:issuer|certificate)|self[- ]signed certificate|hostname mismatch|configuration is invalid for this certificate|remote certificate failed/,
    example: 'Server certificate not verified',
    source: 'https://github.com/vdukhovni/postfix/blob/master/postfix/src/smtp/smtp_proto.c',
  },
  {
    id: 'dane-mta-sts-failure', cause: 'dane-mta-sts-failure', tier: 'text',
    pattern: /tlsa-invalid|dnssec-invalid|tlsa (?:lookup error|records unusable)|failed mta-sts validation|mta-sts (?:policy|validation)|dane (?:validation )?fail/,
    example: '450 4.7.323 tlsa-invalid: The domain failed DANE validation',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online',
  },
  {
    id: 'starttls-failed', cause: 'starttls-failed', tier: 'hint',
    pattern: /starttls (?:failed|failure|negotiation failed)|an attempt to start tls failed|tls negotiation failed|cannot start tls|tls handshake (?:failed|error)|lost connection with \S+ while performing the tls handshake|tls not available due to (?:local|temporary) problem|starttls may not be repeated/,
    example: 'an attempt to start TLS failed',
    source: 'https://github.com/Exim/exim/blob/master/src/src/transports/smtp.c',
  },
];
