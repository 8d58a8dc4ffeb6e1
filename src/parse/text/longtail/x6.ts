/**
 * "Unknown MTA #6" in Sisimai's naming. Subject "There was an error sending your mail"; the text
 * counts "1 error(s):" and says "The following recipients returned permanent errors: a@b. Reason:
 * SMTP Server <192.0.2.223> refused to accept your message (DATA), with the following error message:
 * [554 5.4.6 …]". Shape from the public corpus sample; markers as in Sisimai's Lhost::X6 (BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { commandIn, detectBy, extraction, fact, splitLines } from './common';

const MARKERS = {
  count: /^\d+\s*error\(s\):\s*$/m,
  line: /^The following recipients returned (?:permanent|temporary) errors:\s*([^\s,]+@[^\s,]+?)\.?\s+Reason:\s*(.*)$/,
  server: /SMTP Server <([^>]+)> refused to accept your message \((\w+)\)/,
  words: /with the following error message:\s*\[(.*)\]\s*$/,
} as const;

export const x6Reader: TextReader = {
  id: 'x6',
  name: 'Unknown MTA (Sisimai X6 shape)',
  detect: detectBy(
    { any: [{ subject: /^There was an error sending your mail/ }] },
    { all: [{ body: MARKERS.count }, { body: /returned (?:permanent|temporary) errors:/ }] },
  ),
  extract(view) {
    const recipients = splitLines(view.body)
      .map((l) => MARKERS.line.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => {
        const server = MARKERS.server.exec(m[2]);
        const words = MARKERS.words.exec(m[2]);
        return fact({
          address: m[1],
          diagnostic: words ? words[1] : m[2],
          ...(server ? { remoteIp: server[1], command: commandIn(server[2]) } : {}),
        });
      });
    return extraction(recipients);
  },
};
