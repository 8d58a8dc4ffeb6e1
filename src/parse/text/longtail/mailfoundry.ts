/**
 * MailFoundry gateway. Subject "Message delivery has failed", Received "(MAILFOUNDRY) id"; the text
 * reads "Unable to deliver message to: <a@b>", "Delivery failed for the following reason:",
 * "Server mx.example.org[192.0.2.222] failed with: 550 …". Shape from the public corpus sample;
 * markers as in Sisimai's Lhost::MailFoundry (BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { cutAt, detectBy, extraction, fact, type Fact, normalizeAddress, splitLines, sweep } from './common';

const MARKERS = {
  recipient: /^Unable to deliver message to:\s*<?([^\s<>]+@[^\s<>]+?)>?\s*$/,
  reason: /^Delivery failed for the following reason:\s*$/,
  server: /^Server\s+(\S+?)\[([^\]]+)\]\s+failed with:\s*(.*)$/,
  end: [/^This has been a permanent failure\./m, /^Content-Type:\s*message\/rfc822/im],
} as const;

export const mailfoundryReader: TextReader = {
  id: 'mailfoundry',
  name: 'MailFoundry',
  detect: detectBy(
    { any: [{ header: 'received', pattern: /\(MAILFOUNDRY\) id/ }] },
    { all: [{ body: /^Unable to deliver message to: /m }, { body: /^Delivery failed for the following reason:/m }] },
  ),
  extract(view) {
    const recipients: (Fact & { words: string[] })[] = [];
    let inReason = false;
    for (const raw of splitLines(cutAt(view.body, MARKERS.end))) {
      const line = raw.trim();
      const r = MARKERS.recipient.exec(line);
      if (r) {
        recipients.push({ address: normalizeAddress(r[1]), words: [] });
        inReason = false;
        continue;
      }
      const current = recipients[recipients.length - 1];
      if (!current || !line) continue;
      if (MARKERS.reason.test(line)) {
        inReason = true;
        continue;
      }
      if (!inReason) continue;
      const s = MARKERS.server.exec(line);
      if (s) {
        current.remoteHost = s[1].toLowerCase();
        current.remoteIp = s[2];
        current.words.push(s[3]);
      } else {
        current.words.push(line);
      }
    }
    return extraction(recipients.map(({ words, ...f }) => fact({ ...f, diagnostic: sweep(words.join(' ')) })));
  },
};
