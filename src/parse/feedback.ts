/**
 * RFC 5965 (ARF) feedback reports and the older Hotmail/Outlook.com JMRP complaints: one record per
 * complained-about recipient. ARF fields are kept verbatim in `extensions` (Feedback-Type, Source-IP …).
 */
import { findAddresses, normalizeAddress } from './address';
import type { MimeMessage } from './mime';
import { splitDeliveryStatus } from './rfc3464';
import type { RecipientFact } from './types';

type Fact = Partial<RecipientFact>;

/** ARF fields we keep, in their RFC 5965 spelling. */
const ARF_FIELDS = ['Feedback-Type', 'User-Agent', 'Version', 'Source-IP', 'Original-Mail-From', 'Arrival-Date', 'Reported-Domain', 'Reported-Uri', 'Authentication-Results', 'Incidents', 'Abuse-Type'];

/** Complaint reports that are not ARF: Microsoft JMRP forwards the message with this header in it. */
export function isJmrpComplaint(msg: MimeMessage): boolean {
  return !!msg.originalHeaders?.has('x-hmxmroriginalrecipient') && /@(?:hotmail|outlook|live|msn)\.com/i.test(msg.headers.get('from') ?? '');
}

export function feedbackRecipients(msg: MimeMessage, summary: string): Fact[] {
  const fields = msg.feedbackReport ? splitDeliveryStatus(msg.feedbackReport).perMessage : [];
  const arf = msg.feedbackReport ?? (/^Feedback-Type:/im.test(msg.body) ? msg.body : '');
  const allFields = fields.length ? fields : arf ? splitDeliveryStatus(arf).perMessage : [];
  const extensions: Record<string, string> = {};
  for (const name of ARF_FIELDS) {
    const f = allFields.find((x) => x.key === name.toLowerCase());
    if (f) extensions[name] = f.value;
  }
  let addresses = allFields.filter((f) => f.key === 'original-rcpt-to' || f.key === 'removal-recipient').map((f) => normalizeAddress(f.value)).filter(Boolean);
  if (!addresses.length) addresses = (msg.originalHeaders?.getAll('x-hmxmroriginalrecipient') ?? []).map((v) => normalizeAddress(v)).filter(Boolean);
  if (!addresses.length) addresses = msg.originalHeaders?.getAll('to').flatMap(findAddresses).slice(0, 1) ?? [];
  if (!addresses.length) addresses = [''];
  const ext = Object.keys(extensions).length ? { extensions } : {};
  return [...new Set(addresses)].map((address) => ({ address, diagnostic: summary, ...ext }));
}
