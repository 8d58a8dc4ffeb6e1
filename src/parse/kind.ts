/**
 * What kind of report is this? Decided from structure first (report-type, DSN actions), then from
 * what a reader found, then from wording. Each signal is a row in a table.
 */
import type { MimeMessage } from './mime';
import type { HeaderView } from './text/types';
import type { DsnAction, ReportKind } from './types';

/** RFC 3834 and vendor auto-reply signals in headers. [header, value pattern] */
const AUTOREPLY_HEADERS: readonly [string, RegExp][] = [
  ['auto-submitted', /^auto-replied/i],
  ['x-autoreply', /^(?:yes|true|1)/i],
  ['x-autorespond', /./],
  ['x-autoresponder', /./],
  ['precedence', /^auto[_-]reply/i],
  ['x-auto-response-suppress', /\b(?:all|oof|autoreply)\b/i],
  ['x-mailer', /vacation/i],
];

/** Out-of-office subjects in the languages auto-replies most often come in. */
const AUTOREPLY_SUBJECT = /^(?:auto(?:matic)?[ -]?(?:reply|response|antwort|respons[e]?)|auto:|out of (?:the )?office|away from (?:the )?office|on vacation|vacation|abwesen|absence|absent|r[ée]ponse automatique|respuesta autom[áa]tica|risposta automatica|自動応答|不在)|\b(?:out of (?:the )?office|auto-?reply|autoresponse|away until)\b/i;

/** Delay wording (when a report has no DSN Action field to say so), lower case: matched as substrings. */
const DELAY_WORDS: readonly string[] = [
  'this is a warning message only', 'you do not need to resend your message', 'been delayed',
  'warning: could not send message for past', 'has not yet been delivered', 'delivery is delayed to these recipients',
  'will retry', 'will be retried', 'will continue to be retried', 'delivery incomplete', 'delivery temporarily suspended',
];

export function isAutoReply(headers: HeaderView, subject: string): boolean {
  if (AUTOREPLY_HEADERS.some(([name, re]) => headers.getAll(name).some((v) => re.test(v)))) return true;
  return AUTOREPLY_SUBJECT.test(subject);
}

export function isFeedbackReport(msg: MimeMessage): boolean {
  return msg.reportType === 'feedback-report' || msg.feedbackReport !== undefined || msg.partTypes.includes('message/feedback-report');
}

/** Kind implied by DSN actions, when every recipient agrees on a non-failure (any failure makes a bounce). */
export function kindFromActions(actions: (DsnAction | undefined)[]): ReportKind | undefined {
  const known = actions.filter((a): a is DsnAction => !!a);
  if (!known.length) return undefined;
  if (known.includes('failed')) return 'bounce';
  if (known.every((a) => a === 'delayed')) return 'delay';
  if (known.every((a) => a === 'delivered' || a === 'relayed' || a === 'expanded')) return 'delivered';
  return known.includes('delayed') ? 'delay' : undefined;
}

export function kindFromWords(body: string, subject: string): ReportKind | undefined {
  const text = (subject + '\n' + body.slice(0, 16384)).toLowerCase();
  return DELAY_WORDS.some((w) => text.includes(w)) ? 'delay' : undefined;
}
