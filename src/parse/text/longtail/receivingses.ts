/**
 * Amazon SES receiving (inbound-smtp.*.amazonaws.com): a rule's bounce action writes
 * "This message could not be delivered." and a delivery-status part whose Diagnostic-Code is the
 * rule's reply ("550 5.1.1 Mailbox does not exist", "552 5.2.2 Mailbox full" …). X-SES-Outgoing header.
 * Shape from the public corpus samples (Sisimai's Lhost::ReceivingSES, BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { dsnFacts, extraction } from './common';

const MARKERS = {
  intro: /^This message could not be delivered\.\s*$/m,
  reporting: /^Reporting-MTA:\s*dns;\s*inbound-smtp\.[\w-]+\.amazonaws\.com/im,
} as const;

export const receivingsesReader: TextReader = {
  id: 'receivingses',
  name: 'Amazon SES (receiving)',
  detect: (view) =>
    (view.headers.has('x-ses-outgoing') && MARKERS.intro.test(view.body)) ||
    MARKERS.reporting.test(view.deliveryStatus ?? '') ||
    (MARKERS.intro.test(view.body) && MARKERS.reporting.test(view.body)),
  extract(view) {
    return extraction(dsnFacts(view, /^Reporting-MTA:/m));
  },
};
