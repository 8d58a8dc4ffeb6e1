/**
 * The returned original message: where it starts when it is inline (no message/rfc822 part), and the
 * few facts we keep from its headers. Marker list follows the "rfc822" markers of Sisimai's Lhost
 * modules (BSD-2-Clause, github.com/sisimai/p5-sisimai), rewritten as one table.
 */
import { findAddresses, normalizeAddress } from './address';
import { requiredLiterals } from './required-literals';
import type { HeaderView } from './text/types';
import type { OriginalMessage } from './types';

/**
 * Lines that introduce an inline copy of the original message (or its headers). Each marker has a
 * literal that must occur for the regex to be worth running: this runs on every report.
 */
export const INLINE_ORIGINAL_MARKERS: readonly (readonly [string, RegExp])[] = [
  ['This is a copy of ', /^-+ ?This is a copy of (?:the|your) message,? including all the headers\.? ?-+$/m], // Exim
  ["This is a copy of the message's headers", /^-+ ?This is a copy of the message's headers\.? ?-+$/m], // Exim
  ['The body of the message is', /^-+ ?The body of the message is .*$/m], // Exim (body too large)
  ['--- Below this line is a copy of the message', /^--- Below this line is a copy of the message\.$/m], // qmail, Yahoo
  ['--- Enclosed ', /^--- Enclosed (?:is|are) a copy of the message\.?.*$/m], // qmail variants
  ['-----', /^[ \t]*-{3,} ?(?:Original message|Message header follows|Original message follows|Unsent message follows|No message was collected|Returned message|Returned mail follows)\.? ?-*$/im],
  ['Original Message', /^-{5,} ?Original Message ?-{5,}$/im],
  ['Original message headers:', /^Original message headers:$/m], // Exchange 2007+
  ["tes de message d'origine", /^En-t[eê]tes de message d'origine ?:$/m], // Exchange 2007+ (fr)
  ['Intestazioni originali del messaggio:', /^Intestazioni originali del messaggio:$/m], // Exchange 2007+ (it)
  ['The header of the original message is following', /^--- ?The header of the original message is following\. ?---$/m], // GMX, 1&1
  ['Original mail as follows:', /^Original mail as follows:$/m], // fml
  ['Original message follows.', /^Original message follows\.$/m], // IMail
  ['Included is a copy of the message header:', /^Included is a copy of the message header:$/m], // MXLogic
  ['Below is a copy of the original message:', /^[ \t]*Below is a copy of the original message:$/m], // OpenSMTPD
  ['-------original ', /^-------original (?:message|mail info)/m], // mFILTER
  ['------- Returned Message --------', /^------- Returned Message --------$/m], // Lotus Notes
  ['The attachment contains the original mail headers', /^The attachment contains the original mail headers/m],
  ['ontent-', /^Content-Type:[ \t]*(?:message\/rfc822|text\/rfc822-headers|message\/global)\b/im], // a MIME part seen as text
];

interface Marker { literal: string; re: RegExp; order: number }

const MARKERS: Marker[] = INLINE_ORIGINAL_MARKERS.map(([literal, re], order) => ({ literal, re, order }));

/**
 * Markers whose literal every match contains anyway (each alternative's required literal holds it):
 * their literal check adds nothing, so they run as one alternation, which finds the earliest of them in
 * one scan, trying them in table order at each position as the loop below does. The rest keep their check.
 */
const implied = ({ literal, re }: Marker) => re.flags === 'm' && !!requiredLiterals(re)?.every((l) => l.includes(literal));
const JOINED = MARKERS.filter(implied);
const CHECKED = MARKERS.filter((m) => !implied(m));
const groupsIn = (re: RegExp) => (new RegExp(`${re.source}|`).exec('') as RegExpExecArray).length - 1;
/** Index of the capture group that wraps each joined marker, to tell which one matched. */
const JOINED_GROUP: number[] = [];
JOINED.reduce((next, m) => { JOINED_GROUP.push(next); return next + 1 + groupsIn(m.re); }, 1);
const ANY_JOINED = JOINED.length ? new RegExp(JOINED.map((m) => `(${m.re.source})`).join('|'), 'm') : undefined;

/** Offset of the earliest inline-original marker line in text, or undefined (at equal offsets, the first in the table). */
export function findInlineOriginal(text: string): { start: number; after: number } | undefined {
  let best: { start: number; after: number; order: number } | undefined;
  const j = ANY_JOINED?.exec(text);
  if (j) {
    const k = JOINED_GROUP.findIndex((g) => j[g] !== undefined);
    best = { start: j.index, after: j.index + j[0].length, order: (JOINED[k] as Marker).order };
  }
  for (const { literal, re, order } of CHECKED) {
    if (!text.includes(literal)) continue;
    const m = re.exec(text);
    if (m && (!best || m.index < best.start || (m.index === best.start && order < best.order))) best = { start: m.index, after: m.index + m[0].length, order };
  }
  return best && { start: best.start, after: best.after };
}

function messageId(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const m = /<([^<>\s]+)>/.exec(v);
  return m ? m[1] : v.trim().split(/\s+/)[0] || undefined;
}

/** OriginalMessage from the original's headers; undefined when they tell nothing. */
export function originalFromHeaders(h: HeaderView | undefined): OriginalMessage | undefined {
  if (!h) return undefined;
  const out: OriginalMessage = {};
  const subject = h.get('subject');
  if (subject) out.subject = subject;
  const id = messageId(h.get('message-id'));
  if (id) out.messageId = id;
  const from = normalizeAddress(h.get('from'));
  if (from) out.from = from;
  const to = h.getAll('to').flatMap(findAddresses);
  if (to.length) out.to = to;
  const date = h.get('date');
  if (date) out.date = date;
  return Object.keys(out).length ? out : undefined;
}
