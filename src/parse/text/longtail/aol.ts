/**
 * AOL Mail (Verizon Media / Yahoo). An HTML notice ("Something went wrong. We were unable to deliver
 * your message to the following address a@b because: Mailbox is full …", "More information about
 * type 5.2.2 delivery errors …") with X-AOL-IP headers and a delivery-status part. Shape from the public
 * corpus samples (Sisimai's Lhost::Aol, BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, fact, sweep } from './common';

const MARKERS = {
  notice: /We were unable to deliver your message to the following address(?:es)?\s+(\S+@\S+?)\s+because:\s*([\s\S]*?)(?:\n\s*\n|Contact the recipient|Check the |Send\/Receive Log|$)/,
  type: /information about type ([245]\.\d{1,3}\.\d{1,3}) delivery errors/,
} as const;

export const aolReader: TextReader = {
  id: 'aol',
  name: 'AOL Mail',
  detect: detectBy(
    { any: [{ header: 'x-aol-ip', pattern: /./ }] },
    { all: [{ body: /We were unable to deliver your message to the following address/ }, { body: /AOL|aol\.com/ }] },
  ),
  extract(view) {
    const dsn = dsnFacts(view, /^Reporting-MTA:/m);
    if (dsn.length) return extraction(dsn);
    const m = MARKERS.notice.exec(view.body);
    if (!m) return undefined;
    const status = MARKERS.type.exec(view.body)?.[1];
    return extraction([fact({ address: m[1], diagnostic: sweep(m[2]), ...(status ? { status } : {}) })]);
  },
};
