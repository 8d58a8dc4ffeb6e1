/**
 * fml (Japanese mailing-list manager). X-MLServer: fml …; the list answers a post it refuses, e.g.
 * "You are not a member of this mailing list <list@example.org>." or "NOT MEMBER article from …".
 * The recipient is the list address the post went to. Shape from the public corpus sample; wording as
 * collected in Sisimai's Lhost::FML (BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { cutAt, detectBy, extraction, fact, firstBracketedAddress, sweep } from './common';

const MARKERS = {
  xmlserver: /fml/i,
  refusal: /You are not a member of this mailing list|NOT MEMBER article from|reject mail (?:from|.{1,200}:)|Spam mail from a spammer is rejected|fml system error message|Loop (?:Alert|Back Warning):|Security Alert/i,
  original: [/^Original mail as follows:/m],
} as const;

export const fmlReader: TextReader = {
  id: 'fml',
  name: 'fml mailing list manager',
  detect: detectBy(
    { all: [{ header: 'x-mlserver', pattern: MARKERS.xmlserver }, { body: MARKERS.refusal }] },
    { all: [{ header: 'x-mlserver', pattern: MARKERS.xmlserver }, { subject: /are not member|NOT MEMBER|rejected/i }] },
  ),
  extract(view) {
    const text = cutAt(view.body, MARKERS.original);
    const paragraph = sweep(text.split(/\n\s*\n/)[0] ?? text);
    const address = firstBracketedAddress(paragraph) || firstBracketedAddress(view.subject) || view.headers.get('x-ml-name') || '';
    return extraction([fact({ address, diagnostic: paragraph })]);
  },
};
