/**
 * SurfControl E-mail Filter (later Websense). X-Mailer "SurfControl E-mail Filter", X-SEF-* headers;
 * the text says "Your message could not be sent. A transcript of the attempts to send the message
 * follows." and lists "address: [ip], reply". Shape from the public corpus samples (Sisimai's
 * Lhost::SurfControl, BSD-2-Clause, reads the same markers).
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, fact, hasInnerAt, mergeWithDsn, splitLines } from './common';

const MARKERS = {
  xmailer: /^SurfControl E-mail Filter/,
  body: /^Your message could not be sent\.\s*\n\s*A transcript of the attempts to send the message follows\./m,
  /** "address: [ip], reply"; the address token is checked with hasInnerAt (a `[^\s:]+@[^\s:]+` here is quadratic on a line of "@"). */
  line: /^\s*([^\s:]+):\s*\[([^\]]+)\],\s*(.*)$/,
} as const;

export const surfcontrolReader: TextReader = {
  id: 'surfcontrol',
  name: 'SurfControl E-mail Filter',
  detect: detectBy(
    { any: [{ header: 'x-mailer', pattern: MARKERS.xmailer }, { header: 'x-sef-processed', pattern: /./ }] },
    { any: [{ body: MARKERS.body }] },
  ),
  extract(view) {
    const fromText = splitLines(view.body)
      .map((l) => MARKERS.line.exec(l))
      .filter((m): m is RegExpExecArray => m !== null && hasInnerAt(m[1] as string))
      .map((m) => fact({ address: m[1], diagnostic: m[3], remoteIp: m[2] }));
    return extraction(mergeWithDsn(fromText, dsnFacts(view)));
  },
};
