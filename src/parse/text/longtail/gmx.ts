/**
 * GMX and mail.com (United Internet). Subject "Mail delivery failed: returning message to sender";
 * X-GMX-Antispam / X-UI-* headers; the text names each recipient as "a@b": (or <a@b>), then
 * "SMTP error from remote server after RCPT command:", "host: mx.example.jp" and the reply, or
 * "Reason:" and a sentence; the original's headers follow "--- The header of the original message is
 * following. ---". Shape from the public corpus samples (Sisimai's Lhost::GMX, BSD-2-Clause, reads the
 * same markers). 1&1 (IONOS) writes the same frame; see einsundeins.ts.
 */
import type { TextReader } from '../types';
import { blocksBy, commandIn, cutAt, detectBy, extraction, fact, type Fact, joinReply, normalizeAddress, splitLines } from './common';

export const UNITED_INTERNET = {
  original: [/^--- ?The header of the original message is following\. ?---/m],
  failed: /The following address(?:es)?\s+failed:|address(?:es)?\s+failed:/i,
  /** "a@b": or <a@b> or a bare address on its own line. */
  recipient: /^\s*(?:"([^"\s]+@[^"\s]+)":|<([^<>\s]+@[^<>\s]+)>:?|([^\s<>"]+@[^\s<>"]+))\s*$/,
  smtpError: /^SMTP error from remote (?:mail )?server after (.+?):?\s*$/i,
  host: /^host:\s*(\S+)/i,
  reasonIntro: /^(?:Reason:|For the following reason:)\s*$/i,
} as const;

/** Recipients of a GMX / 1&1 report. */
export function unitedInternetRecipients(body: string): Fact[] {
  const text = cutAt(body, UNITED_INTERNET.original);
  const m = UNITED_INTERNET.failed.exec(text);
  const rest = m ? text.slice(m.index + m[0].length) : text;
  const blocks = blocksBy(splitLines(rest), (l) => {
    const r = UNITED_INTERNET.recipient.exec(l);
    return r ? (r[1] ?? r[2] ?? r[3]) : undefined;
  });
  return blocks.map((b) => {
    let command: string | undefined;
    let remoteHost: string | undefined;
    const words: string[] = [];
    for (const line of b.lines) {
      const t = line.trim();
      if (!t || UNITED_INTERNET.reasonIntro.test(t)) continue;
      const err = UNITED_INTERNET.smtpError.exec(t);
      const host = UNITED_INTERNET.host.exec(t);
      if (err) command = commandIn(err[1]);
      else if (host) remoteHost = host[1].toLowerCase();
      else words.push(t);
    }
    return fact({ address: normalizeAddress(b.address), diagnostic: joinReply(words), ...(command ? { command } : {}), ...(remoteHost ? { remoteHost } : {}) });
  });
}

export const gmxReader: TextReader = {
  id: 'gmx',
  name: 'GMX / mail.com',
  detect: detectBy(
    { any: [{ header: 'x-gmx-antispam', pattern: /./ }, { from: /@(?:[\w-]+\.)*(?:gmx\.(?:net|de|com|at|ch)|mail\.com)\b/i }] },
    // pasted text: GMX's own sentence ("SMTP error from remote server after …", quoted recipient)
    { all: [{ body: UNITED_INTERNET.failed }, { body: /^SMTP error from remote server after |^"[^"\s]+@[^"\s]+":\s*$/m }] },
  ),
  extract(view) {
    if (!UNITED_INTERNET.failed.test(view.body)) return undefined;
    return extraction(unitedInternetRecipients(view.body));
  },
};
