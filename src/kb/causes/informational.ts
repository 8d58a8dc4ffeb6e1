/**
 * Reports that are not failures (delivered, complaint, auto-reply) and the fallback when a report
 * does not say enough to name a cause.
 */
import type { Cause } from '../types';
import { REF } from './refs';

export const INFORMATIONAL_CAUSES: Cause[] = [
  {
    id: 'delivered',
    title: 'The message was delivered',
    summary:
      'This report confirms delivery (or that the message was relayed to a system that does not report further). Nothing failed.',
    reason: 'delivered',
    hard: false,
    actor: 'nobody',
    steps: {
      generic: [
        'No action needed. A "relayed" notice means the message left for a system that does not send delivery reports; it is not a failure.',
      ],
    },
    references: [REF.rfc3464],
  },
  {
    id: 'feedback-report',
    title: 'A complaint (feedback) report, not a bounce',
    summary:
      'This is a complaint report (ARF): a recipient marked one of your messages as spam and their provider forwarded the complaint to you through a feedback loop. The message was delivered; the complaint hurts your sending reputation.',
    reason: 'feedback',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Stop sending to the complaining address (suppress it in your lists).',
        'If complaints come in for mail people asked for, make unsubscribing easier (one-click List-Unsubscribe) and remind them why they receive it.',
        'Many complaints from ordinary user mailboxes can mean a compromised account sending spam: check the sender named in the report.',
      ],
    },
    references: [REF.rfc5965, REF.gSenderGuidelines, REF.rfc8058],
  },
  {
    id: 'auto-reply',
    title: 'An automatic reply, not a bounce',
    summary:
      'This is an automatic reply — an out-of-office or vacation notice, or an autoresponder. The original message was delivered.',
    reason: 'vacation',
    hard: false,
    actor: 'nobody',
    steps: {
      generic: [
        'No action needed: the message reached the mailbox. Read the reply for an alternative contact if the matter is urgent.',
      ],
    },
    references: [REF.rfc3834],
  },
  {
    id: 'unknown',
    title: 'The cause could not be determined from the report',
    summary:
      'The report does not contain enough to name a cause: no status code or server reply we recognise. The full report, the mail server\'s queue or log, or a probe of the destination usually shows what happened.',
    reason: 'undefined',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Paste the complete non-delivery report, including the "Diagnostic information for administrators" or "Remote server returned" part and the returned headers.',
        'Look at the sending server\'s queue or log for this message: the remote server\'s exact reply is the key.',
        'Probe the destination with `smtpcheck probe <domain>` to see whether it is reachable and what it expects.',
      ],
    },
    references: [REF.rfc3463, REF.rfc3464],
  },
];
