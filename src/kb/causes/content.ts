/**
 * Causes about the message itself: size, content filters, malware, formatting.
 */
import type { Cause } from '../types';
import { REF } from './refs';

export const CONTENT_CAUSES: Cause[] = [
  {
    id: 'message-too-large',
    title: 'The message is larger than the receiving server allows',
    summary:
      'The message, with its attachments, is bigger than a server on the way accepts. Attachments grow by about a third when they are encoded for email, so a 20 MB file becomes a 27 MB message.',
    reason: 'mesgtoobig',
    hard: true,
    actor: 'sender',
    steps: {
      generic: [
        'Share large files as a link (OneDrive/SharePoint, Google Drive, a file-transfer service) instead of attaching them, or compress or split them.',
        'Check which server refused it: if the reporting server is your own, your own limit is too low (see your platform); if it is the recipient\'s, only they can raise it.',
      ],
      'exchange-onprem': [
        'Find the lowest limit on your side: `Get-TransportConfig | fl MaxSendSize,MaxReceiveSize`, `Get-SendConnector | fl Name,MaxMessageSize`, `Get-ReceiveConnector | fl Name,MaxMessageSize` and `Get-Mailbox <user> | fl MaxSendSize`.',
        'Raise the one that blocked it if policy allows, e.g. `Set-TransportConfig -MaxSendSize 35MB -MaxReceiveSize 35MB` plus the matching connector or mailbox setting.',
      ],
      'exchange-2003': [
        'Check the limits in Exchange System Manager: Global Settings → Message Delivery → Properties → Defaults (sending/receiving size), Default SMTP Virtual Server → Properties → Messages ("Limit message size to (KB)"), and each SMTP connector\'s Content Restrictions tab.',
      ],
      'exchange-online': [
        'Check the mailbox limits: `Get-Mailbox <user> | fl MaxSendSize,MaxReceiveSize`; Exchange Online allows up to 150 MB (`Set-Mailbox <user> -MaxSendSize 150MB -MaxReceiveSize 150MB`). The recipient\'s own limit still applies.',
      ],
      'google-workspace': [
        'Gmail sends at most 25 MB of attachments and this limit cannot be raised: share larger files from Google Drive (Gmail offers to do this automatically).',
      ],
      postfix: [
        'If your Postfix refused it, check `postconf message_size_limit` (default 10240000 bytes) and raise it, e.g. `postconf -e \'message_size_limit = 52428800\'` (keep `mailbox_size_limit` at least as large), then `postfix reload`.',
        'If the log says "message size … exceeds size limit … of server", the remote server refused it: only its administrator can change that.',
      ],
      exim: [
        'If your Exim refused it, raise `message_size_limit` in the main configuration (default 50M) and restart Exim.',
      ],
      sendmail: [
        "If your sendmail refused it, raise ``define(`confMAX_MESSAGE_SIZE', `52428800')dnl`` in sendmail.mc, rebuild sendmail.cf and restart sendmail.",
      ],
    },
    references: [REF.rfc1870, REF.rfc3463, REF.msOnpremNdr, REF.gSmtpErrors, REF.pfPostconf],
  },
  {
    id: 'content-filtered',
    title: 'A filter at the recipient dropped the message',
    summary:
      'A content rule or filter on the recipient\'s side — a mail flow (transport) rule, a compliance policy or a filtering gateway — refused the message. It is the recipient organisation\'s policy, not a technical fault.',
    reason: 'filtered',
    hard: true,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Read the server\'s words in the bounce for a rule or policy name, then ask the recipient\'s administrator which rule matched; give them the time, your address and the Message-ID.',
        'If the rule is in your own organisation, use your platform\'s steps to find and adjust it.',
      ],
      'exchange-online': [
        'Recipient side: Exchange admin center → Mail flow → Rules: look for rules that reject or block with a custom text or code (5.7.900–5.7.999); a message trace (Mail flow → Message trace) shows which rule acted.',
      ],
      'exchange-onprem': [
        'Recipient side: `Get-TransportRule | fl Name,State,Priority,RejectMessageReasonText,RejectMessageEnhancedStatusCode` and follow the message with `Get-MessageTrackingLog -Recipients <address> -EventId FAIL | fl`.',
      ],
      'google-workspace': [
        'Recipient side: Admin console → Apps → Google Workspace → Gmail → Compliance: review Content compliance, Objectionable content and Attachment compliance rules whose action is "Reject message"; Reporting → Email log search shows which rule matched.',
      ],
      postfix: [
        'Recipient side: look for REJECT actions in `header_checks` and `body_checks` (`postconf header_checks body_checks smtpd_milters`) and for the matching line in the mail log.',
      ],
    },
    references: [REF.msOnpremNdr, REF.gSmtpErrors, REF.rfc3463],
  },
  {
    id: 'spam-content',
    title: 'The receiving server judged the message to be spam',
    summary:
      'The receiving server\'s spam filter scored this message as spam and refused it. The verdict comes from the sender\'s reputation, missing authentication (SPF, DKIM, DMARC) and the content and links of the message.',
    reason: 'spamdetected',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Send a test to a Gmail address and open "Show original": SPF, DKIM and DMARC should all say PASS; fix any that do not first.',
        'Check your sending IP and domain on blocklists (for Spamhaus: https://check.spamhaus.org/) and with the big providers\' tools (Google Postmaster Tools, Microsoft SNDS).',
        'Remove link shorteners and links to domains with a poor reputation, avoid image-only messages and attachments the recipient did not expect.',
        'For bulk mail: send only to people who asked for it, remove addresses that bounce, and include a one-click unsubscribe header.',
        'If this is one business contact, ask the recipient to add your address to their allowed senders while you fix the cause.',
      ],
      'exchange-online': [
        'Make sure DKIM signing is on for your domain (Defender portal → Email & collaboration → Policies & rules → Threat policies → Email authentication settings → DKIM) and that a DMARC record is published.',
        'A sudden spam verdict on normal mail can mean a compromised account sending spam: check Defender portal → Review → Restricted entities and the outbound spam alerts.',
      ],
      'google-workspace': [
        'Make sure DKIM signing is on (Admin console → Apps → Google Workspace → Gmail → Authenticate email) and register your domain in Postmaster Tools to watch its reputation.',
      ],
    },
    references: [REF.gSenderGuidelines, REF.gSmtpErrors, REF.gPostmasterTools, REF.yBestPractices, REF.olcPostmaster],
  },
  {
    id: 'virus-detected',
    title: 'The receiving server found malware in the message',
    summary:
      'The receiving server\'s antivirus found something it considers malicious — a virus, a macro document, or a file type commonly used by malware. The message was refused so nobody could open it.',
    reason: 'virusdetected',
    hard: true,
    actor: 'sender',
    steps: {
      generic: [
        'Do not resend the same attachment. Scan the computer that sent it with an up-to-date antivirus.',
        'If the file is clean (a false positive), share it by link instead, or ask the recipient\'s administrator to let it through; Office files with macros are refused by many receivers.',
        'If you did not send this message yourself, your account or device may be compromised: change the password and tell your administrator.',
      ],
    },
    references: [REF.gSmtpErrors, REF.rfc3463],
  },
  {
    id: 'content-malformed',
    title: 'The message has malformed headers or MIME structure',
    summary:
      'The message is not well-formed: broken MIME parts, wrongly encoded headers or characters, or lines that are too long. It usually comes from an application, script or device that builds email by hand rather than from a mail client.',
    reason: 'contenterror',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Find the program that generated the message (an application, a scanner, a script) — the bounce\'s returned headers (X-Mailer, Message-ID) usually give it away.',
        'Typical faults: 8-bit characters without MIME headers, header lines or body lines longer than 998 characters, non-ASCII text in headers without RFC 2047 encoding, missing MIME boundaries.',
        'Fix the generator or make it use a proper mail library, or submit its mail through your mail server instead of sending it directly.',
      ],
    },
    references: [REF.rfc5322, REF.rfc3463],
  },
  {
    id: 'not-rfc-compliant',
    title: 'The message breaks RFC 5322 formatting rules',
    summary:
      'The message is missing required headers or has duplicated ones — for example no valid From: address, two Subject: lines, or no Message-ID. Large providers such as Gmail and Microsoft 365 now refuse such messages.',
    reason: 'notcompliantrfc',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Make sure each message has exactly one From: with a valid address, one Date:, one Message-ID: that is unique, and at most one Subject:, To: and Cc:.',
        'Find which application sends these messages (the returned headers show it) and fix it or route it through a mail library that writes correct headers.',
        'Check a sample with Gmail\'s "Show original" or any header analyser before sending in bulk.',
      ],
    },
    references: [REF.rfc5322, REF.gSenderGuidelines, REF.gSmtpErrors, REF.msNdr],
  },
  {
    id: 'attachment-blocked',
    title: 'An attachment type is blocked by the receiving server',
    summary:
      'The receiving server does not accept this kind of attachment (for example executables, scripts or some archive types), even inside a zip file. It is the recipient\'s security policy.',
    reason: 'policyviolation',
    hard: true,
    actor: 'sender',
    steps: {
      generic: [
        'Share the file by link (OneDrive, Google Drive, a file-transfer service) instead of attaching it.',
        'Do not rename the file extension to get around the block; receivers look inside files and this can get your address blocked.',
        'If the recipient really needs the file by email, ask their administrator to allow it for your address.',
      ],
    },
    references: [REF.gSmtpErrors, REF.rfc3463],
  },
  {
    id: 'tnef-rtf-problem',
    title: 'Rich Text (TNEF/winmail.dat) content was refused',
    summary:
      'The message was sent in Outlook\'s Rich Text format, which is packaged as a winmail.dat (TNEF) attachment. The receiving system refused it or could not process it — often with a generic 5.0.350 error or a "header too long" complaint.',
    reason: 'contenterror',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Send the message again in HTML or plain text (Outlook: File → Options → Mail → Compose messages in HTML; or Format Text → HTML for one message).',
        'For recipients outside your organisation, configure your mail system never to send Rich Text to them (see your platform).',
      ],
      'exchange-online': [
        'Never send TNEF to outside domains: `Set-RemoteDomain Default -TNEFEnabled $false`, or for one partner `New-RemoteDomain -Name Partner -DomainName partner.example` then `Set-RemoteDomain Partner -TNEFEnabled $false` (EAC: Mail flow → Remote domains → Use rich-text format: Never).',
      ],
      'exchange-onprem': [
        'Never send TNEF to outside domains: `Set-RemoteDomain Default -TNEFEnabled $false`, or create a remote domain for the partner with `New-RemoteDomain` and set `-TNEFEnabled $false` on it.',
      ],
      'exchange-2003': [
        'In Exchange System Manager open Global Settings → Internet Message Formats → Default (or a new entry for the partner domain) → Properties → Advanced → Exchange rich-text format: Never use.',
      ],
    },
    references: [REF.ms5350, REF.rfc3463],
  },
  {
    id: 'bare-lf-rejected',
    title: 'The message contains bare line feeds the receiver refuses',
    summary:
      'Email lines must end with carriage return + line feed (CRLF). This message contains line feeds on their own (bare LF), which Exchange Online and servers hardened against "SMTP smuggling" attacks refuse.',
    reason: 'contenterror',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Find the application that sends these messages; it writes lines ending in LF only. Fix it to write CRLF, or to use a mail library that does.',
        'Or hand its mail to a real mail server (submission on port 587, or the local `sendmail` command) which rewrites line endings correctly when it relays.',
      ],
      postfix: [
        'Submit the application\'s mail to the local Postfix (`/usr/sbin/sendmail -t` or SMTP to 127.0.0.1): Postfix writes proper CRLF line endings when it relays.',
        'If your own Postfix refuses a legacy local client (`smtpd_forbid_bare_newline = reject`), list that client in `smtpd_forbid_bare_newline_exclusions` (default `$mynetworks`) or use `smtpd_forbid_bare_newline = normalize`, rather than turning the protection off.',
      ],
    },
    references: [REF.ms5611, REF.pfSmuggling, REF.rfc5321],
  },
];
