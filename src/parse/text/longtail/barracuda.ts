/**
 * Barracuda Email Security Gateway (Spam & Virus Firewall). Its own rejection notice reads
 * "Your message to: a@b was blocked by our Spam & Virus Firewall. The email you sent with the following
 * subject has NOT BEEN DELIVERED: …" (Subject "**Message you sent blocked by our bulk email filter**"),
 * with a delivery-status part; its relay bounces are Postfix-style ("<a@b>: host … said: …").
 * Shape from the public corpus sample; markers as in Sisimai's Lhost::Barracuda (BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, fact, mergeWithDsn, receivedMentions, splitLines, sweep } from './common';
import { postfixRecipients } from './shapes';

const MARKERS = {
  subject: /our bulk email filter|Message you sent blocked by/i,
  blocked: /^Your message to:\s*(\S+@\S+)\s*$/m,
  firewall: /was blocked by our (?:Spam (?:&|and) Virus Firewall|Barracuda)/i,
} as const;

/** Built once (not per call), so its pattern's literal pre-check is worked out once too. */
const FIREWALL = detectBy({ any: [{ subject: MARKERS.subject }, { body: MARKERS.firewall }] });

export const barracudaReader: TextReader = {
  id: 'barracuda',
  name: 'Barracuda Email Security Gateway',
  detect: (view) =>
    FIREWALL(view) ||
    (receivedMentions(view, /\bbarracuda\b/i) && /This is the mail system at host/.test(view.body) && /barracuda/i.test(view.from)),
  extract(view) {
    const blocked = MARKERS.blocked.exec(view.body);
    if (blocked) {
      const words = sweep(splitLines(view.body).filter((l) => MARKERS.firewall.test(l) || /NOT BEEN DELIVERED|Failed to deliver/i.test(l)).join(' '));
      return extraction(mergeWithDsn([fact({ address: blocked[1], diagnostic: words })], dsnFacts(view)));
    }
    return extraction(mergeWithDsn(postfixRecipients(view.body), dsnFacts(view)));
  },
};
