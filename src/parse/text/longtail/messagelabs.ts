/**
 * Broadcom (Symantec) Email Security.cloud, formerly MessageLabs. From MAILER-DAEMON@messagelabs.com,
 * X-Msg-Ref header, Subject "Mail Delivery Failure"; "This is the mail delivery agent at
 * messagelabs.com." (or "… at Symantec Email Security.cloud."), "I was unable to deliver your message
 * to the following addresses:", the address, and "Reason: <reply>" which may run over several lines.
 * Shape from the public corpus samples (Sisimai's Lhost::MessageLabs, BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { blocksBy, detectBy, dsnFacts, extraction, fact, joinReply, mergeWithDsn, section } from './common';

const MARKERS = {
  intro: /^This is the mail delivery agent at (?:messagelabs\.com|Symantec Email Security\.cloud|Broadcom Email Security\.cloud)\./m,
  list: /^I was unable to deliver your message to the following addresses:\s*$/m,
  end: [/^The message subject was:/m, /^The message date was:/m],
  address: /^\s*([^\s@<>]+@[^\s@<>]+)\s*$/,
} as const;

export const messagelabsReader: TextReader = {
  id: 'messagelabs',
  name: 'Symantec Email Security.cloud (MessageLabs)',
  detect: detectBy(
    { all: [{ header: 'x-msg-ref', pattern: /messagelabs\.com/ }, { subject: /^Mail Delivery Failure/ }] },
    { any: [{ body: MARKERS.intro }] },
  ),
  extract(view) {
    const lines = section(view.body, MARKERS.list, MARKERS.end) ?? [];
    const fromText = blocksBy(lines, (l) => MARKERS.address.exec(l)?.[1]).map((b) => {
      const reply = b.lines.filter((l) => l.trim()).map((l, i) => (i === 0 ? l.replace(/^\s*Reason:\s*/, '') : l));
      return fact({ address: b.address, diagnostic: joinReply(reply) });
    });
    return extraction(mergeWithDsn(fromText, dsnFacts(view)));
  },
};
