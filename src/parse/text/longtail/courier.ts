/**
 * Courier mail server. Wording from courier/module.dsn/dsn*.txt ("UNDELIVERABLE MAIL",
 * "DELAYS IN DELIVERING YOUR MESSAGE") as listed in Sisimai's Lhost::Courier (BSD-2-Clause); shape from
 * the public corpus samples:
 *
 *   Your message to the following recipients cannot be delivered:
 *
 *   <user@example.co.jp>:
 *       mx.example.co.jp [192.0.2.95]:
 *   >>> RCPT TO:<user@example.co.jp>
 *   <<< 550 5.1.1 <user@example.co.jp>... User Unknown
 */
import type { TextReader } from '../types';
import { blocksBy, commandIn, cutAt, detectBy, dsnFacts, extraction, fact, hostAndIp, joinReply, mergeWithDsn, splitLines, sweep } from './common';

const MARKERS = {
  // [^\S\r\n\u2028\u2029]* is white space within the line: a leading \s* with the m flag runs across every following
  // blank line, from every line start (quadratic on a run of them); it matches the same lines.
  body: /running the Courier mail server|^[^\S\r\n\u2028\u2029]*(?:UNDELIVERABLE MAIL|DELAYS IN DELIVERING YOUR MESSAGE)\s*$/m,
  delay: /^[^\S\r\n\u2028\u2029]*DELAYS IN DELIVERING YOUR MESSAGE\s*$|^WARNING: delayed mail/m,
  list: /^[^\S\r\n\u2028\u2029]*(?:UNDELIVERABLE MAIL|DELAYS IN DELIVERING YOUR MESSAGE)\s*$/m,
  end: [/^-{20,}\s*$/m, /^Content-Type:\s*message\//im],
  recipient: /^<([^<>\s]+@[^<>\s]+)>:\s*$/,
  host: /^\s+(\S+\s*\[[^\]]+\]):\s*$/,
} as const;

export const courierReader: TextReader = {
  id: 'courier',
  name: 'Courier mail server',
  detect: detectBy(
    { any: [{ from: /Courier mail server at /i }, { subject: /NOTICE: mail delivery status\.|WARNING: delayed mail\./ }, { header: 'message-id', pattern: /^<courier\.[0-9A-F]+\./i }] },
    { any: [{ body: MARKERS.body }] },
  ),
  extract(view) {
    const m = MARKERS.list.exec(view.body);
    const text = m ? cutAt(view.body.slice(m.index + m[0].length), MARKERS.end) : '';
    const fromText = blocksBy(splitLines(text), (l) => MARKERS.recipient.exec(l)?.[1]).map((b) => {
      const host = b.lines.map((l) => MARKERS.host.exec(l)?.[1]).find(Boolean);
      const sent = b.lines.filter((l) => /^>>>/.test(l)).pop();
      const replies = b.lines.filter((l) => /^<<</.test(l)).map((l) => l.replace(/^<<<\s*/, ''));
      return fact({
        address: b.address,
        diagnostic: replies.length ? joinReply(replies) : sweep(b.lines.filter((l) => !MARKERS.host.test(l)).join(' ')),
        ...(host ? hostAndIp(host) : {}),
        ...(sent ? { command: commandIn(sent) } : {}),
      });
    });
    const delayed = MARKERS.delay.test(view.body) || /WARNING: delayed mail/.test(view.subject);
    return extraction(mergeWithDsn(fromText, dsnFacts(view)), delayed ? 'delay' : undefined);
  },
};
