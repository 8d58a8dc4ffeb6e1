/**
 * DigitalArts m-FILTER. X-Mailer "m-FILTER", Subject "failure notice"; after a Japanese intro the
 * report lists the address, then "-------server message" with the reply and "-------SMTP command"
 * with the stage. Shape from the public corpus samples (markers as in Sisimai's Lhost::mFILTER,
 * BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { commandIn, cutAt, detectBy, extraction, fact, joinReply, normalizeAddress, splitLines } from './common';

const MARKERS = {
  xmailer: /^m-FILTER$/,
  server: /^-------server message\s*$/m,
  command: /^-------SMTP command\s*$/m,
  original: [/^-------original (?:message|mail info)/m],
} as const;

export const mfilterReader: TextReader = {
  id: 'mfilter',
  name: 'm-FILTER (DigitalArts)',
  detect: detectBy(
    { any: [{ header: 'x-mailer', pattern: MARKERS.xmailer }] },
    { all: [{ body: MARKERS.server }, { body: MARKERS.command }] },
  ),
  extract(view) {
    const text = cutAt(view.body, MARKERS.original);
    const addresses: string[] = [];
    const reply: string[] = [];
    let command: string | undefined;
    let part: 'head' | 'server' | 'command' = 'head';
    for (const line of splitLines(text)) {
      const t = line.trim();
      if (/^-------server message/.test(t)) part = 'server';
      else if (/^-------SMTP command/.test(t)) part = 'command';
      else if (!t) continue;
      else if (part === 'head' && /^[^\s@]+@[^\s@]+\.[A-Za-z]+$/.test(t)) addresses.push(normalizeAddress(t));
      else if (part === 'server') reply.push(t);
      else if (part === 'command' && !command) command = commandIn(t);
    }
    return extraction(addresses.map((a) => fact({ address: a, diagnostic: joinReply(reply), ...(command ? { command } : {}) })));
  },
};
