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
    { all: [{ body: JAMES.details }, { body: /^\s+RCPT TO:\s*\S+@(?:vtext\.com|vzwpix\.com)/m }] },
  ),
  extract(view) {
    return extraction(jamesRecipients(view.body));
  },
};
