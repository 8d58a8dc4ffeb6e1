/**
 * Cisco Secure Email Gateway (IronPort ESA, AsyncOS). Its bounce text:
 *   The following message to <a@b> was undeliverable.
 *   The reason for the problem:
 *   5.1.0 - Unknown address error 550-'5.1.1 <a@b>: Recipient address rejected: User unknown'
 * i.e. AsyncOS's own code and category, then the remote reply code and the reply in quotes; or only the
 * category and a note ("5.4.7 - Delivery expired (message too old) 'timeout'"). A delivery-status part
 * follows. Shape from bounces quoted in public mailing-list archives. (Amazon SES's older bounces use
 * the same text and are read by the SES reader.)
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, fact, type Fact, mergeWithDsn, normalizeAddress, splitLines, sweep } from './common';

const MARKERS = {
  intro: /^The following message to <([^<>\s]+@[^<>\s]+)> was undeliverable\.\s*$/,
  reason: /^The reason for the problem:\s*$/,
  /** "5.1.0 - Unknown address error 550-'…'" */
  line: /^([245]\.\d{1,3}\.\d{1,3})\s+-\s+(.*?)(?:\s+(?:(\d{3})-)?(['"])([\s\S]*)\4)?\s*$/,
} as const;

/**
 * AsyncOS's reason line → the remote reply (code and quoted words) when it carries one, else AsyncOS's
 * own words; the leading code is AsyncOS's verdict and stands as the status when the reply has none.
 */
export function asyncosReason(reason: string): { status?: string; diagnostic: string } {
  // replies quoted by AsyncOS keep their line breaks as a literal "\n" and the repeated code
  const text = sweep(reason).replace(/\\n(?:[245]\.\d{1,3}\.\d{1,3}\s+)?/g, ' ').replace(/(?<!\s)\s*\(delivery attempts: \d+\)\s*$/, ''); // (?<!\s): from the start of a run of spaces only, not from each space in it
  const m = MARKERS.line.exec(text);
  if (!m) return { diagnostic: text };
  if (m[3] && m[5] !== undefined) return { status: m[1], diagnostic: `${m[3]} ${sweep(m[5])}` };
  return { status: m[1], diagnostic: sweep(text.slice(m[1].length).replace(/^\s*-\s*/, '')) };
}

/** Built once (not per call), so its patterns' literal pre-checks are worked out once too. */
const UNDELIVERABLE = detectBy({ all: [{ body: /^The following message to <[^<>\s]+@[^<>\s]+> was undeliverable\./m }, { body: /^The reason for the problem:/m }] });

export const ironportReader: TextReader = {
  id: 'ironport',
  name: 'Cisco Secure Email (IronPort)',
  // the cheap fingerprint first; Amazon SES once sent the same text
  detect: (view) => UNDELIVERABLE(view) && !/amazonses\.com/i.test(view.from + (view.deliveryStatus ?? '')),
  extract(view) {
    const recipients: Fact[] = [];
    const lines = splitLines(view.body);
    for (let i = 0; i < lines.length; i++) {
      const intro = MARKERS.intro.exec(lines[i].trim());
      if (!intro) continue;
      const start = lines.findIndex((l, j) => j > i && MARKERS.reason.test(l.trim()));
      if (start < 0) continue;
      const reasonLines: string[] = [];
      for (let j = start + 1; j < lines.length && lines[j].trim() && !MARKERS.intro.test(lines[j].trim()); j++) reasonLines.push(lines[j].trim());
      recipients.push(fact({ address: normalizeAddress(intro[1]), ...asyncosReason(reasonLines.join(' ')) }));
    }
    // the Diagnostic-Code repeats AsyncOS's line, so it is read the same way
    const dsn = dsnFacts(view).map((d) => (d.diagnostic ? fact({ ...d, ...asyncosReason(d.diagnostic), status: d.status }) : d));
    return extraction(mergeWithDsn(recipients, dsn));
  },
};
