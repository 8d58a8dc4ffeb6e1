/**
 * au by KDDI mobile mail as EZweb (ezweb.ne.jp, au.com) writes it: From "Postmaster@ezweb.ne.jp",
 * Subject "Mail System Error - Returned Mail", a Japanese paragraph, then an English sentence
 * ("The user(s) account is disabled.", "Each of the following recipients was rejected by a remote mail
 * server.", "Your message was not delivered within 0 days and 1 hours.") and the recipients, sometimes
 * with the remote reply (">>> MAIL FROM:<…>", "<<< 550 …" or "<a@b>: 550 … (in reply to RCPT TO
 * command)"). Wording from Sisimai's Lhost::EZweb (BSD-2-Clause); shape from the public corpus samples.
 */
import type { TextReader } from '../types';
import { commandIn, cutAt, detectBy, dsnFacts, extraction, fact, type Fact, headerExtensions, joinReply, mergeWithDsn, normalizeAddress, splitLines, sweep } from './common';

/** EZweb's own English explanations (what the classifier should read first). */
const EXPLANATIONS = /^(?:The user\(s\) account is (?:disabled|temporarily limited|temporarily over quota)\.|Each of the following recipients was rejected by a remote(?: mail server\.)?|mail server\.|Your message was not delivered within \d+ days and \d+ hours\.|Remote host is not responding\.|The following recipients did not receive this message:)/;

const MARKERS = {
  from: /Postmaster@(?:ezweb\.ne\.jp|au\.com)/i,
  subject: /^Mail System Error - Returned Mail$/,
  english: /The user\(s\) account is (?:disabled|temporarily limited|temporarily over quota)|Each of the following recipients was rejected by a remote|Your message was not delivered within \d+ days and \d+ hours/,
  recipient: /^<([^<>\s]+@[^<>\s]+)>:?\s*(.*)$|^\s+Recipient:\s*<([^<>\s]+@[^<>\s]+)>/,
  original: [/^-{50}\s*$/m, /^Content-Type:\s*message\/rfc822/im],
} as const;

export const ezwebReader: TextReader = {
  id: 'ezweb',
  name: 'au by KDDI (EZweb) mail',
  detect: detectBy(
    { any: [{ from: MARKERS.from }, { header: 'received', pattern: /\(EZweb Mail\) with/ }] },
    { all: [{ subject: MARKERS.subject }, { body: MARKERS.english }] },
    { all: [{ body: MARKERS.english }, { body: /ezweb\.ne\.jp|au\.com/ }] },
  ),
  extract(view) {
    const lines = splitLines(cutAt(view.body, MARKERS.original));
    const explanation = sweep(lines.filter((l) => EXPLANATIONS.test(l.trim())).join(' ').replace(/remote mail server\.?\s+mail server\./, 'remote mail server.'));
    const recipients: (Fact & { reply: string[] })[] = [];
    let current: (Fact & { reply: string[] }) | undefined;
    for (const raw of lines) {
      const line = raw.trimEnd();
      const r = MARKERS.recipient.exec(line);
      if (r) {
        const rest = r[2] ?? '';
        const inReply = /\(in reply to ([^)]+)\)/.exec(rest);
        current = {
          address: normalizeAddress(r[1] ?? r[3]),
          reply: rest ? [rest.replace(/(?<!\s)\s*\(in reply to [^)]+\)\s*$/, '')] : [],
          ...(inReply ? { command: commandIn(inReply[1]) } : {}),
        };
        recipients.push(current);
        continue;
      }
      if (!current) continue;
      const sent = /^\s*>>>\s*(.*)$/.exec(line);
      const got = /^\s*<<<\s*(.*)$/.exec(line);
      if (sent) current.command = commandIn(sent[1]);
      else if (got) current.reply.push(got[1]);
    }
    const facts = recipients.map(({ reply, ...f }) =>
      fact({ ...f, ...headerExtensions(view, ['X-SPASIGN']), diagnostic: sweep([explanation, joinReply(reply)].filter(Boolean).join(' ')) }));
    return extraction(mergeWithDsn(facts, dsnFacts(view)));
  },
};
