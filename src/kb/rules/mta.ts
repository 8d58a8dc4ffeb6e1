/**
 * Wordings and codes that belong to one mail system's own reports rather than to the remote
 * server's reply: Exchange 2000/2003 IMS diagnostic codes, Google Groups and au (EZweb) notices.
 * Codes from Sisimai's Exchange2003/EZweb/GoogleGroups readers (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from './types';

const EX2003 = 'https://github.com/sisimai/p5-sisimai/blob/5-stable/lib/Sisimai/Lhost/Exchange2003.pm';
const EXIM = 'https://github.com/Exim/exim/blob/master/src/src/deliver.c';
const QMAIL = 'https://cr.yp.to/qmail.html';
const GMAIL_STATE = 'https://github.com/sisimai/go-sisimai/blob/main/lhost/via-gmail.go';
/** Codes that say little beyond the class: Gmail's "(state N)" decides over them. */
const VAGUE_STATUS = ['', '5.0.', '4.0.', '5.1.0', '5.2.0', '5.3.0', '5.4.0', '5.5.0', '5.6.0', '5.7.0', '4.2.0', '4.3.0', '4.4.0', '4.5.0', '4.7.0'];

export const MTA_RULES: readonly TextRule[] = [
  {
    id: 'exchange2003-unknown-recipient', cause: 'recipient-unknown', tier: 'text',
    pattern: /\(000c05a6\)|the recipient name is not recognized|^unknown recipient\b|the e-?mail account does not exist at the organization|account \S+ does not exist at the organization/,
    example: 'The recipient name is not recognized MSEXCH:IMS:EXAMPLE:SITE:SERVER 0 (000C05A6) Unknown Recipient',
    source: EX2003,
  },
  {
    id: 'exchange2003-ambiguous-recipient', cause: 'recipient-unknown', reason: 'filtered', tier: 'text',
    pattern: /\(000c0595\)|ambiguous recipient/,
    example: 'MSEXCH:IMS:EXAMPLE:SITE:SERVER 0 (000C0595) Ambiguous Recipient',
    source: EX2003,
  },
  {
    id: 'exchange2003-too-many-hops', cause: 'mail-loop', tier: 'text',
    pattern: /\(00120270\)/,
    example: 'MSEXCH:IMS:EXAMPLE:SITE:SERVER 0 (00120270) Too Many Hops',
    source: EX2003,
  },
  {
    id: 'exchange2003-conversion-failed', cause: 'content-malformed', tier: 'text',
    pattern: /\(0005(?:0311|02cc)\)|conversion to internet format failed/,
    example: 'MSEXCH:IMS:EXAMPLE:SITE:SERVER 0 (00050311) Conversion to Internet format failed',
    source: EX2003,
  },
  {
    id: 'exchange2003-too-many-recipients', cause: 'too-many-recipients', reason: 'systemerror', tier: 'text',
    pattern: /\(00010256\)/,
    example: 'MSEXCH:IMS:EXAMPLE:SITE:SERVER 0 (00010256) Too many recipients.',
    source: EX2003,
  },
  {
    id: 'exchange2003-no-proxy', cause: 'remote-system-error', reason: 'systemerror', tier: 'text',
    pattern: /\(000d06b5\)|no proxy for recipient/,
    example: 'MSEXCH:IMS:EXAMPLE:SITE:SERVER 0 (000D06B5) No proxy for recipient (non-smtp mail?)',
    source: EX2003,
  },
  {
    // Google Groups writes its bounce in the sender's language; every one of them means "you cannot post here".
    id: 'google-groups-bounce', cause: 'recipient-restricted-senders', reason: 'rejected', tier: 'text',
    mta: ['googlegroups'], pattern: /\S/,
    example: 'kijitora@example.jp 様 連絡しようとしたグループ（example）が存在しないか、グループにメッセージを投稿する権限がない可能性があります。',
    exampleFacts: { mta: 'googlegroups' },
    source: 'corpus shape: lhost-googlegroups',
  },
  {
    // au (EZweb) reports a recipient's own reception filter this way.
    id: 'ezweb-rejected-by-remote', cause: 'content-filtered', reason: 'filtered', tier: 'text',
    mta: ['ezweb', 'kddi'], pattern: /was rejected by a remote mail server/,
    example: 'Each of the following recipients was rejected by a remote mail server.',
    exampleFacts: { mta: 'ezweb' },
    source: 'https://github.com/sisimai/p5-sisimai/blob/5-stable/lib/Sisimai/Lhost/EZweb.pm',
  },
  // Exim's own messages (deliver.c, routers/dnslookup.c, transports/smtp.c, parse.c).
  {
    id: 'exim-no-smtp-service', cause: 'null-mx', tier: 'text',
    pattern: /an mx or srv record indicated no smtp service/,
    example: 'an MX or SRV record indicated no SMTP service',
    source: 'https://github.com/Exim/exim/blob/master/src/src/routers/dnslookup.c',
  },
  {
    id: 'exim-no-host-for-connection', cause: 'host-not-accepting', tier: 'text',
    pattern: /no host found for existing smtp connection/,
    example: 'no host found for existing SMTP connection',
    source: 'https://github.com/Exim/exim/blob/master/src/src/transports/smtp.c',
  },
  {
    id: 'exim-host-lookups-failed', cause: 'recipient-domain-unknown', tier: 'text',
    pattern: /all host address lookups failed permanently/,
    example: 'all host address lookups failed permanently',
    source: 'https://github.com/Exim/exim/blob/master/src/src/transports/smtp.c',
  },
  {
    id: 'exim-address-syntax', cause: 'smtp-syntax-error', tier: 'text',
    pattern: /angle-brackets nested too deep|expected word or "<"|domain missing in source-routed address/,
    example: 'angle-brackets nested too deep',
    source: 'https://github.com/Exim/exim/blob/master/src/src/parse.c',
  },
  {
    id: 'exim-local-delivery', cause: 'local-delivery-failed', reason: 'systemerror', tier: 'text',
    pattern: /delivery to (?:file|pipe) forbidden|local delivery failed|lmtp error after /,
    example: 'local delivery failed',
    source: EXIM,
  },
  {
    id: 'exim-too-many-received', cause: 'mail-loop', reason: 'contenterror', tier: 'text',
    pattern: /too many "received" headers/,
    example: 'Too many "Received" headers - suspected mail loop',
    source: EXIM,
  },
  {
    id: 'exim-frozen', cause: 'delivery-expired', reason: 'expired', tier: 'hint',
    pattern: /has been frozen|was frozen on arrival|all hosts have been failing for a long time|no action is required on your part/,
    example: 'Message 1PjUrW-0004Ri-CR has been frozen by the system filter.',
    source: EXIM,
  },
  // qmail and its clones (qmail-remote.c, qmail-ldap).
  {
    // qmail itself calls this a network error; its clones word it the same and call it an expiry.
    id: 'qmail-no-smtp-connection', cause: 'connection-timeout', reason: 'networkerror', tier: 'text',
    mta: ['qmail'],
    exampleFacts: { mta: 'qmail' },
    pattern: /wasn't able to establish an smtp connection|although i'm listed as a best-preference mx or a for that host|no smtp connection got far enough/,
    example: "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)",
    source: QMAIL,
  },
  {
    id: 'qmail-not-enough-space', cause: 'remote-storage-full', reason: 'systemfull', tier: 'text',
    // qmail's own verdict on the server's disk; it outranks the mailbox-full wordings it also contains.
    priority: -1,
    pattern: /mailbox unavailable \(not enough free space\)/,
    example: 'Requested action not taken: mailbox unavailable (not enough free space)',
    source: QMAIL,
  },
  {
    id: 'qmail-ldap-disabled', cause: 'mailbox-disabled', tier: 'text',
    pattern: /mailaddress is administrativ\w* disabled/,
    example: 'Mailaddress is administratively disabled. (#5.2.1)',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/lhost/via-qmail.go',
  },
  {
    id: 'qmail-ldap-size', cause: 'mailbox-limit-exceeded', tier: 'text',
    pattern: /the message exee?ded the maximum size the user accepts/,
    example: 'The message exeeded the maximum size the user accepts. (#5.2.3)',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/lhost/via-qmail.go',
  },
  {
    id: 'qmail-ldap-system', cause: 'remote-system-error', reason: 'systemerror', tier: 'text',
    pattern: /automatic homedir creator crashed|illegal value in ldap attribute|ldap attribute is not given but mandatory|timeout while performing search on ldap server|too many results returned but needs to be unique|error while executing qmail-forward|temporary error in automatic homedir creation|temporary failure in ldap lookup|unable to contact ldap server|unable to login into ldap server|bad interpreter: no such file or directory/,
    example: 'Unable to contact LDAP server. (#4.4.3)',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/lhost/via-qmail.go',
  },
  // Gmail's own bounces end the quoted reply with "(state N)": the SMTP stage Google reached.
  {
    id: 'gmail-state-after-data', cause: 'content-filtered', reason: 'filtered', tier: 'text',
    mta: ['gmail'], status: VAGUE_STATUS, pattern: /\(state 1[578]\)/,
    example: 'The error that the other server returned was: 554 554 5.7.0 Header error (state 18).',
    exampleFacts: { mta: 'gmail' },
    source: GMAIL_STATE,
  },
  {
    id: 'gmail-state-helo', cause: 'sender-blocked', reason: 'blocked', tier: 'text',
    mta: ['gmail'], status: VAGUE_STATUS, pattern: /\(state 13\)/,
    example: 'The error that the other server returned was: 550 550 5.7.0 <kijitora@example.jp>... Access denied (state 13).',
    exampleFacts: { mta: 'gmail' },
    source: GMAIL_STATE,
  },
  {
    id: 'gmail-state-tls', cause: 'starttls-failed', tier: 'text',
    mta: ['gmail'], status: VAGUE_STATUS, pattern: /\(state [69]\)/,
    example: 'The error that the other server returned was: 500 Remote server does not support TLS (state 6).',
    exampleFacts: { mta: 'gmail' },
    source: GMAIL_STATE,
  },
  {
    id: 'gmail-state-auth', cause: 'smart-host-auth-failed', reason: 'systemerror', tier: 'text',
    mta: ['gmail'], status: VAGUE_STATUS, pattern: /\(state 8\)/,
    example: 'The error that the other server returned was: 535 SMTP AUTH failed with the remote server. (state 8).',
    exampleFacts: { mta: 'gmail' },
    source: GMAIL_STATE,
  },
  {
    id: 'gmail-old-dns-errors', cause: 'recipient-domain-unknown', tier: 'text',
    pattern: /dns error: (?:domain name not found|dns server returned answer with no data)/,
    example: 'DNS Error: Domain name not found',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/lhost/via-gmail.go',
  },
  {
    id: 'gmail-no-dns-servers', cause: 'dns-failure', reason: 'expired', tier: 'hint',
    pattern: /dns error: could not contact dns servers/,
    example: 'DNS Error: Could not contact DNS servers',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/lhost/via-gmail.go',
  },
  // Other MTAs' own words.
  {
    id: 'amavis-verdicts', cause: 'virus-detected', tier: 'text',
    pattern: / - infected\b/,
    example: '554 5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Test-Signature',
    source: 'https://www.ijs.si/software/amavisd/amavisd-new-docs.html',
  },
  {
    id: 'amavis-bad-header', cause: 'content-malformed', tier: 'text',
    pattern: / - bad header:/,
    example: "554 5.6.0 Reject, id=12345-01 - BAD HEADER: Non-encoded 8-bit data (char E9 hex) in message header 'Subject'",
    source: 'https://www.ijs.si/software/amavisd/amavisd-new-docs.html',
  },
  {
    id: 'amavis-relay-failure', cause: 'remote-system-error', reason: 'systemerror', tier: 'text',
    pattern: / - (?:temporary mta failure on relaying|rejected by next-hop mta on relaying|unable to relay message back to mta)/,
    example: '451 4.5.0 id=12345-01 - Temporary MTA failure on relaying',
    source: 'https://www.ijs.si/software/amavisd/amavisd-new-docs.html',
  },
  {
    id: 'domino-not-in-directory', cause: 'recipient-unknown', tier: 'text',
    pattern: /not listed in (?:the )?domino directory|non répertorié dans l'annuaire domino/,
    example: 'User Neko (kijitora@example.co.jp) not listed in Domino Directory',
    source: 'https://github.com/sisimai/p5-sisimai/blob/5-stable/lib/Sisimai/Lhost/Domino.pm',
  },
  {
    id: 'domino-cannot-route', cause: 'content-filtered', reason: 'filtered', tier: 'text',
    pattern: /cannot route mail to user/,
    example: 'Cannot route mail to user (kijitora@example.jp)',
    source: 'https://github.com/sisimai/p5-sisimai/blob/5-stable/lib/Sisimai/Lhost/Domino.pm',
  },
  {
    id: 'domino-several-matches', cause: 'recipient-unknown', reason: 'systemerror', tier: 'text',
    pattern: /several matches found in domino directory/,
    example: 'Several matches found in Domino Directory',
    source: 'https://github.com/sisimai/p5-sisimai/blob/5-stable/lib/Sisimai/Lhost/Domino.pm',
  },
  {
    id: 'notes-hop-count', cause: 'mail-loop', tier: 'text',
    pattern: /message has exceeded maximum hop count/,
    example: 'Message has exceeded maximum hop count',
    source: 'https://github.com/sisimai/p5-sisimai/blob/5-stable/lib/Sisimai/Lhost/Notes.pm',
  },
  {
    id: 'courier-dns', cause: 'dns-failure', reason: 'networkerror', tier: 'text',
    pattern: /dns lookup failed\.|this domain's dns violates rfc 1035/,
    example: 'DNS lookup failed.',
    source: 'https://github.com/sisimai/p5-sisimai/blob/5-stable/lib/Sisimai/Lhost/Courier.pm',
  },
  {
    id: 'opensmtpd-messages', cause: 'dns-failure', reason: 'networkerror', tier: 'text',
    pattern: /address family mismatch on destination mxs|all routes to destination blocked|bad dns lookup error code|could not retrieve source address|network error on destination mxs|no mx found for (?:domain|destination)|no valid route to (?:remote mx|destination)|temporary failure in mx lookup/,
    example: 'Network error on destination MXs',
    source: 'https://github.com/OpenSMTPD/OpenSMTPD/blob/master/usr.sbin/smtpd/mta.c',
  },
  {
    id: 'opensmtpd-rejects-all', cause: 'host-not-accepting', tier: 'text',
    pattern: /destination seem to reject all mails/,
    example: 'Destination seem to reject all mails',
    source: 'https://github.com/OpenSMTPD/OpenSMTPD/blob/master/usr.sbin/smtpd/mta.c',
  },
  {
    id: 'opensmtpd-envelope-expired', cause: 'delivery-expired', reason: 'expired', tier: 'hint',
    pattern: /envelope expired/,
    example: 'Envelope expired',
    source: 'https://github.com/OpenSMTPD/OpenSMTPD/blob/master/usr.sbin/smtpd/queue.c',
  },
  {
    id: 'opensmtpd-credentials', cause: 'smart-host-auth-failed', tier: 'text',
    pattern: /could not retrieve credentials/,
    example: 'Could not retrieve credentials',
    source: 'https://github.com/OpenSMTPD/OpenSMTPD/blob/master/usr.sbin/smtpd/mta.c',
  },
  {
    id: 'biglobe-mailbox-count', cause: 'mailbox-full', tier: 'text',
    pattern: /the number of messages in recipient's mailbox exceeded the local limit/,
    example: "The number of messages in recipient's mailbox exceeded the local limit.",
    source: 'https://github.com/sisimai/p5-sisimai/blob/5-stable/lib/Sisimai/Lhost/Biglobe.pm',
  },
  {
    id: 'kddi-relay-error', cause: 'relay-denied', tier: 'text',
    pattern: /due to the following smtp relay error/,
    example: 'Due to the following SMTP relay error',
    source: 'https://github.com/sisimai/p5-sisimai/blob/5-stable/lib/Sisimai/Lhost/KDDI.pm',
  },
  {
    id: 'kddi-no-domain', cause: 'recipient-domain-unknown', tier: 'text',
    pattern: /as the remote domain doesnt exist/,
    example: 'As the remote domain doesnt exist.',
    source: 'https://github.com/sisimai/p5-sisimai/blob/5-stable/lib/Sisimai/Lhost/KDDI.pm',
  },
];
