/**
 * Who wrote a report that no text reader recognised (a bare RFC 3464 DSN)? The DSN's own fields and
 * the bounce's first Received header usually say. One row per hint; the first that fits wins.
 */
import type { HeaderView } from './text/types';
import type { RecipientFact } from './types';

type Fact = Partial<RecipientFact>;

interface Hint {
  mta: string;
  /** Why this identifies the system. */
  why: string;
  test: (facts: Fact[], headers: HeaderView) => boolean;
}

const reporting = (facts: Fact[], re: RegExp) => facts.some((f) => !!f.reportingMta && re.test(f.reportingMta));
/** The Received header the reporting system added when it sent the bounce (the last one). */
const firstHop = (h: HeaderView) => h.getAll('received').slice(-1)[0] ?? '';

export const MTA_HINTS: readonly Hint[] = [
  { mta: 'postfix', why: 'Postfix writes X-Postfix-* DSN fields and the X-Postfix diagnostic type', test: (f) => f.some((x) => x.diagnosticType === 'x-postfix' || Object.keys(x.extensions ?? {}).some((k) => /^X-Postfix/i.test(k))) },
  { mta: 'office365', why: 'Exchange Online reporting MTAs are *.outlook.com hosts', test: (f) => reporting(f, /\.(?:outlook|office365)\.com$/i) },
  { mta: 'gmail', why: "Google's DSNs name googlemail.com / google.com as Reporting-MTA", test: (f) => reporting(f, /(?:^|\.)(?:googlemail|google)\.com$/i) },
  { mta: 'amazonses', why: 'Amazon SES reporting MTAs are *.amazonses.com', test: (f) => reporting(f, /amazonses\.com$/i) },
  { mta: 'exim', why: 'Exim writes X-Exim-* DSN fields', test: (f) => f.some((x) => Object.keys(x.extensions ?? {}).some((k) => /^X-Exim/i.test(k))) },
  { mta: 'exchange2003', why: 'Exchange 2000/2003 sends through the IIS SMTP service', test: (_f, h) => /Microsoft SMTPSVC/i.test(firstHop(h)) },
  { mta: 'exchange2007', why: 'Exchange 2007+ transport stamps "Microsoft SMTP Server"', test: (_f, h) => /Microsoft SMTP Server/i.test(firstHop(h)) || h.has('x-ms-exchange-message-is-ndr') },
  { mta: 'postfix', why: 'the bounce left through Postfix', test: (_f, h) => /\(Postfix\)/.test(firstHop(h)) },
  { mta: 'exim', why: 'the bounce left through Exim', test: (_f, h) => /\bExim \d/.test(firstHop(h)) },
  { mta: 'sendmail', why: 'the bounce left through Sendmail (8.x.y/8.x.y)', test: (_f, h) => /\(\d+\.\d+\.\d+\/\d+\.\d+\.\d+\)|Sendmail/i.test(firstHop(h)) },
  { mta: 'qmail', why: 'the bounce left through qmail', test: (_f, h) => /\(qmail \d+/.test(firstHop(h)) },
];

export function mtaFromHints(facts: Fact[], headers: HeaderView): string | undefined {
  return MTA_HINTS.find((hint) => hint.test(facts, headers))?.mta;
}
