/**
 * Fixed wording explain uses: who acts, what retrying does, headlines for reports that are not failures,
 * and labels for probe outcomes.
 */
import type { Actor } from '../kb/types';
import type { ReportKind } from '../parse/types';
import type { Outcome } from '../probe/types';

export const ACTOR_LABEL: Readonly<Record<Actor, string>> = {
  'sender-admin': 'Your mail administrator',
  'recipient-admin': 'The recipient\'s mail administrator',
  sender: 'You, the sender',
  recipient: 'The recipient',
  nobody: 'Nobody — no action needed',
};

/** Headlines for kinds that need no cause to explain them. 'bounce' takes the lead cause's title instead. */
export const KIND_HEADLINE: Readonly<Partial<Record<ReportKind, string>>> = {
  'not-a-bounce': 'Not a bounce',
  delay: 'Delivery is only delayed — still retrying',
  delivered: 'Delivered — not a failure',
  feedback: 'A complaint (feedback) report, not a bounce',
  autoreply: 'An automatic reply, not a bounce',
};

/** Sentence under the headline for kinds that are not failures. */
export const KIND_LEAD: Readonly<Partial<Record<ReportKind, string>>> = {
  'not-a-bounce': 'This message does not look like a delivery report. Paste the whole bounce (NDR), including its technical details, to get a diagnosis.',
  delivered: 'The report confirms delivery; nothing needs to be done.',
  feedback: 'A recipient marked your message as spam and their provider reported it; the message itself was delivered.',
  autoreply: 'The message reached the mailbox; this is an out-of-office or autoresponder reply.',
};

export const NO_CAUSE_HEADLINE = 'Could not tell why delivery failed';

export const RETRY_ADVICE = {
  hard: 'Permanent: sending it again unchanged will fail the same way.',
  softDelay: 'Temporary: the server is still retrying, so nothing needs resending yet.',
  softBounce: 'Not permanent: once the cause is fixed new messages go through, but messages that already bounced must be resent.',
} as const;

export const OUTCOME_ORDER: readonly Outcome[] = ['fail', 'error', 'warn', 'pass', 'skip'];

export const OUTCOME_LABEL: Readonly<Record<Outcome, string>> = {
  fail: 'Problems',
  error: 'Could not check',
  warn: 'Warnings',
  pass: 'Passed',
  skip: 'Skipped',
};
