/** Hand-built ParsedReports for classify unit tests (the shape parse/ produces). */
import type { ParsedReport, RecipientFact, ReportKind } from '../../src/parse/types';

export function report(recipients: Partial<RecipientFact>[], opts: { kind?: ReportKind; mta?: string; text?: string } = {}): ParsedReport {
  const facts: RecipientFact[] = recipients.map((r, i) => ({ address: r.address ?? `user${i}@example.jp`, diagnostic: r.diagnostic ?? '', ...r }));
  return {
    kind: opts.kind ?? 'bounce',
    source: { format: 'mime', ...(opts.mta ? { mta: opts.mta } : {}) },
    recipients: facts,
    text: opts.text ?? facts.map((f) => f.diagnostic).join('\n'),
    warnings: [],
  };
}

/** A one-line paste, as parse/ reads a queue viewer's error line. */
export function line(text: string, fact: Partial<RecipientFact> = {}): ParsedReport {
  return report([{ address: '', diagnostic: text, ...fact }], { text });
}
