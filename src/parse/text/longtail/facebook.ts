/**
 * Facebook's mail gateway (mx.facebook.com, historic). From "Facebook <mailer-daemon@mx.facebook.com>",
 * Subject "Sorry, your message could not be delivered"; "This message was created automatically by
 * Facebook." and a delivery-status part whose reply carries a response code such as "RCP-P1" or
 * "POL-P2" (postmaster.facebook.com/response_codes). Shape from the public corpus samples (codes as
 * listed in Sisimai's Lhost::Facebook, BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, fact } from './common';

const MARKERS = {
  from: /mailer-daemon@mx\.facebook\.com/i,
  intro: /^This message was created automatically by Facebook\./m,
} as const;

export const facebookReader: TextReader = {
  id: 'facebook',
  name: 'Facebook mail',
  detect: detectBy({ any: [{ from: MARKERS.from }, { body: MARKERS.intro }] }),
  extract(view) {
    const dsn = dsnFacts(view, /^Reporting-MTA:/m);
    if (dsn.length) return extraction(dsn);
    // pasted text without the report part: the explanation is all there is
    const why = /^Based on the email preferences.*$/m.exec(view.body)?.[0];
    return why ? extraction([fact({ diagnostic: why })]) : undefined;
  },
};
