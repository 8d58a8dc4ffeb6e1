/**
 * A Japanese provider gateway's "NOTICE: Delivery Failure." report (filed under Sisimai's X2 family in
 * the public corpus): "Delivery failed: a@b", "192.0.2.1 failed after I sent the message.",
 * "Remote host said[Response Message]: 554 5.4.14 …", "STEP: DATA SEND". Shape from that public sample.
 */
import type { TextReader } from '../types';
import { commandIn, detectBy, extraction, fact, type Fact, normalizeAddress, splitLines } from './common';

const MARKERS = {
  intro: /^NOTICE: Delivery Failure\.\s*$/m,
  dsn: /^This Delivery Status Notification is sent from MTA/m,
  recipient: /^Delivery failed:\s*(\S+@\S+)\s*$/,
  said: /^Remote host said(?:\[Response Message\])?:\s*(.*)$/,
  step: /^STEP:\s*(.*)$/,
  peer: /^(\S+) failed (?:after I sent the message|on DATA command)|^(\S+) does not like recipient/,
} as const;

export const mtanoticeReader: TextReader = {
  id: 'mta-notice',
  name: 'Provider gateway "NOTICE: Delivery Failure" report',
  detect: detectBy({ all: [{ body: MARKERS.intro }, { body: MARKERS.dsn }] }),
  extract(view) {
    const recipients: Fact[] = [];
    let current: Fact | undefined;
    for (const raw of splitLines(view.body)) {
      const line = raw.trim();
      const r = MARKERS.recipient.exec(line);
      if (r) {
        current = { address: normalizeAddress(r[1]), diagnostic: '' };
        recipients.push(current);
        continue;
      }
      if (!current) continue;
      const said = MARKERS.said.exec(line);
      const step = MARKERS.step.exec(line);
      const peer = MARKERS.peer.exec(line);
      if (said) current.diagnostic = said[1];
      else if (step) current.command = commandIn(step[1]);
      else if (peer) {
        const host = peer[1] ?? peer[2];
        if (/^[\d.]+$/.test(host)) current.remoteIp = host;
        else current.remoteHost = host.toLowerCase();
        current.command = current.command ?? commandIn(line);
      }
    }
    return extraction(recipients.map((f) => fact(f)));
  },
};
