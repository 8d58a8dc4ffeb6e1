/**
 * McAfee (Trellix) Email Gateway / Email and Web Security appliance. Header
 * "X-NAI-Header: Modified by McAfee …", Subject "Delivery Status"; the text lists
 * "<address>   (reply)" under "--- The following addresses had delivery problems ---" and a
 * delivery-status part follows. Shape from the public corpus samples (Sisimai's Lhost::McAfee,
 * BSD-2-Clause, reads the same markers).
 */
import type { TextReader } from '../types';
import { detectBy, dsnFacts, extraction, fact, mergeWithDsn, section } from './common';

const MARKERS = {
  header: /Modified by McAfee/i,
  // white space within the line only: \s* with the m flag runs across every following blank line
  list: /^[^\S\r\n\u2028\u2029]*--- The following addresses had delivery problems ---\s*$/m,
  line: /^\s*<([^<>\s]+@[^<>\s]+)>\s+\((.*)\)\s*$/,
} as const;

export const mcafeeReader: TextReader = {
  id: 'mcafee',
  name: 'McAfee Email Gateway',
  detect: detectBy(
    { any: [{ header: 'x-nai-header', pattern: MARKERS.header }] },
    { all: [{ body: MARKERS.list }, { subject: /^Delivery Status$/ }] },
  ),
  extract(view) {
    const fromText = (section(view.body, MARKERS.list) ?? [])
      .map((l) => MARKERS.line.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => fact({ address: m[1], diagnostic: m[2] }));
    return extraction(mergeWithDsn(fromText, dsnFacts(view)));
  },
};
