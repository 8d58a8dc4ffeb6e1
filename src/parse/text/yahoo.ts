/**
 * Yahoo! Mail bounces: "Sorry, we were unable to deliver your message to the following address.",
 * then "<rcpt>:" and "Remote host said: 550 … [RCPT_TO]" (the bracket names the SMTP stage).
 * Shape: Yahoo failure notices in public corpora; markers as in Sisimai's Lhost/Yahoo (BSD-2-Clause).
 */
import { blocks, joinLines, markerSet, mentions, section, type Fact } from './common';
import type { TextReader } from './types';

const START = /^Sorry,? we were unable to deliver your message to the following address(?:es)?\.?[ \t]*$/im;
const OPENER = /^<([^<>\s@]+@[^<>\s@]+)>:[ \t]*(.*)$/;
const FINGERPRINTS = markerSet([['unable to deliver your message to the following address', START]]);
/** "[RCPT_TO]" style stage tags Yahoo appends to the reply. */
const STAGE: Record<string, string> = { RCPT_TO: 'RCPT', MAIL_FROM: 'MAIL', DATA: 'DATA', CONNECT: 'CONN', EHLO: 'EHLO', HELO: 'HELO' };

export const yahoo: TextReader = {
  id: 'yahoo',
  name: 'Yahoo! Mail',
  detect: (view) => mentions(view, FINGERPRINTS),
  extract(view) {
    const text = section(view.body, START) ?? '';
    const recipients: Fact[] = blocks(text, { opener: OPENER, blankEndsBlock: false, closer: /^--- / }).map((b) => {
      const diag = joinLines(b.lines);
      const stage = /\[(RCPT_TO|MAIL_FROM|DATA|CONNECT|EHLO|HELO)\]/.exec(diag)?.[1];
      return { address: b.address, diagnostic: diag.replace(/^Remote host said:\s*/, ''), ...(stage ? { command: STAGE[stage] } : {}) };
    });
    return recipients.length ? { recipients } : undefined;
  },
};
