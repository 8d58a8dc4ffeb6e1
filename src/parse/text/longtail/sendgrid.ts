/**
 * SendGrid (Twilio). Subject "Undelivered Mail Returned to Sender", Return-Path apps@sendgrid.net;
 * "This is an automatically generated message from SendGrid." and one line per recipient:
 * "user:id:<a@b> : 192.0.2.250 : mx.example.jp:[192.0.2.153] : 550 5.1.1 … in RCPT TO", then a
 * delivery-status part (X-SendGrid-* fields). Shape from the public corpus samples (Sisimai's
 * Lhost::SendGrid, BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { commandIn, detectBy, dsnFacts, extraction, fact, mergeWithDsn, splitLines } from './common';

const MARKERS = {
  intro: /^This is an automatically generated message from SendGrid\./m,
  line: /^[^\s:]*:[^\s:]*:<([^<>\s]+@[^<>\s]+)>\s*:\s*(.*)$/,
  /** (?<!\s): from the start of a run of spaces only (\s+ from each space in a long run rescans the rest of it). */
  stage: /(?<!\s)\s+in (RCPT TO|MAIL FROM|DATA|connect|EHLO|HELO)\s*$/i,
} as const;

export const sendgridReader: TextReader = {
  id: 'sendgrid',
  name: 'SendGrid',
  detect: detectBy(
    { any: [{ header: 'return-path', pattern: /<apps@sendgrid\.net>/ }, { body: MARKERS.intro }] },
  ),
  extract(view) {
    const fromText = splitLines(view.body)
      .map((l) => MARKERS.line.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => {
        // "<local ip> : <mx>:[<mx ip>] : <reply> in RCPT TO", or just "<reason> in connect"
        // (?<!\s): a separator starts where its spaces start, so a long run of spaces is not rescanned from each one
        const fields = m[2].split(/(?<!\s)\s+:\s+/);
        const last = fields[fields.length - 1];
        const stage = MARKERS.stage.exec(last);
        const mx = fields.length >= 3 ? /^([^\s:\[]+):?\[([^\]]+)\]/.exec(fields[fields.length - 2]) : null;
        return fact({
          address: m[1],
          diagnostic: stage ? last.slice(0, stage.index) : last,
          ...(stage ? { command: /connect/i.test(stage[1]) ? 'CONN' : commandIn(stage[1]) } : {}),
          ...(mx ? { remoteHost: mx[1].toLowerCase(), remoteIp: mx[2] } : {}),
        });
      });
    return extraction(mergeWithDsn(fromText, dsnFacts(view)));
  },
};
