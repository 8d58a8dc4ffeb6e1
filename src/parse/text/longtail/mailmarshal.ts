/**
 * Trustwave (Marshal) MailMarshal SMTP. Subject 'Undeliverable Mail: "<subject>"'; "Your message: /
 * From: … / Subject: …", "Could not be delivered because of", the reply, "The following recipients
 * were affected:" with the addresses, and "Additional Information" fields (Sender-MTA, Remote-MTA …).
 * Shape from the public corpus sample (Sisimai's Lhost::MailMarshalSMTP, BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, extraction, fact, joinReply, normalizeAddress, remoteMta, section, splitLines } from './common';

const MARKERS = {
  subject: /^Undeliverable Mail: "/,
  because: /^Could not be delivered because of\s*$/m,
  affected: /^The following recipients were affected:\s*$/m,
  end: [/^Additional Information\s*$/m, /^={5,}/m],
} as const;

export const mailmarshalReader: TextReader = {
  id: 'mailmarshal',
  name: 'MailMarshal SMTP (Trustwave)',
  detect: detectBy(
    { any: [{ subject: MARKERS.subject }] },
    { all: [{ body: MARKERS.because }, { body: MARKERS.affected }] },
  ),
  extract(view) {
    const reply = (section(view.body, MARKERS.because, [MARKERS.affected]) ?? []).filter((l) => l.trim());
    const addresses = (section(view.body, MARKERS.affected, MARKERS.end) ?? []).map((l) => normalizeAddress(l.trim())).filter(Boolean);
    const remote = splitLines(view.body).map((l) => /^Remote-MTA:\s*<?([^>]*)>?/.exec(l.trim())?.[1]).find(Boolean);
    return extraction(addresses.map((a) => fact({ address: a, diagnostic: joinReply(reply), ...remoteMta(remote) })));
  },
};
