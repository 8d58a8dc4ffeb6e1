/**
 * The recipient mailbox: full, or a per-mailbox limit; and the message-size limits of the server.
 * Wordings from vendor pages and Sisimai's keyword lists (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from './types';

export const MAILBOX_RULES: readonly TextRule[] = [
  {
    id: 'mailbox-full', cause: 'mailbox-full', tier: 'text',
    pattern: /mailbox (?:is )?full|full mailbox|mailbox (?:size limit )?exceeded|mailbox exceeds allowed size|mailbox would exceed|mailbox \S* ?quota|mailfolder is full|over ?quota|quota (?:exceeded|violation|exceed)|exceeded (?:the )?quota|disk quota|(?:account|user) is over (?:the )?(?:storage )?quota|storage quota|exceeded storage allocation|452 insufficient disk space|not (?:sufficient|enough) disk space|enough \S+ space|no space left on device|user has exceeded quota|user has too many messages on the server|user's space has been used up|boite du destinataire pleine|too much mail data|inbox is out of storage space|account storage limit|maildir \S*quota|exceeding (?:its|their) mailbox quota|recipient overquota|as their mailbox is full|mailbox has exceeded the limit/,
    unless: /message size|message length|size limit|exceeds fixed/,
    example: '552 5.2.2 <kijitora@example.jp>... Mailbox Full',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-mailboxfull.go',
  },
  {
    id: 'mailbox-receive-limit-temporary', cause: 'mailbox-full', tier: 'text',
    pattern: /account disabled temporarly for exceeding receiving limits/,
    example: '550 5.2.2 Account disabled temporarly for exceeding receiving limits',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-mailboxfull.go',
  },
  {
    id: 'message-too-large', cause: 'message-too-large', tier: 'text', statusNot: ['5.2.3', '4.2.3'],
    pattern: /exceeded maximum inbound message size|exceeded the maximum incoming message size|line limit exceeded|max(?:imum)? message size exceeded|message file too big|message length exceeds administrative limit|message size exceeds (?:fixed (?:maximum message size|limit)|maximum value)|message size \d+ exceeds size limit|message too big|message too large for this|size limit|taille limite du message atteinte|maximum email size exceeded|exceeds google's message size limit|message is too (?:big|large)/,
    unless: /header size|number of attachments/,
    example: '552 5.3.4 Error: message file too big',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-mesgtoobig.go',
  },
  {
    id: 'mailbox-size-limit', cause: 'mailbox-limit-exceeded', tier: 'text',
    pattern: /message header size exceeds limit|message too large|recipsizelimit|message length exceeds limit set by recipient/,
    example: "Remote Server returned '552 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient'",
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-exceedlimit.go',
  },
];
