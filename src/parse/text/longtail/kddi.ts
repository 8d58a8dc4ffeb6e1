/**
 * au one net (KDDI) mail: From "no-reply@….dion.ne.jp", a Japanese paragraph, then
 * "Your mail sent on: <date> / Could not be delivered to: <a@b> / As their mailbox is full."
 * Wording from Sisimai's Lhost::KDDI (BSD-2-Clause: "As their mailbox is full", "Due to the following
 * SMTP relay error", "As the remote domain doesnt exist"); shape from the public corpus samples.
 */
import type { TextReader } from '../types';
import { detectBy, extraction, fact, type Fact, headerExtensions, normalizeAddress, splitLines, sweep } from './common';

const MARKERS = {
  from: /no-reply@[\w.-]+\.dion\.ne\.jp/i,
  // white space within the line only: \s* with the m flag runs across every following blank line
  intro: /^[^\S\r\n\u2028\u2029]*Your mail (?:sent on:?|attempted to be delivered on:?) /m,
  recipient: /^\s+Could not be delivered to:\s*<([^<>\s]+@[^<>\s]+)>/,
} as const;

export const kddiReader: TextReader = {
  id: 'kddi',
  name: 'au one net (KDDI) mail',
  detect: detectBy(
    { any: [{ from: MARKERS.from }, { header: 'reply-to', pattern: /no-reply@app\.auone-net\.jp/ }] },
    { all: [{ body: MARKERS.intro }, { body: /Could not be delivered to: </ }] },
  ),
  extract(view) {
    const recipients: (Fact & { words: string[] })[] = [];
    for (const line of splitLines(view.body)) {
      const r = MARKERS.recipient.exec(line);
      if (r) recipients.push({ address: normalizeAddress(r[1]), words: [] });
      else if (recipients.length && /^\s+\S/.test(line) && !MARKERS.intro.test(line)) recipients[recipients.length - 1].words.push(line.trim());
    }
    return extraction(recipients.map(({ words, ...f }) => fact({ ...f, ...headerExtensions(view, ['X-SPASIGN']), diagnostic: sweep(words.join(' ')) })));
  },
};
