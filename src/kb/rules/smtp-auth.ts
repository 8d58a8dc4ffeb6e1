/**
 * SMTP authentication between our mail server and the next hop (the story this product started
 * from: Exchange queues stuck with "The remote SMTP service rejected AUTH negotiation").
 *
 * Cause choices, documented once:
 * - outbound-auth-mismatch: our side is set to authenticate but the next hop does not offer AUTH
 *   at all, or refuses the negotiation (Exchange 2003 outbound security, Exim hosts_require_auth,
 *   Exchange 2007+ Send connector vs smart host).
 * - auth-mechanism-unsupported: both sides do AUTH but share no mechanism; for Postfix "no
 *   mechanism available"/"offered no compatible authentication mechanisms" this is usually a missing
 *   SASL plugin or plaintext mechanisms forbidden before TLS, so the fix is on our side's SASL set-up.
 * - smart-host-auth-failed: the mechanism worked, the credentials were refused (535 5.7.8).
 * - tls-required-for-auth: the server wants STARTTLS before MAIL/AUTH (530 5.7.0 Must issue a STARTTLS command first).
 */
import type { TextRule } from './types';

export const SMTP_AUTH_RULES: readonly TextRule[] = [
  {
    id: 'exchange2003-rejected-auth-negotiation', cause: 'outbound-auth-mismatch', tier: 'text',
    pattern: /remote (?:smtp|simple mail transfer protocol) service rejected auth negotiation/,
    example: 'The remote SMTP service rejected AUTH negotiation',
    source: 'http://ftp.zx.net.nz/pub/mirror/ftp.microsoft.com/MISC/KB/en-us/329/636.HTM',
  },
  {
    id: 'exchange2003-ims-000b0981', cause: 'outbound-auth-mismatch', tier: 'text',
    pattern: /\b000b0981\b|server does not support auth\b/,
    example: '502 Server does not support AUTH',
    source: 'https://github.com/sisimai/p5-sisimai/blob/5-stable/lib/Sisimai/Lhost/Exchange2003.pm',
  },
  {
    id: 'exim-auth-not-advertised', cause: 'outbound-auth-mismatch', tier: 'text',
    pattern: /authentication required but (?:the )?server did not advertise auth(?:entication)? support/,
    example: 'authentication required but server did not advertise AUTH support',
    source: 'https://github.com/Exim/exim/blob/master/src/src/transports/smtp.c',
  },
  {
    id: 'exim-auth-no-common-mechanism', cause: 'auth-mechanism-unsupported', tier: 'text',
    pattern: /authentication required but (?:no common mechanisms were found|authentication attempt\(s\) failed)/,
    example: 'authentication required but no common mechanisms were found',
    source: 'https://github.com/Exim/exim/blob/master/src/src/transports/smtp.c',
  },
  {
    id: 'exchange-cannot-achieve-exchange-auth', cause: 'outbound-auth-mismatch', tier: 'text',
    pattern: /cannot achieve exchange server authentication|send connector has failed to authenticate with the remote server|failed to authenticate with the remote server|require basic authentication/,
    example: '451 5.7.3 Cannot achieve Exchange Server authentication.',
    source: 'http://support.microsoft.com/kb/979175',
  },
  {
    id: 'postfix-no-compatible-mechanisms', cause: 'auth-mechanism-unsupported', tier: 'text',
    pattern: /offered no compatible authentication mechanisms|no mechanism available|no worthy mechs found|available mechanisms do not fulfill requirements|auth=client, available mechanisms/,
    example: 'SASL authentication failed: server mail.example.com[192.0.2.10] offered no compatible authentication mechanisms for this type of connection security',
    source: 'https://github.com/vdukhovni/postfix/blob/master/postfix/src/smtp/smtp_sasl_proto.c',
  },
  {
    id: 'postfix-sasl-credentials-refused', cause: 'smart-host-auth-failed', tier: 'text',
    pattern: /sasl authentication failed; server \S+ said: 535|535[ -]5\.7\.8\b|username and password not accepted|authentication credentials invalid|incorrect authentication data|invalid credentials|authentication unsuccessful|authentication failed:? (?:invalid|bad|wrong)|code d.authentification invalide|authentification invalide/,
    unless: /invalid credentials for relay/,
    example: 'SASL authentication failed; server smtp.example.com[192.0.2.10] said: 535 5.7.8 Error: authentication failed: authentication failure',
    source: 'https://github.com/vdukhovni/postfix/blob/master/postfix/src/smtp/smtp_sasl_glue.c',
  },
  {
    id: 'tls-required-for-auth', cause: 'tls-required-for-auth', tier: 'text',
    pattern: /must issue a starttls command first|must (?:issue|use) starttls|encryption required for requested authentication|starttls (?:is )?required (?:before|for) (?:auth|mail)|plaintext authentication (?:is )?(?:not allowed|disallowed)/,
    example: '530 5.7.0 Must issue a STARTTLS command first',
    source: 'https://www.rfc-editor.org/rfc/rfc3207',
  },
  {
    id: 'exchange-online-smtp-auth-disabled', cause: 'smtp-auth-disabled', tier: 'text',
    pattern: /smtpclientauthentication is disabled|smtp ?auth(?:entication)? (?:is )?disabled|basic authentication is disabled|user is locked by your organization's security defaults|authentication not allowed on ibsmtp servers/,
    // More specific than the credentials rule, whose words ("authentication unsuccessful") these replies also contain.
    priority: 18.5,
    example: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
    source: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  },
  {
    id: 'exchange-online-anonymous-not-allowed', cause: 'auth-required', tier: 'text',
    pattern: /client was not authenticated to send anonymous mail|client not authenticated to send mail/,
    priority: 18.5,
    example: '530 5.7.57 Client not authenticated to send mail. Error: 535 5.7.3 Authentication unsuccessful [SN4PR0601CA0012.namprd06.prod.outlook.com] client was not authenticated to send anonymous mail during MAIL FROM',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-57-in-exchange-online',
  },
  {
    id: 'auth-required', cause: 'auth-required', tier: 'text',
    pattern: /authentication (?:is )?required|auth(?:entication)? required|authentification requise|please turn on smtp authentication|authentication turned on in your email client|unauthenticated senders not allowed|you are not authorized to send mail, authentication is required|you don't authenticate|insecure mail relay|client was not authenticated|resolver\.rst\.authrequired|must authenticate|need(?:s)? to authenticate|requires authentication|submitter failed to authenticate/,
    unless: /exchange server authentication|sender was not authenticated|spf or dkim|mail server requires authentication when attempting to send to a non-local/,
    example: '550-Please turn on SMTP Authentication in your mail client.',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-securityerror.go',
  },
  {
    id: 'send-as-denied', cause: 'send-as-denied', tier: 'text',
    pattern: /does not have permissions to send as this sender|sendasdenied|not allowed to send as|mail from not owned by user|sending this from a different address or alias/,
    reason: 'securityerror',
    example: '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off',
  },
  {
    id: 'generic-auth-failure', cause: 'smart-host-auth-failed', tier: 'hint',
    pattern: /authentication failure|authentication failed|verification failure|too many login attempts/,
    unless: /spf|dkim|dmarc/,
    example: '535 Authentication failure',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-securityerror.go',
  },
  {
    id: 'ses-account-not-authorised', cause: 'account-sending-blocked', reason: 'securityerror', tier: 'hint',
    pattern: /account not subscribed to ses|is not authorized to perform ses:sendrawemail|domain \S+ is a dead domain/,
    example: 'User arn:aws:iam::123456789012:user/example is not authorized to perform ses:SendRawEmail on resource arn:aws:ses:us-east-1:123456789012:identity/example.com',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-securityerror.go',
  },
];
