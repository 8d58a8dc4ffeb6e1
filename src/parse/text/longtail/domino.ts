/**
 * HCL (IBM, Lotus) Domino. The report reads "Your message / Subject: … / was not delivered to: / … /
 * because: / …", with a message/delivery-status part (Diagnostic-Code type X-Notes). Shape from the
 * public corpus samples; reason wording listed in Sisimai's Lhost::Domino (BSD-2-Clause), e.g.
 * "User … not listed in Domino Directory", "Cannot route mail to user".
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, fact, type Fact, mergeWithDsn, normalizeAddress, splitLines, sweep } from './common';

const MARKERS = {
  subject: /^DELIVERY(?: |_)FAILURE:/,
  notDelivered: /^was not delivered to:\s*$/m,
  because: /^because:\s*$/m,
} as const;

export const dominoReader: TextReader = {
  id: 'domino',
  name: 'HCL Domino (Lotus Domino)',
  detect: detectBy(
    { any: [{ subject: MARKERS.subject }] },
    { all: [{ body: MARKERS.notDelivered }, { body: MARKERS.because }] },
  ),
  extract(view) {
    const recipients: Fact[] = [];
    let state: 'none' | 'to' | 'because' = 'none';
    let addresses: string[] = [];
    let reason: string[] = [];
    const close = () => {
      for (const a of addresses) recipients.push(fact({ address: a, diagnostic: sweep(reason.join(' ')) }));
      addresses = [];
      reason = [];
    };
    for (const line of splitLines(view.body)) {
      const t = line.trim();
      if (/^was not delivered to:$/.test(t)) {
        close();
        state = 'to';
      } else if (t === 'because:') {
        state = 'because';
      } else if (state === 'to' && t) {
        const a = normalizeAddress(t);
        if (a) addresses.push(a);
      } else if (state === 'because') {
        if (t) reason.push(t);
        else if (reason.length) state = 'none';
      }
    }
    close();
    return extraction(mergeWithDsn(recipients, dsnFacts(view)));
  },
};
