/**
 * Smail 3 and Deutsche Telekom's mail system (T-Online, magenta.de), which keeps Smail's report frame:
 *   |------------------------- Failed addresses follow: ---------------------|
 *    <user@t-online.de>
 *      552 5.2.2 <user@t-online.de> Quota exceeded (mailbox for user is full)
 *   |------------------------- Message header follows: ----------------------|
 * Plain Smail writes " user@example.com ... failed: <reason>" and may put a "Message log follows:"
 * section first (smail-3.2 notify.c). Banner and line formats as described in Sisimai's
 * lhost/via-deutschetelekom.go (BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, extraction, fact, type Fact, joinReply, normalizeAddress, splitLines, sweep } from './common';

const BANNER = /^\|-{5,}\s*(Failed addresses|Message log|Message text|Message header) follows?:\s*-{3,}\|?\s*$/;

const MARKERS = {
  banner: /^\|-{5,}\s*Failed addresses follows?:/m,
  telekom: /t-online\.de|magenta\.de|telekom\.de/i,
  /** " <user@t-online.de>" on its own line */
  bracketed: /^\s<([^<>\s]+@[^<>\s]+)>\s*$/,
  /** " user@example.com ... failed: reason" (Smail 3) */
  failedLine: /^\s(\S+@\S+)\s+\.\.\.\s+(.*)$/,
} as const;

function smailRecipients(body: string): Fact[] {
  let section = '';
  const log: string[] = [];
  const out: (Fact & { words: string[] })[] = [];
  for (const raw of splitLines(body)) {
    const b = BANNER.exec(raw.trim());
    if (b) {
      section = b[1].toLowerCase();
      continue;
    }
    if (!raw.trim()) continue;
    if (section === 'message log') log.push(raw.trim());
    if (section !== 'failed addresses') continue;
    const br = MARKERS.bracketed.exec(raw);
    const fl = MARKERS.failedLine.exec(raw);
    if (br) out.push({ address: normalizeAddress(br[1]), words: [] });
    else if (fl) out.push({ address: normalizeAddress(fl[1]), words: [fl[2].replace(/^failed:\s*/, '')] });
    else if (out.length) out[out.length - 1].words.push(raw.trim());
  }
  const context = sweep(log.join(' '));
  return out.map(({ words, ...f }) => fact({ ...f, diagnostic: joinReply(words) || context }));
}

export const telekomReader: TextReader = {
  id: 'deutschetelekom',
  name: 'Deutsche Telekom (T-Online) mail',
  detect: detectBy(
    { all: [{ body: MARKERS.banner }, { from: MARKERS.telekom }] },
    { all: [{ body: MARKERS.banner }, { header: 'x-toi-msgid', pattern: /./ }] },
    { all: [{ body: MARKERS.banner }, { body: /^\s<[^<>\s]+@(?:t-online|magenta)\.de>\s*$/m }] },
  ),
  extract(view) {
    return extraction(smailRecipients(view.body));
  },
};

export const smailReader: TextReader = {
  id: 'smail',
  name: 'Smail 3',
  detect: detectBy({ any: [{ body: MARKERS.banner }] }),
  extract(view) {
    return extraction(smailRecipients(view.body));
  },
};
