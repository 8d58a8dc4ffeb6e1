/**
 * BIGLOBE (and the cable ISPs on its platform: inacatv, tmtv, ttv). From postmaster@biglobe.ne.jp,
 * Subject "Returned mail: …"; "----- The following addresses had delivery problems -----", the
 * address, "----- Non-delivered information -----" and the reason. Markers as in Sisimai's
 * Lhost::Biglobe (BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, extraction, fact, type Fact, normalizeAddress, splitLines, sweep } from './common';

const MARKERS = {
  from: /postmaster@(?:biglobe|inacatv|tmtv|ttv)\.ne\.jp/i,
  list: /^\s*-+\s*The following addresses had delivery problems\s*-+\s*$/,
  info: /^\s*-+\s*Non-delivered information\s*-+\s*$/,
} as const;

export const biglobeReader: TextReader = {
  id: 'biglobe',
  name: 'BIGLOBE mail',
  detect: detectBy(
    { all: [{ from: MARKERS.from }, { subject: /^Returned mail:/ }] },
    { all: [{ body: /The following addresses had delivery problems/ }, { body: /Non-delivered information/ }] },
  ),
  extract(view) {
    const addresses: string[] = [];
    const words: string[] = [];
    let part: '' | 'list' | 'info' = '';
    for (const line of splitLines(view.body)) {
      if (MARKERS.list.test(line)) part = 'list';
      else if (MARKERS.info.test(line)) part = 'info';
      else if (/^Content-Type:\s*message\//i.test(line)) break;
      else if (part === 'list' && /^\S+@\S+$/.test(line.trim())) addresses.push(normalizeAddress(line.trim()));
      else if (part === 'info' && line.trim() && /^\w/.test(line.trim())) words.push(line.trim());
    }
    const diagnostic = sweep(words.join(' '));
    return extraction(addresses.map((a): Fact => fact({ address: a, diagnostic })));
  },
};
