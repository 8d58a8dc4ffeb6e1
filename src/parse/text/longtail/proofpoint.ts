/**
 * Proofpoint (Protection Server, hosted as *.pphosted.com, and Proofpoint Essentials). PPS relays run
 * Sendmail, so its bounces carry Sendmail's text from a pphosted.com host; Essentials reports come from
 * its Postfix relays. Recognised by those host names or by "Proofpoint Essentials" in the notice, and
 * read with the matching shape plus the DSN part. Proofpoint's own rejection replies
 * ("554 Blocked - see https://ipcheck.proofpoint.com/?ip=…", "… blocked using Proofpoint Dynamic
 * Reputation") are left for the classifier wherever they appear.
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, mergeWithDsn } from './common';
import { commonShapeRecipients } from './shapes';

const BOUNCE_SHAPE = /^This is the mail system at host |The following addresses? had permanent fatal errors|This message was created automatically by mail delivery software/m;

export const proofpointReader: TextReader = {
  id: 'proofpoint',
  name: 'Proofpoint',
  detect: detectBy(
    { all: [{ from: /pphosted\.com|ppe-hosted\.com/i }] },
    // the reporting host is Proofpoint's (a Proofpoint host named as the *remote* side is the classifier's business)
    { all: [{ body: BOUNCE_SHAPE }, { body: /^This is the mail system at host [^\s]*(?:pphosted|ppe-hosted)\.com\.|Proofpoint Essentials/im }] },
    { all: [{ body: BOUNCE_SHAPE }, { header: 'received', pattern: /\bby [^\s]*\.pphosted\.com\b|\bby [^\s]*\.ppe-hosted\.com\b/i }] },
  ),
  extract(view) {
    return extraction(mergeWithDsn(commonShapeRecipients(view.body), dsnFacts(view)));
  },
};
