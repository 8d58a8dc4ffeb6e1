/**
 * Bigfoot (bigfoot.com forwarding, historic): Sendmail's text ("----- The following addresses had
 * permanent fatal errors -----", "----- Transcript of session follows -----") from LiteMail hosts,
 * with a delivery-status part and the original as message/partial. Shape from the public corpus
 * sample (Sisimai's Lhost::Bigfoot, BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, mergeWithDsn } from './common';
import { sendmailRecipients } from './shapes';

export const bigfootReader: TextReader = {
  id: 'bigfoot',
  name: 'Bigfoot',
  detect: detectBy(
    { any: [{ from: /@bigfoot\.com\b/i }, { header: 'received', pattern: /\.bigfoot\.com\b/i }] },
    { all: [{ body: /The following addresses had permanent fatal errors/ }, { body: /from LITEMAIL\d+\.bigfoot\.com/i }] },
  ),
  extract(view) {
    return extraction(mergeWithDsn(sendmailRecipients(view.body), dsnFacts(view)));
  },
};
