/**
 * Sophos email products. Sophos Email (Central) relays on Postfix (hosts *.hydra.sophos.com) and writes
 * "XGEMAIL_00nn" codes into its replies (docs.sophos.com, "SMTP error codes": XGEMAIL_0011 "recipient's
 * email address doesn't exist" …); Sophos UTM relays on Exim; the Email Appliance on Sendmail.
 * Recognised by those host names and codes, read with the matching shape plus the DSN part.
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, mergeWithDsn } from './common';
import { commonShapeRecipients } from './shapes';

const BOUNCE_SHAPE = /^This is the mail system at host |This message was created automatically by mail delivery software|The following addresses? had permanent fatal errors/m;
/** The reporting host or product named in the report itself (an XGEMAIL code alone only says Sophos refused). */
const SOPHOS = /^This is the mail system at host [^\s]*hydra\.sophos\.com\.|Sophos UTM|Sophos Email Appliance|Astaro Security Gateway/im;

export const sophosReader: TextReader = {
  id: 'sophos',
  name: 'Sophos Email',
  detect: detectBy(
    { all: [{ from: /hydra\.sophos\.com|@sophos\.com/i }, { body: BOUNCE_SHAPE }] },
    { all: [{ body: BOUNCE_SHAPE }, { body: SOPHOS }] },
    { all: [{ body: BOUNCE_SHAPE }, { header: 'received', pattern: /\bby [^\s]*hydra\.sophos\.com\b/i }] },
  ),
  extract(view) {
    return extraction(mergeWithDsn(commonShapeRecipients(view.body), dsnFacts(view)));
  },
};
