/**
 * "Unknown MTA #1" in Sisimai's naming (the Received lines of the public samples point at the
 * Openfind Mail2000 server). From "Mail Deliver System", Subject "Returned Mail: …"; the text lists
 * "address [reason]" under "---The following addresses had delivery errors---". Shape from the public
 * corpus samples; markers as in Sisimai's Lhost::X1 (BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, extraction, fact, section } from './common';

const MARKERS = {
  list: /^-{3}The following addresses had delivery errors-{3}\s*$/m,
  line: /^\s*([^\s@]+@[^\s@]+)\s+\[(.+)\]\s*$/,
} as const;

export const x1Reader: TextReader = {
  id: 'x1',
  name: 'Mail2000-style MTA (Sisimai X1 shape)',
  detect: detectBy({ any: [{ body: MARKERS.list }] }),
  extract(view) {
    const recipients = (section(view.body, MARKERS.list) ?? [])
      .map((l) => MARKERS.line.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => fact({ address: m[1], diagnostic: m[2] }));
    return extraction(recipients);
  },
};
