/**
 * Amazon WorkMail. X-Mailer (or X-Original-Mailer) "Amazon WorkMail" with X-SES-Outgoing; the text
 * says "An error occurred while trying to deliver the mail to the following recipients:" and carries
 * the DSN fields inline after "Technical report:". Shape from the public corpus samples (Sisimai's
 * Lhost::AmazonWorkMail, BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction } from './common';

const MARKERS = {
  xmailer: /^Amazon WorkMail$/,
  intro: /^An error occurred while trying to deliver the mail to the following recipients:/m,
  report: /^Technical report:\s*$/m,
} as const;

export const amazonworkmailReader: TextReader = {
  id: 'amazonworkmail',
  name: 'Amazon WorkMail',
  detect: detectBy(
    { any: [{ header: 'x-mailer', pattern: MARKERS.xmailer }, { header: 'x-original-mailer', pattern: MARKERS.xmailer }] },
    { all: [{ body: MARKERS.intro }, { body: MARKERS.report }] },
  ),
  extract(view) {
    // the fields sit in the text part; a separate delivery-status part, when present, says the same
    const inline = dsnFacts({ ...view, deliveryStatus: undefined }, MARKERS.report);
    return extraction(inline.length ? inline : dsnFacts(view));
  },
};
