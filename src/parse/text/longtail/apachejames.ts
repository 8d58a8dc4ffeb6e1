/**
 * Apache James. Its notify mailets write "Error message below:" with the reply and "Message details:"
 * with "  RCPT TO: a@b" lines (AbstractNotify.java, as quoted in Sisimai's Lhost::ApacheJames,
 * BSD-2-Clause). Verizon's vtext.com gateway uses the same text (see verizon.ts).
 */
import type { TextReader } from '../types';
import { detectBy, extraction, fact, type Fact, joinReply, normalizeAddress, splitLines } from './common';

export const JAMES = {
  error: /^Error message below:\s*$/m,
  details: /^Message details:\s*$/m,
  rcpt: /^\s+RCPT TO:\s*<?([^\s<>]+@[^\s<>]+?)>?\s*$/,
} as const;

/** Recipients of a James notify text: every RCPT TO under "Message details:" shares the error message. */
export function jamesRecipients(body: string): Fact[] {
  const lines = splitLines(body);
  const errorAt = lines.findIndex((l) => JAMES.error.test(l));
  const detailsAt = lines.findIndex((l) => JAMES.details.test(l));
  if (detailsAt < 0) return [];
  const reply = errorAt >= 0 ? lines.slice(errorAt + 1, detailsAt > errorAt ? detailsAt : undefined).filter((l) => l.trim()) : [];
  const headline = lines.slice(0, errorAt >= 0 ? errorAt : detailsAt).find((l) => /^Error:/i.test(l.trim()));
  const diagnostic = joinReply(reply) || (headline ?? '').trim();
  return lines
    .slice(detailsAt + 1)
    .map((l) => JAMES.rcpt.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => fact({ address: normalizeAddress(m[1]), diagnostic }));
}

export const apachejamesReader: TextReader = {
  id: 'apachejames',
  name: 'Apache James',
  // Yahoo's own bounces also carry ".JavaMail." Message-IDs, so the text decides
  detect: detectBy(
    { all: [{ body: JAMES.error }, { body: JAMES.details }] },
    { all: [{ subject: /^\[BOUNCE\]$/ }, { body: JAMES.details }] },
  ),
  extract(view) {
    return extraction(jamesRecipients(view.body));
  },
};
