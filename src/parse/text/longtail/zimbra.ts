/**
 * Zimbra Collaboration. Zimbra's MTA is Postfix, so its bounces read "This is the mail system at host
 * zimbra.example.com." with "<a@b>: host … said: …" lines; failures at the Zimbra mailbox server come
 * back in its LMTP words (LmtpReply.java in Zimbra's zm-mailbox: "552 5.2.2 Over quota",
 * "450 4.2.1 Mailbox disabled, not accepting messages", "550 5.1.1 No such user here" …).
 * Recognised by a Zimbra host name or those LMTP replies; read with the Postfix shape and the DSN part.
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, mergeWithDsn } from './common';
import { postfixRecipients } from './shapes';

/**
 * Replies only Zimbra's LMTP server writes (zm-mailbox store/.../lmtpserver/LmtpReply.java); the common
 * ones ("552 5.2.2 Over quota", "550 5.1.1 No such user here") are left to the host-name fingerprints.
 */
const LMTP_REPLIES = /\b(?:450 4\.2\.1 Mailbox disabled, not accepting messages|450 4\.2\.0 Mailbox is not on this server|451 4\.0\.0 Temporary message delivery failure try again|451 4\.2\.2 Server accepts messages only on TLS connection|554 5\.0\.0 Permanent message delivery failure)\b/;

const MARKERS = {
  postfix: /^This is the mail system at host /m,
  zimbraHost: /^This is the mail system at host [^\s]*zimbra[^\s]*\./im,
} as const;

export const zimbraReader: TextReader = {
  id: 'zimbra',
  name: 'Zimbra Collaboration',
  detect: detectBy(
    { any: [{ body: MARKERS.zimbraHost }] },
    { all: [{ body: MARKERS.postfix }, { header: 'received', pattern: /zimbra/i }] },
    { all: [{ body: MARKERS.postfix }, { body: LMTP_REPLIES }] },
  ),
  extract(view) {
    return extraction(mergeWithDsn(postfixRecipients(view.body), dsnFacts(view)));
  },
};
