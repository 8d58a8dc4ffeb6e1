/**
 * "Unknown MTA #3" in Sisimai's naming. From "Mail Delivery System", Subject "Delivery status
 * notification"; a boxed text "This is an automatically generated Delivery Status Notification." lists
 * "   * a@b" and under "Technical details:" a line "SMTP:RCPT host 192.0.2.8: 553 …" or
 * "Routing: …". Shape from the public corpus samples; markers as in Sisimai's Lhost::X3 (BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { commandIn, detectBy, extraction, fact, type Fact, normalizeAddress, splitLines } from './common';

const MARKERS = {
  /** Boxed between rows of "=" and indented, unlike Exchange's sentence of the same words. */
  intro: /^={20,}\s*\n\s+This is an automatically generated Delivery Status Notification\./m,
  /**
   * `^\s+Technical details:` with the m flag, written so that no match attempt crosses more than one
   * line break (that form rescans a run of blank lines from each of them): indented on its line, or
   * after a blank line (which `\s+` also allowed).
   */
  details: /^[^\S\r\n\u2028\u2029]+Technical details:\s*$|^[^\S\r\n\u2028\u2029]*[\r\n\u2028\u2029][^\S\r\n\u2028\u2029]*Technical details:\s*$/m,
  recipient: /^\s+\*\s+([^\s@]+@[^\s@]+)\s*$/,
  smtp: /^SMTP:(\S+)\s+(?:host\s+(\S+?):\s+)?(.*)$/,
  routing: /^Routing:\s*(.*)$/,
  delayed: /was aborted after|Delevery to the following recipients was aborted|Delivery to the following recipients was aborted/i,
} as const;

export const x3Reader: TextReader = {
  id: 'x3',
  name: 'Unknown MTA (Sisimai X3 shape)',
  detect: detectBy({ all: [{ body: MARKERS.intro }, { body: MARKERS.details }] }),
  extract(view) {
    const addresses: string[] = [];
    let detail: Fact = {};
    for (const line of splitLines(view.body)) {
      const r = MARKERS.recipient.exec(line);
      const s = MARKERS.smtp.exec(line.trim());
      const g = MARKERS.routing.exec(line.trim());
      if (r) addresses.push(normalizeAddress(r[1]));
      else if (s) detail = { command: commandIn(s[1]), diagnostic: s[3], ...(s[2] ? /^[\d.]+$/.test(s[2]) ? { remoteIp: s[2] } : { remoteHost: s[2] } : {}) };
      else if (g) detail = { diagnostic: g[1] };
    }
    return extraction(addresses.map((a) => fact({ ...detail, address: a })));
  },
};
