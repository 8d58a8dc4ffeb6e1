/**
 * Mimecast. Its own delivery-failure notice (From postmaster, X-MC-System / X-Mimecast-* headers):
 *   This is a delivery failure notification message indicating that
 *   an email you addressed to email address :
 *   -- a@b
 *   could not be delivered. The problem appears to be :
 *   -- Recipient email address is possibly incorrect
 *   Additional information follows :
 *   -- 5.7.54 SMTP; Unable to relay recipient in non-accepted domain
 * and a delivery-status part written "Field : value". Shape from the public corpus sample.
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, fact, type Fact, mergeWithDsn, normalizeAddress, splitLines, sweep } from './common';

const MARKERS = {
  intro: /^This is a delivery failure notification message indicating that/m,
  section: /(email address|The problem appears to be|Additional information follows)\s*:\s*$/i,
  item: /^--\s+(.*)$/,
} as const;

export const mimecastReader: TextReader = {
  id: 'mimecast',
  name: 'Mimecast',
  // X-MC-System / X-Mimecast-* also stamp ordinary mail that passed Mimecast (auto-replies too)
  detect: detectBy({ any: [{ body: MARKERS.intro }] }),
  extract(view) {
    let sectionName = '';
    const addresses: string[] = [];
    const problem: string[] = [];
    const detail: string[] = [];
    for (const raw of splitLines(view.body)) {
      const line = raw.trim();
      const s = MARKERS.section.exec(line);
      if (s) {
        sectionName = s[1].toLowerCase();
        continue;
      }
      const item = MARKERS.item.exec(line);
      if (!item) continue;
      if (sectionName === 'email address') addresses.push(normalizeAddress(item[1]));
      else if (sectionName.startsWith('the problem')) problem.push(item[1]);
      else if (sectionName.startsWith('additional')) detail.push(item[1]);
    }
    // "-- 5.7.54 SMTP; Unable to relay …": the server's words follow the status and the type
    const words = sweep(detail.join(' ')).replace(/^([245]\.\d{1,3}\.\d{1,3})\s+SMTP;\s*/i, '$1 ');
    const fromText: Fact[] = addresses.map((a) => fact({ address: a, diagnostic: words || sweep(problem.join(' ')) }));
    return extraction(mergeWithDsn(fromText, dsnFacts(view)));
  },
};
