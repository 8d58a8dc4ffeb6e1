/**
 * Queue listings admins paste when mail is stuck: `mailq` / `postqueue -p` (Postfix showq) and Sendmail
 * `mailq`. Both print, per message, a line "queue-id size arrival-time sender", the reason the message
 * is waiting in parentheses (possibly wrapped), then the recipients indented:
 *
 *   -Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------       (Postfix showq)
 *   4QxYzK1n2bz9sWp    2345 Tue Jun  6 11:02:17  alice@example.org
 *   (host mx.example.com[192.0.2.1] said: 450 4.2.0 … (in reply to RCPT TO command))
 *                                            bob@example.com
 *
 *   -----Q-ID----- --Size-- -----Q-Time----- ------------Sender/Recipient-----------   (Sendmail queue.c)
 *   35K8h3Zw012345     1843 Tue Jun  6 11:02 <alice@example.org>
 *                    (Deferred: Connection refused by mx.example.com.)
 *                                            <bob@example.com>
 *
 * A message in the queue is waiting, so every recipient with a reason is a delay. One table row per
 * listing format.
 */
import { normalizeAddress } from '../address';
import { joinLines, markerSet, mentions, type Fact, type Marker } from './common';
import type { Extraction, MessageView, TextReader } from './types';

interface QueueFormat {
  mta: string;
  name: string;
  /** The column header line. */
  header: Marker;
  /** A message's first line: queue id, size, arrival time, sender (group 1). */
  entry: RegExp;
  /** Host named in a reason the shared host finders do not read (Sendmail's "refused by host."). */
  host?: RegExp;
}

const FORMATS: readonly QueueFormat[] = [
  {
    mta: 'postfix',
    name: 'Postfix queue listing (mailq, postqueue -p)',
    header: ['-Queue ID-', /^-Queue ID- +--Size-- +-+Arrival Time-+ +-Sender\/Recipient-*[ \t]*$/m],
    entry: /^[0-9A-Za-z]{6,}[*!]? +\d+ \w{3} \w{3} +\d{1,2} \d\d:\d\d:\d\d +(\S*)[ \t]*$/,
  },
  {
    mta: 'sendmail',
    name: 'Sendmail queue listing (mailq)',
    header: ['Sender/Recipient', /^-+Q-ID-+ +-+Size-+ +(?:-+Priority-+ +)?-+Q-Time-+ +-+Sender\/Recipient-+[ \t]*$/m],
    entry: /^ *[0-9A-Za-z]{6,}[*X-]? +\d+ +(?:\d+ +)?\w{3} \w{3} +\d{1,2} \d\d:\d\d +(\S*)[ \t]*$/,
    host: /\b(?:refused by|timed out with|lost with|reset by) \[?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\]?\.?\)?$/,
  },
];

/** Longest reason we join from wrapped lines. */
const MAX_REASON_LINES = 12;

function readListing(body: string, format: QueueFormat): Extraction | undefined {
  const facts: Fact[] = [];
  let sender = '';
  let reason: string[] | undefined; // the current message's reason, while it is being read
  let reasonOpen = false;
  let inEntry = false;
  for (const raw of body.split('\n')) {
    const line = raw.length > 8192 ? raw.slice(0, 8192) : raw;
    const entry = format.entry.exec(line);
    if (entry) {
      inEntry = true;
      reason = undefined;
      reasonOpen = false;
      if (!sender) sender = normalizeAddress(entry[1]);
      continue;
    }
    if (!inEntry) continue;
    const t = line.trim();
    if (!t) {
      inEntry = false;
      continue;
    }
    if (reasonOpen && reason) {
      reason.push(t);
      reasonOpen = !t.endsWith(')') && reason.length < MAX_REASON_LINES;
      continue;
    }
    if (t.startsWith('(')) {
      reason = [t];
      reasonOpen = !t.endsWith(')');
      continue;
    }
    const address = /^\S+$/.test(t) ? normalizeAddress(t) : '';
    if (!address || !reason) continue;
    const words = joinLines(reason).replace(/^\(|\)$/g, '').trim();
    const host = format.host?.exec(words)?.[1];
    facts.push({ address, diagnostic: words, action: 'delayed', ...(host ? { remoteHost: host.toLowerCase() } : {}) });
  }
  if (!facts.length) return undefined;
  return { recipients: facts, kind: 'delay', ...(sender ? { original: { from: sender } } : {}) };
}

export const QUEUE_LISTING_READERS: readonly TextReader[] = FORMATS.map((format) => {
  const header = markerSet([format.header]);
  return {
    id: format.mta,
    name: format.name,
    detect: (view: MessageView) => mentions(view, header),
    extract: (view: MessageView) => readListing(view.body, format),
  };
});
