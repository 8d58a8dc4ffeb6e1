/**
 * The recipient address or domain: does not exist, has moved, is disabled, refuses the sender.
 * Wordings gathered from RFC/vendor pages and Sisimai's reason keyword lists (BSD-2,
 * (c) azumakuniyuki); the table and its grouping are ours.
 */
import type { TextRule } from './types';

const SISIMAI_USER = 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-userunknown.go';

/**
 * "There is no such mailbox", in the words of many servers. A refusal at RCPT with these words
 * is an unknown recipient; the same words after DATA usually come from a filter (rules below).
 */
export const USER_UNKNOWN_WORDS = new RegExp([
  'user unknown', 'unknown user', 'unknown recipient', 'recipient unknown', 'no such user', 'no such recipient',
  'no such mailbox', 'no such address', 'no such person', 'no mailbox (?:here )?by that name', 'no mailbox found',
  'mailbox (?:does not|doesn\'t) exist', 'mailbox not (?:found|present)', 'mailbox (?:is )?unavailable',
  'mailbox unavaiable', 'mailbox invalid', 'invalid mailbox', 'unknown mailbox', 'mailbox is inactive',
  'requested action not taken: mailbox unavailable',
  'user (?:does not|doesn\'t) exist', 'user not (?:found|exist|known|active)', 'user doesn\'t have a \\S+ account',
  'address (?:does not|doesn\'t) exist', 'address unknown', 'address not present in directory',
  'email address (?:could not|couldn\'t) be found', 'is not a valid (?:mailbox|user|recipient)',
  'not a valid recipient', 'not a valid user', 'invalid recipient', 'invalid address', 'recipient (?:does not|not) exist',
  'recipient not found', 'recipient is not (?:accepted|local)', 'recipient not ok', 'is not a known user',
  'not an active address', 'no account by that name', 'there is no one at this address', 'non-?existent user',
  'account that you tried to reach does not exist', 'bad destination (?:mailbox )?address', 'destination addresses were unknown',
  'unknown local[- ]?part', 'unknown e-?mail address', 'invalid final delivery userid',
  'recipient address rejected: (?:user unknown|unknown user|invalid user|userunknown|invalid-recipient|access denied)',
  'recipient address rejected: user \\S+ does not exist', '> not found', 'this address no longer accepts mail',
  'this email address is wrong or no longer valid', 'the user\'s email name is not found',
  'not listed in (?:public )?name (?:&|and) address book', 'is not a known user',
  'badrcptto', 'not in my validrcptto', 'your envelope recipient has been denied',
  'no existe (?:dicha persona|ese usuario)', 'utilisateur inconnu', 'nessun utente simile',
  'adresse d au moins un destinataire invalide', 'weil die adresse nicht gefunden wurde',
  'vdeliver: invalid or unknown virtual user', 'user missing home directory', 'no valid recipients, bye',
  'unknown or illegal (?:user|alias)', 'no mail box available for this user',
].join('|'));

