/**
 * PowerMTA (Port25 / Bird). Subject "Delivery report"; "Hello, this is the mail server on …" and a
 * line per recipient ("<a@b>  delivery failed; will not continue trying"), then a delivery-status part
 * with X-PowerMTA-VirtualMTA and X-PowerMTA-BounceCategory fields. Shape from the public corpus
 * samples; markers as in Sisimai's Lhost::PowerMTA (BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, fact, mergeWithDsn, splitLines } from './common';

const MARKERS = {
  intro: /^Hello, this is the mail server on /m,
  line: /^\s*<([^<>\s]+@[^<>\s]+)>\s+(delivery (?:failed|delayed)[^\n]*)$/,
} as const;

export const powermtaReader: TextReader = {
  id: 'powermta',
  name: 'PowerMTA',
  detect: detectBy(
    { all: [{ subject: /Delivery report/ }, { body: MARKERS.intro }] },
    { any: [{ body: /^X-PowerMTA-(?:VirtualMTA|BounceCategory):/m }] },
    { any: [{ body: MARKERS.intro }] },
  ),
  extract(view) {
    const fromText = splitLines(view.body)
      .map((l) => MARKERS.line.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => fact({ address: m[1], diagnostic: m[2], ...(/delayed/.test(m[2]) ? { action: 'delayed' as const } : {}) }));
    const dsn = dsnFacts(view, /^Reporting-MTA:/m);
    const merged = mergeWithDsn(fromText, dsn);
    const delayed = merged.length > 0 && merged.every((f) => f.action === 'delayed');
    return extraction(merged, delayed ? 'delay' : undefined);
  },
};
