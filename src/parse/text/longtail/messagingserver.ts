/**
 * Oracle Communications (Sun Java System / iPlanet) Messaging Server. Subject "Delivery Notification:
 * Delivery has failed" (also "… has been delayed", "… has timed out and failed"); "This report relates
 * to a message you sent with the following header fields:" and per recipient "Recipient address:",
 * "Reason:", "Diagnostic code: smtp;550 …", "Remote system: dns;mx.example.jp (TCP|…|25) (…)".
 * Field names as read by Sisimai's Lhost::MessagingServer (BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, diagnosticCode, dsnFacts, extraction, fact, type Fact, mergeWithDsn, normalizeAddress, remoteMta, splitLines } from './common';

const MARKERS = {
  subject: /^Delivery Notification: /,
  intro: /^This report relates to a message you sent with the following header fields:/m,
  field: /^\s+(Recipient address|Original address|Reason|Diagnostic code|Remote system):\s*(.*)$/,
} as const;

export const messagingserverReader: TextReader = {
  id: 'messagingserver',
  name: 'Oracle Communications Messaging Server',
  detect: detectBy(
    { any: [{ subject: MARKERS.subject }, { body: MARKERS.intro }] },
  ),
  extract(view) {
    const recipients: (Fact & { reason?: string; code?: string })[] = [];
    for (const line of splitLines(view.body)) {
      const m = MARKERS.field.exec(line);
      if (!m) continue;
      const [, name, value] = m;
      if (name === 'Recipient address') recipients.push({ address: normalizeAddress(value) });
      const current = recipients[recipients.length - 1];
      if (!current) continue;
      if (name === 'Original address') current.originalRecipient = normalizeAddress(value);
      else if (name === 'Reason') current.reason = value;
      else if (name === 'Diagnostic code') current.code = value;
      else if (name === 'Remote system') Object.assign(current, remoteMta(value));
    }
    const fromText = recipients.map(({ reason, code, ...f }) => {
      const d = diagnosticCode(code);
      return fact({ ...f, diagnostic: d.diagnostic ?? reason ?? '', ...(d.diagnosticType ? { diagnosticType: d.diagnosticType } : {}) });
    });
    const delayed = /has been delayed/i.test(view.subject);
    return extraction(mergeWithDsn(fromText, dsnFacts(view)), delayed ? 'delay' : undefined);
  },
};
