/**
 * qmail (and netqmail, vpopmail, Yahoo's qmail-derived) failure notices:
 * "Hi. This is the qmail-send program at …", then "<rcpt>:" and the reason lines
 * ("192.0.2.1 does not like recipient.", "Remote host said: 550 …", "Sorry, no mailbox here by that name. (#5.1.1)").
 * Shape: qmail-send.c bounce text; markers as in Sisimai's Lhost/qmail (BSD-2-Clause).
 */
import { blocks, joinLines, mentions, section, type Fact, markerSet } from './common';
import type { MessageView, TextReader } from './types';

const FINGERPRINTS = markerSet([
  'This is the qmail-send program at ',
  "I'm afraid I wasn't able to deliver your message to the following addresses.",
  [' program at ', /^He(?:llo|i)[,.] This is the \S+ program at /m],
]);
const START = /(?:I'm afraid I wasn't able to deliver your message|I was not able to deliver your message)[^\n]*|This is a permanent error; I've given up[^\n]*/;
const OPENER = /^<([^<>\s@]+@[^<>\s@]+)>:[ \t]*(.*)$/;

export const qmail: TextReader = {
  id: 'qmail',
  name: 'qmail',
  detect: (view) => mentions(view, FINGERPRINTS),
  extract(view: MessageView) {
    const text = section(view.body, START) ?? view.body;
    const recipients: Fact[] = blocks(text, { opener: OPENER, closer: /^--- / }).map((b) => ({
      address: b.address,
      diagnostic: joinLines(b.lines),
    }));
    return recipients.length ? { recipients } : undefined;
  },
};
