/**
 * Trend Micro InterScan Messaging Security Suite (IMSS). From "InterScan MSS"/"InterScan
 * Notification", Subject "Mail could not be delivered" (or the Japanese equivalents); the text says
 * "Unable to deliver message to <a@b> (and other recipients in the same domain)." or shows the
 * session as "Sent <<< RCPT TO:<a@b>" / "Received >>> 550 …". Wording from Sisimai's
 * Lhost::InterScanMSS (BSD-2-Clause); shape from the public corpus samples.
 */
import type { TextReader } from '../types';
import { angleAddress, commandIn, cutAt, detectBy, extraction, fact, type Fact, normalizeAddress, splitLines, sweep } from './common';

const MARKERS = {
  from: /InterScan (?:MSS|Notification)/,
  subjects: /^(?:Mail could not be delivered|メッセージを配信できません。|メール配信に失敗しました)$/,
  unable: /^(?:Reason:\s+)?(Unable to deliver message to <([^>]+)>.*)$/,
  /** "Sent <<< RCPT TO:<a@b>" / "Received >>> 550 …" (localised labels keep the arrows). */
  arrows: /\s(?:<<<|>>>)\s+(.*)$/,
  original: [/^Content-type:\s*message\/rfc822/im],
} as const;

export const trendmicroReader: TextReader = {
  id: 'trendmicro',
  name: 'Trend Micro InterScan Messaging Security',
  detect: detectBy(
    { any: [{ from: MARKERS.from }, { subject: MARKERS.subjects }, { header: 'content-type', pattern: /InterScan/ }] },
    { any: [{ body: /Message from InterScan Messaging Security Suite/ }] },
  ),
  extract(view) {
    const recipients: Fact[] = [];
    let current: Fact | undefined;
    for (const raw of splitLines(cutAt(view.body, MARKERS.original))) {
      const line = raw.trim();
      const u = MARKERS.unable.exec(line);
      const arrow = MARKERS.arrows.exec(line);
      if (u) {
        const address = normalizeAddress(u[2]);
        if (current && current.address === address) {
          // the summary line after the session: the server's reply, when we saw one, says more
          if (!current.diagnostic) current.diagnostic = sweep(u[1]);
        } else {
          current = { address, diagnostic: sweep(u[1]) };
          recipients.push(current);
        }
      } else if (arrow && /^[245]\d\d\b/.test(arrow[1])) {
        if (current) current.diagnostic = sweep(arrow[1]);
      } else if (arrow) {
        // the command we sent; the address in it opens a recipient
        const rcpt = angleAddress(arrow[1]);
        if (rcpt && (!current || current.address !== normalizeAddress(rcpt))) {
          current = { address: normalizeAddress(rcpt), diagnostic: '' };
          recipients.push(current);
        }
        if (current) current.command = commandIn(arrow[1]);
      }
    }
    return extraction(recipients.map((f) => fact(f)));
  },
};
