/**
 * Verizon Wireless's vtext.com / vzwpix.com mail gateways (SMS/MMS by email). From
 * "post_master@vtext.com"; Apache James text ("Error: Invalid user address", "Error message below:",
 * "550 - Requested action not taken: no such user here", "Message details: … RCPT TO: a@b"). Shape from
 * the public corpus sample (Sisimai's Lhost::Verizon, BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, extraction } from './common';
import { JAMES, jamesRecipients } from './apachejames';

export const verizonReader: TextReader = {
  id: 'verizon',
  name: 'Verizon Wireless (vtext.com)',
  detect: detectBy(
    { any: [{ from: /post_master@vtext\.com|sysadmin@[\w.-]*vzwpix\.com/i }, { header: 'received', pattern: /\.vtext\.com \(/ }] },
    // `^\s+RCPT TO:` with the m flag, as two alternatives that never cross more than one line break (the
    // plain form rescans a run of blank lines from each of them): indented on its line, or after a blank line
    { all: [{ body: JAMES.details }, { body: /^[^\S\r\n\u2028\u2029]+RCPT TO:\s*\S+@(?:vtext\.com|vzwpix\.com)|^[^\S\r\n\u2028\u2029]*[\r\n\u2028\u2029][^\S\r\n\u2028\u2029]*RCPT TO:\s*\S+@(?:vtext\.com|vzwpix\.com)/m }] },
  ),
  extract(view) {
    return extraction(jamesRecipients(view.body));
  },
};
