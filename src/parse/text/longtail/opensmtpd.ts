/**
 * OpenSMTPD. Text from smtpd/bounce.c:
 *       Hi!
 *       This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.
 *       An error has occurred while attempting to deliver a message for
 *       the following list of recipients:
 *   a@b: 550 5.2.2 <a@b>... Mailbox Full
 *       Below is a copy of the original message:
 * (delay notices say "A message is delayed for more than …"). Wording as quoted in Sisimai's
 * Lhost::OpenSMTPD (BSD-2-Clause) and in OpenSMTPD issue #687.
 */
import type { TextReader } from '../types';
import { cutAt, detectBy, extraction, fact, splitLines } from './common';

const MARKERS = {
  // [^\S\r\n\u2028\u2029]*: white space within the line only (\s* with the m flag runs across every following blank line)
  intro: /^[^\S\r\n\u2028\u2029]*This is the MAILER-DAEMON, please DO NOT REPLY to this e-?mail\./m,
  delay: /^[^\S\r\n\u2028\u2029]*A message is delayed for more than /m,
  original: [/^[^\S\r\n\u2028\u2029]*Below is a copy of the original message:/m],
  line: /^([^\s@]+@[^\s:]+):\s+(.+)$/,
} as const;

export const opensmtpdReader: TextReader = {
  id: 'opensmtpd',
  name: 'OpenSMTPD',
  detect: detectBy({ any: [{ body: MARKERS.intro }] }),
  extract(view) {
    const recipients = splitLines(cutAt(view.body, MARKERS.original))
      .map((l) => MARKERS.line.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => fact({ address: m[1], diagnostic: m[2] }));
    return extraction(recipients, MARKERS.delay.test(view.body) ? 'delay' : undefined);
  },
};
