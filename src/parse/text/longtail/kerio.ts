/**
 * Kerio Connect (GFI). Admins paste lines of its Mail log, e.g.
 *   Sent: Queue-ID: 69ccd05a-0001a3e2, Recipient: <a@b>, Result: delayed, Status: 4.3.0 Recipient's
 *   mailbox busy, Remote-Host: 127.0.0.1, Msg-Id: <…>
 * (format as in Kerio's support article on outbound delivery, "Result: delayed, Status: 4.4.1 Cannot
 * connect to host", and in a public Kerio syslog anonymiser's example input). Kerio's own bounces are
 * RFC 3464 reports; the Received lines name "(Kerio Connect x.y.z)".
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, fact, type Fact, hostAndIp, mergeWithDsn, receivedMentions, splitLines } from './common';
import { commonShapeRecipients } from './shapes';

const MARKERS = {
  logLine: /Recipient:\s*<([^<>\s]*)>,\s*Result:\s*(\w+),\s*Status:\s*(.*?)(?:,\s*Remote-Host:\s*([^,]+?))?(?:,\s*Msg-Id:.*)?\s*$/,
  received: /\(Kerio Connect\b/i,
} as const;

const ACTIONS: Record<string, Fact['action']> = { failed: 'failed', delayed: 'delayed', delivered: 'delivered', relayed: 'relayed' };

/** Built once (not per call), so its pattern's literal pre-check is worked out once too. */
const LOG_LINES = detectBy({ any: [{ body: /Recipient:\s*<[^<>\s]*>,\s*Result:\s*(?:failed|delayed|bounced),\s*Status:/ }] });

export const kerioReader: TextReader = {
  id: 'kerio',
  name: 'Kerio Connect',
  detect: (view) =>
    LOG_LINES(view) ||
    (receivedMentions(view, MARKERS.received) && (Boolean(view.deliveryStatus) || /undeliver|delivery|returned/i.test(view.subject))),
  extract(view) {
    const fromLog: Fact[] = [];
    for (const line of splitLines(view.body)) {
      const m = MARKERS.logLine.exec(line);
      if (!m || !/^(?:failed|delayed|bounced)$/i.test(m[2])) continue;
      const status = /^([245]\.\d{1,3}\.\d{1,3})\s*(.*)$/.exec(m[3].trim());
      fromLog.push(fact({
        address: m[1],
        action: ACTIONS[m[2].toLowerCase()] ?? 'failed',
        ...(status ? { status: status[1] } : {}),
        diagnostic: status ? status[2] : m[3],
        ...(m[4] ? hostAndIp(m[4]) : {}),
      }));
    }
    if (fromLog.length) {
      // a message retried for hours logs one line per attempt: the last line says where it stands now
      const latest = [...new Map(fromLog.map((f) => [f.address?.toLowerCase(), f])).values()];
      return extraction(latest, latest.every((f) => f.action === 'delayed') ? 'delay' : undefined);
    }
    return extraction(mergeWithDsn(commonShapeRecipients(view.body), dsnFacts(view)));
  },
};
