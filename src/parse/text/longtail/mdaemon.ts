/**
 * MDaemon (Alt-N / MDaemon Technologies) and its SecurityGateway. From "MDaemon at <domain>"
 * <MDaemon@…>, X-MDDSN-Message / X-MDaemon-Deliver-To headers, Subject "Permanent Delivery Failure";
 * the text:
 *   MDaemon Delivery Status Notification - http://www.altn.com/dsn/
 *   The attached message had PERMANENT fatal delivery errors.
 *   --- Session Transcript ---
 *    Wed 2013-09-11 12:22:04: *  To: user@example.net
 *    Wed 2013-09-11 12:22:04: Attempting SMTP connection to [mx.example.net:25]
 *    Wed 2013-09-11 12:22:05: --> RCPT To:<user@example.net>
 *    Wed 2013-09-11 12:22:05: <-- 550 5.1.1 <user@example.net>: Recipient address rejected: User unknown
 *   --- End Transcript ---
 * Shape from public bounce-parser sources that quote real MDaemon and SecurityGateway reports
 * (an MDaemon DSN quoted in a Java bounce parser's comments; a SecurityGateway report in a test suite).
 */
import type { TextReader } from '../types';
import { angleAddress, commandIn, detectBy, dsnFacts, extraction, fact, type Fact, joinReply, mergeWithDsn, normalizeAddress, splitLines, sweep } from './common';

const MARKERS = {
  from: /MDaemon(?: at |@)/i,
  intro: /MDaemon Delivery Status Notification|SecurityGateway for Email Servers Non-Delivery Report|The attached message had PERMANENT fatal delivery errors/,
  transcript: /^---\s*Session Transcript\s*---/m,
  delay: /The attached message had TRANSIENT|YOU DO NOT NEED TO RESEND/i,
  /** " Wed 2013-09-11 12:22:04: " in front of every transcript line. */
  stamp: /^\s*(?:\w{3}\s+)?\d{4}-\d\d-\d\d\s+\d\d:\d\d:\d\d(?:\.\d+)?:\s?/,
  failed: /^Failed address:\s*<?([^\s<>]+@[^\s<>]+?)>?\s*$/i,
  short: /^([^\s@]+@[^\s@]+)\s+-\s+(.+)$/,
} as const;

interface Step { command?: string; rcpt?: string; reply: string[] }

export const mdaemonReader: TextReader = {
  id: 'mdaemon',
  name: 'MDaemon / SecurityGateway',
  detect: detectBy(
    { any: [{ from: MARKERS.from }, { header: 'x-mddsn-message', pattern: /./ }, { header: 'x-mdaemon-deliver-to', pattern: /./ }, { from: /SecurityGateway/i }] },
    { any: [{ body: MARKERS.intro }] },
  ),
  extract(view) {
    const lines = splitLines(view.body);
    const listed: string[] = [];
    const toLines: string[] = [];
    const steps: Step[] = [];
    const notes: string[] = [];
    let host: string | undefined;
    let short: Fact | undefined;
    let inTranscript = false;
    for (const raw of lines) {
      const failed = MARKERS.failed.exec(raw.trim());
      if (failed) listed.push(normalizeAddress(failed[1]));
      if (/---\s*Session Transcript\s*---/.test(raw)) inTranscript = true;
      if (/---\s*End Transcript\s*---/.test(raw)) inTranscript = false;
      if (!inTranscript) {
        const s = !short && MARKERS.short.exec(raw.trim());
        if (s && /no such user|unknown|not exist|mailbox/i.test(s[2])) short = fact({ address: s[1], diagnostic: s[2] });
        continue;
      }
      const line = raw.replace(MARKERS.stamp, '').trim();
      const to = /^\*\s+To:\s*(.*)$/.exec(line);
      const conn = /^Attempting SMTP connection to \[([^\]]+)\]/.exec(line);
      const sent = /^-->\s*(.*)$/.exec(line);
      const got = /^<--\s*(.*)$/.exec(line);
      if (to) toLines.push(...to[1].split(/[,;]\s*/).map((a) => normalizeAddress(a)).filter(Boolean));
      else if (conn) host = conn[1].replace(/:\d+$/, '').toLowerCase();
      else if (sent) steps.push({ command: commandIn(sent[1]), rcpt: angleAddress(sent[1]), reply: [] });
      else if (got && steps.length) steps[steps.length - 1].reply.push(got[1]);
      else if (/^\*\s+/.test(line) && !/^\*\s+(?:From|To|Subject|Size|Message-ID|Route slip)/i.test(line)) notes.push(line.replace(/^\*\s+/, ''));
    }
    const failing = steps.filter((s) => s.reply.some((r) => /^[45]/.test(r)));
    const addresses = listed.length ? listed : toLines.length ? toLines : failing.map((s) => normalizeAddress(s.rcpt)).filter(Boolean);
    const recipients: Fact[] = addresses.map((address) => {
      const step = failing.find((s) => s.rcpt && normalizeAddress(s.rcpt).toLowerCase() === address.toLowerCase()) ?? failing[failing.length - 1];
      return fact({
        address,
        diagnostic: step ? joinReply(step.reply.filter((r) => /^[45]/.test(r))) : sweep(notes.join(' ')),
        ...(step?.command ? { command: step.command } : {}),
        ...(host ? (/^[\d.]+$/.test(host) ? { remoteIp: host } : { remoteHost: host }) : {}),
      });
    });
    if (!recipients.length && short) recipients.push(short);
    return extraction(mergeWithDsn(recipients, dsnFacts(view)), MARKERS.delay.test(view.body) ? 'delay' : undefined);
  },
};
