/**
 * 1&1 / IONOS mail (kundenserver.de). Same frame as GMX (United Internet): "The following address
 * failed: / a@b / For the following reason: / Mail size limit exceeded. …" and
 * "--- The header of the original message is following. ---". Shape from the public corpus samples;
 * markers as in Sisimai's Lhost::EinsUndEins (BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, extraction } from './common';
import { UNITED_INTERNET, unitedInternetRecipients } from './gmx';

export const einsundeinsReader: TextReader = {
  id: 'einsundeins',
  name: '1&1 / IONOS mail',
  detect: detectBy(
    { all: [{ from: /@(?:[\w-]+\.)*(?:kundenserver|1and1|ionos|1und1)\.[\w.]+/i }, { body: UNITED_INTERNET.failed }] },
    // the "--- The header of the original message …" line is cut off with the original, so the text decides
    { all: [{ body: UNITED_INTERNET.failed }, { body: /^For the following reason:\s*$/m }] },
  ),
  extract(view) {
    return extraction(unitedInternetRecipients(view.body));
  },
};