export const RECIPIENT_RULES: readonly TextRule[] = [
  {
    id: 'recipient-unknown-at-rcpt', cause: 'recipient-unknown', tier: 'text', command: ['RCPT'],
    pattern: USER_UNKNOWN_WORDS,
    example: '550 5.1.1 <kijitora@example.jp>: Recipient address rejected: User unknown in local recipient table',
    exampleFacts: { command: 'RCPT' },
    source: SISIMAI_USER,
  },
  {
    // Sisimai counts "user unknown" after DATA as a filter's refusal: the server accepted the
    // address at RCPT, so the mailbox exists and something judged the content.
    id: 'recipient-unknown-after-data', cause: 'content-filtered', reason: 'filtered', tier: 'text',
    command: ['DATA'], statusNot: ['5.1.1', '5.1.0', '5.1.3', '4.1.1'], pattern: USER_UNKNOWN_WORDS,
    example: '550 Unknown user kijitora@example.net (in reply to end of DATA command)',
    exampleFacts: { command: 'DATA' },
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-filtered.go',
  },
  {
    // No stage and no address status: the words say "unknown user", Sisimai's vocabulary says filtered.
    id: 'recipient-unknown-stage-unknown', cause: 'recipient-unknown', reason: 'filtered', tier: 'text',
    command: [''], statusNot: ['5.1.1', '5.1.0', '5.1.3', '4.1.1'], pattern: USER_UNKNOWN_WORDS,
    example: '550 kijitora@example.com... No such user',
    source: 'corpus shape: lhost-surfcontrol',
  },
  {
    id: 'exchange-recipient-not-found', cause: 'recipient-unknown', tier: 'text',
    pattern: /resolver\.adr\.(?:ex)?recip(?:ient)?notfound|recipient not found by smtp address lookup|550 5\.1\.10 /,
    example: "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-1-10-in-exchange-online',
  },
  {
    id: 'recipient-domain-unknown', cause: 'recipient-domain-unknown', tier: 'text',
    pattern: /domain (?:does not exist|is not reachable|must exist)|dns lookup failure: host \S+ not found|host or domain name not found|\bhost unknown\b|\bunknown host\b|host unreachable|mail domain mentioned in email address is unknown|name or service not known|no such domain|recipient address rejected: unknown domain|the account or domain may not exist|unrout(?:e)?able address|couldn't find any host named|i couldn't find any host by that name|all relevant mx records point to non-existent hosts|\b553 \S+ does not exist/,
    unless: /host not found, try again|try again later|temporar/,
    example: "Sorry, I couldn't find any host named cx.example.com. (#5.1.2)",
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-hostunknown.go',
  },
  {
    // Postfix says "Host or domain name not found" for temporary DNS failures too; Sisimai still calls it hostunknown.
    // The gap holds "Name service error for name=<domain> type=MX: Host not found, ": bounded, with room for a 253-character domain.
    id: 'recipient-domain-dns-temporary', cause: 'dns-failure', reason: 'hostunknown', tier: 'text',
    pattern: /host or domain name not found.{0,512}(?:try again|temporar)/,
    example: 'Host or domain name not found. Name service error for name=example.jp type=MX: Host not found, try again',
    source: 'https://github.com/vdukhovni/postfix/blob/master/postfix/src/dns/dns_lookup.c',
  },
  {
    id: 'recipient-moved', cause: 'recipient-moved', tier: 'text',
    pattern: / has been replaced by |recipient no longer on server|\bmailbox has moved\b|user has moved|no longer (?:at|with) this (?:organi[sz]ation|company)/,
    example: '550 5.1.6 recipient no longer on server: kijitora@example.jp',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-hasmoved.go',
  },
  {
    id: 'user-not-local', cause: 'recipient-moved', tier: 'hint', replyCode: ['551'],
    pattern: /user not local|not our user/,
    example: '551 User not local; please try <kijitora@example.org>',
    source: 'https://www.rfc-editor.org/rfc/rfc5321#section-3.4',
  },
  {
    id: 'mailbox-disabled', cause: 'mailbox-disabled', tier: 'text',
    pattern: / is currently suspended| temporary locked|archived recipient|boite du destinataire archivee|account that you tried to reach is (?:disabled|inactive)|has been suspended|inactive account|invalid\/inactive user|is a deactivated mailbox|user is terminated|mailbox (?:currently )?suspended|mailbox (?:is )?disabled|mailbox is frozen|mailbox unavailable or access denied|temporarily inactive|recipient suspend the service|this account has been (?:disabled|temporarily suspended)|user or domain is disabled|user suspended|account is locked|account (?:is )?disabled|the user\(s\) account is disabled|inbox \S+ is no longer in use|is no longer in use|le compte du destinataire est bloque/,
    example: '550 5.2.1 The email account that you tried to reach is disabled. https://support.google.com/mail/?p=DisabledUser',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-suspend.go',
  },
  {
    id: 'recipient-blocks-sender', cause: 'content-filtered', reason: 'filtered', tier: 'text',
    commandNot: ['CONN', 'EHLO', 'HELO', 'STARTTLS', 'AUTH', 'MAIL', 'RCPT'],
    pattern: /account is protected by|bounced address|has restricted sms e-mail|is not accepting any mail|message filtered|message rejected due to user rules|not found recipient account|refuse to receive (?:this )?mail|refused due to recipient preferences|user refuses to receive|user reject|you have been blocked by the recipient/,
    example: '550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes?ip=192.0.2.135#rcp Refused due to recipient preferences',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-filtered.go',
  },
  {
    id: 'recipient-only-listed-senders', cause: 'recipient-restricted-senders', reason: 'filtered', tier: 'text',
    pattern: /recipient is only accepting mail from specific email addresses|sender not in allowed-senders list/,
    example: '554 5.7.1 The recipient is only accepting mail from specific email addresses',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-filtered.go',
  },
  {
    id: 'list-posting-not-allowed', cause: 'recipient-restricted-senders', reason: 'rejected', tier: 'text',
    pattern: /not allowed to post to this (?:mailing )?list|you are not a member of this mailing list|sender isn't on the recipient's list of senders to accept mail from/,
    example: 'You are not a member of this mailing list <neko-nyaan@example.org>.',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-rejected.go',
  },
  {
    id: 'gmail-address-not-found', cause: 'recipient-unknown', tier: 'text',
    pattern: /your message wasn't delivered to \S+ because the address couldn't be found\. check for typos/,
    example: "** Address not found ** Your message wasn't delivered to kijitora@example.it because the address couldn't be found. Check for typos or unnecessary spaces and try again.",
    source: 'corpus shape: lhost-gmail',
  },
  {
    id: 'trendmicro-unable-to-deliver', cause: 'recipient-unknown', tier: 'text',
    pattern: /unable to deliver message to <\S+> \(and other recipients in the same domain\)/,
    example: 'Unable to deliver message to <kijitora@example.jp> (and other recipients in the same domain). Please check if address is correct.',
    source: 'corpus shape: lhost-interscanmss',
  },
  {
    id: 'recipient-addresses-access-denied', cause: 'recipient-unknown', reason: 'rejected', tier: 'text',
    pattern: /all recipient addresses rejected ?: access denied/,
    example: '550 5.4.1 All recipient addresses rejected : Access denied [NEKONYAAN.cat-JPN22.prod.protection.outlook.com]',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-4-1-in-exchange-online',
  },
  {
    id: 'recipient-requires-authenticated-sender', cause: 'recipient-not-authorized', reason: 'rejected', tier: 'text',
    pattern: /sender was not authenticated (?:by organization|for (?:group|mailbox|public folder))|sender not authenticated for group|recipient is restricted to internal senders/,
    example: '550 5.7.12 RESOLVER.RST.SenderNotAuthenticatedByOrganization; Sender was not authenticated by organization',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-12-in-exchange-online',
  },
  {
    id: 'malformed-recipient-address', cause: 'smtp-syntax-error', tier: 'text',
    pattern: /malformed address: \S+ may not follow|malformed address: |bad address syntax/,
    example: 'kijitora@example.com <neko@example.net>: malformed address: <neko@example.net> may not follow kijitora@example.com',
    source: 'https://github.com/Exim/exim/blob/master/src/src/parse.c',
  },
  {
    id: 'google-group-cannot-post', cause: 'recipient-restricted-senders', reason: 'rejected', tier: 'text',
    pattern: /the group you tried to contact \(\S+\) may not exist, or you may not have permission to post/,
    example: "We're writing to let you know that the group you tried to contact (example) may not exist, or you may not have permission to post messages to the group.",
    source: 'corpus shape: lhost-googlegroups',
  },
];
