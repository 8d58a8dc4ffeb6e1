/**
 * Zoho Mail. X-ZohoMail header, From mailer-daemon@mail.zoho.com; failures read
 * "a@b Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <a@b>... User Unknown" and delay warnings
 * "[Status: Error, Address: <a@b>, ResponseCode 421, , Host not reachable.]". Shape from the public
 * corpus samples (Sisimai's Lhost::Zoho, BSD-2-Clause, reads the same lines).
 */
import type { TextReader } from '../types';
import { detectBy, extraction, fact, type Fact, hasInnerAt, splitLines, sweep } from './common';

const MARKERS = {
  /** The address token is checked with hasInnerAt (a `\S+@\S+` here is quadratic on a line of "@"). */
  failure: /^(\S+)\s+(.*?ERROR_CODE\s*:\s*(\d{3})\b.*)$/,
  delay: /^\[Status:\s*(\w+),\s*Address:\s*<([^>]+)>,\s*ResponseCode\s*(\d{3})?,\s*(.*?)\]\s*$/,
  warning: /^THIS IS A WARNING MESSAGE ONLY/m,
} as const;

function failureLine(line: string): RegExpExecArray | null {
  const m = MARKERS.failure.exec(line);
  return m && hasInnerAt(m[1] as string) ? m : null;
}

export const zohoReader: TextReader = {
  id: 'zoho',
  name: 'Zoho Mail',
  detect: detectBy(
    { any: [{ header: 'x-zohomail', pattern: /./ }, { from: /mailer-daemon@(?:mail\.)?zoho(?:mail)?\.(?:com|eu|in)/i }] },
    { any: [{ body: /ERROR_CODE\s*:\s*\d{3}, ERROR_CODE\s*:/ }, { body: /^\[Status: \w+, Address: </m }] },
  ),
  extract(view) {
    const recipients: Fact[] = [];
    for (const line of splitLines(view.body)) {
      const t = line.trim();
      const f = failureLine(t);
      const d = MARKERS.delay.exec(t);
      if (f) recipients.push(fact({ address: f[1], diagnostic: f[2], replyCode: f[3] }));
      else if (d) recipients.push(fact({ address: d[2], diagnostic: sweep(d[4].replace(/^[,\s]+/, '')), ...(d[3] ? { replyCode: d[3] } : {}) }));
    }
    const delayed = MARKERS.warning.test(view.body) || /\(Delay\)/i.test(view.subject);
    return extraction(recipients, delayed ? 'delay' : undefined);
  },
};
