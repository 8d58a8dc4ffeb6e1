/**
 * TransWARE Active!hunter. X-AHMAILID header, Subject "FAILURE NOTICE : …"; Sendmail-like text with
 * ">>> a@b <a@b>" under "----- The following addresses had permanent fatal errors -----" and the reply
 * under "----- Transcript of session follows -----". Shape from the public corpus sample (Sisimai's
 * Lhost::Activehunter, BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, mergeWithDsn } from './common';
import { sendmailRecipients } from './shapes';

export const activehunterReader: TextReader = {
  id: 'activehunter',
  name: 'Active!hunter (TransWARE)',
  detect: detectBy(
    { any: [{ header: 'x-ahmailid', pattern: /./ }] },
    { all: [{ subject: /^FAILURE NOTICE :/ }, { body: /The following addresses had permanent fatal errors/ }] },
  ),
  extract(view) {
    return extraction(mergeWithDsn(sendmailRecipients(view.body), dsnFacts(view)));
  },
};
