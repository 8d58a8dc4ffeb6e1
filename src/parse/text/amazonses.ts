/**
 * Amazon SES: DSNs from MAILER-DAEMON@…amazonses.com ("The following message to <rcpt> was undeliverable.",
 * "An error occurred while trying to deliver the mail to the following recipients:") and the JSON
 * notifications SES publishes through SNS ({"notificationType":"Bounce", "bounce":{"bouncedRecipients":[…]}}).
 * Shape: Amazon SES Developer Guide, "Amazon SNS notification contents"; markers as in Sisimai's
 * Lhost/AmazonSES (BSD-2-Clause).
 */
import { normalizeAddress } from '../address';
import { normalizeAction } from '../rfc3464';
import { addressLinesFrom, joinLines, markerSet, mentions, type Fact } from './common';
import type { Extraction, MessageView, TextReader } from './types';

const FINGERPRINTS = markerSet([
  ['was undeliverable.', /^The following message to <[^>]+> was undeliverable\./m],
  'An error occurred while trying to deliver the mail to the following recipients:',
  // the notification may sit inside an SNS envelope as an escaped string: \"notificationType\":\"Bounce\"
  ['notificationType', /\\?"notificationType\\?"\s*:\s*\\?"(?:Bounce|Complaint|Delivery)\\?"/],
  ['eventType', /\\?"eventType\\?"\s*:\s*\\?"(?:Bounce|Complaint|Delivery|DeliveryDelay)\\?"/],
]);

interface SesRecipient {
  emailAddress?: string;
  action?: string;
  status?: string;
  diagnosticCode?: string;
}
interface SesNotification {
  notificationType?: string;
  eventType?: string;
  bounce?: { bounceType?: string; bounceSubType?: string; bouncedRecipients?: SesRecipient[]; reportingMTA?: string; remoteMtaIp?: string };
  complaint?: { complainedRecipients?: SesRecipient[]; complaintFeedbackType?: string };
  delivery?: { recipients?: string[]; smtpResponse?: string; reportingMTA?: string; remoteMtaIp?: string };
  deliveryDelay?: { delayedRecipients?: SesRecipient[]; delayType?: string };
}

/** The JSON object in the body (an SNS envelope may wrap it in "Message": "…"). */
function notification(body: string): SesNotification | undefined {
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    let parsed = JSON.parse(body.slice(start, end + 1).replace(/\n/g, '')) as SesNotification & { Message?: string };
    if (typeof parsed.Message === 'string') parsed = JSON.parse(parsed.Message) as SesNotification;
    return parsed;
  } catch {
    return undefined;
  }
}

function fromJson(n: SesNotification): Extraction | undefined {
  const type = n.notificationType ?? n.eventType;
  if (type === 'Bounce' && n.bounce) {
    const subtype = [n.bounce.bounceType, n.bounce.bounceSubType].filter(Boolean).join('/');
    const recipients = (n.bounce.bouncedRecipients ?? []).map((r): Fact => {
      const [, diag = ''] = /^(?:smtp;\s*)?([\s\S]*)$/i.exec(r.diagnosticCode ?? '') ?? [];
      const action = normalizeAction(r.action);
      return {
        address: normalizeAddress(r.emailAddress),
        diagnostic: diag.trim() || (subtype ? `Amazon SES bounce: ${subtype}` : ''),
        ...(action ? { action } : {}),
        ...(r.status ? { status: r.status } : {}),
        ...(n.bounce?.reportingMTA ? { reportingMta: n.bounce.reportingMTA.replace(/^dsn;\s*/i, '') } : {}),
        ...(n.bounce?.remoteMtaIp ? { remoteIp: n.bounce.remoteMtaIp } : {}),
        ...(subtype ? { extensions: { 'X-SES-Bounce-Type': subtype } } : {}),
      };
    });
    return { recipients };
  }
  if (type === 'Complaint' && n.complaint) {
    return { kind: 'feedback', recipients: (n.complaint.complainedRecipients ?? []).map((r) => ({ address: normalizeAddress(r.emailAddress), diagnostic: n.complaint?.complaintFeedbackType ?? '' })) };
  }
  if (type === 'Delivery' && n.delivery) {
    const reply = n.delivery.smtpResponse ?? '';
    return { kind: 'delivered', recipients: (n.delivery.recipients ?? []).map((a) => ({ address: normalizeAddress(a), diagnostic: reply, action: 'delivered' as const })) };
  }
  if (type === 'DeliveryDelay' && n.deliveryDelay) {
    return { kind: 'delay', recipients: (n.deliveryDelay.delayedRecipients ?? []).map((r) => ({ address: normalizeAddress(r.emailAddress), diagnostic: r.diagnosticCode ?? n.deliveryDelay?.delayType ?? '', action: 'delayed' as const })) };
  }
  return undefined;
}

export const amazonses: TextReader = {
  id: 'amazonses',
  name: 'Amazon SES',
  detect: (view) => mentions(view, FINGERPRINTS) || /amazonses\.com/i.test(view.from),
  extract(view: MessageView) {
    if (/\\?"(?:notificationType|eventType)\\?"/.test(view.body)) {
      const n = notification(view.body);
      const r = n && fromJson(n);
      if (r) return r;
    }
    const recipients: Fact[] = [];
    const single = /^The following message to <([^>]+)> was undeliverable\./m.exec(view.body);
    if (single) {
      const reason = /^The reason for the problem:\s*\n?([\s\S]*?)(?:\n\s*\n|$)/m.exec(view.body);
      recipients.push({ address: normalizeAddress(single[1]), diagnostic: reason ? joinLines(reason[1].split('\n')) : '' });
    }
    const list = /^An error occurred while trying to deliver the mail to the following recipients:[ \t]*$/m.exec(view.body);
    if (list) {
      for (const address of addressLinesFrom(view.body, list.index + list[0].length)) recipients.push({ address, diagnostic: '' });
    }
    return recipients.length ? { recipients } : undefined;
  },
};
