/**
 * Lotus Notes (the older Notes SMTP MTA). The report lists reasons and addresses between
 * "------- Failure Reasons  --------" and "------- Returned Message --------" (shape from the public
 * corpus samples; wording such as "User not listed in public Name & Address Book" from Sisimai's
 * Lhost::Notes, BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, extraction, fact, type Fact, normalizeAddress, section, sweep } from './common';

const MARKERS = {
  start: /^-{3,} Failure Reasons\s+-{3,}/m,
  end: [/^-{3,} Returned Message -{3,}/m],
  address: /^\s*[^\s@]+@[^\s@]+\s*$/,
} as const;

export const notesReader: TextReader = {
  id: 'notes',
  name: 'Lotus Notes',
  detect: detectBy({ any: [{ body: MARKERS.start }] }),
  extract(view) {
    const lines = section(view.body, MARKERS.start, MARKERS.end) ?? [];
    const recipients: Fact[] = [];
    let pending: string[] = [];
    let last = '';
    for (const line of lines) {
      if (!line.trim() || /^-+/.test(line)) continue;
      if (MARKERS.address.test(line)) {
        const reason = pending.length ? sweep(pending.join(' ')) : last;
        recipients.push(fact({ address: normalizeAddress(line), diagnostic: reason }));
        last = reason;
        pending = [];
      } else {
        pending.push(line);
      }
    }
    return extraction(recipients);
  },
};
