/**
 * DragonFly Mail Agent (dma), the small MTA of DragonFly BSD and others.
 * Wording from dma's mail.c bounce template and net.c error strings ("%s [%s] did not like our %s:"),
 * as quoted in Sisimai's lhost/via-dragonfly.go (BSD-2-Clause); shape from the public corpus samples.
 *
 *   This is the DragonFly Mail Agent v0.13 at df.example.jp.
 *   There was an error delivering your mail to <user@example.org>.
 *   mx.example.org [192.0.2.25] did not like our RCPT TO:
 *   552 5.2.2 <user@example.org>: Recipient address rejected: Mailbox full
 *   Original message follows.
 */
import type { TextReader } from '../types';
import { cutAt, detectBy, extraction, fact, type Fact, hostAndIp, joinReply, splitLines, commandIn } from './common';

const MARKERS = {
  intro: /^This is the DragonFly Mail Agent\b/m,
  recipient: /^There was an error delivering your mail to <([^>]+)>/,
  /** "host [ip] did not like our RCPT TO:" — the line before the server's reply. */
  peer: /^(\S+)\s+\[([^\]]+)\]\s+did not like our (.+?):\s*$/,
  original: [/^Original message follows\.?$/m, /^Message headers follow\.?$/m],
} as const;

export const dragonflyReader: TextReader = {
  id: 'dragonfly',
  name: 'DragonFly Mail Agent (dma)',
  detect: detectBy({ any: [{ body: MARKERS.intro }] }),
  extract(view) {
    const text = cutAt(view.body, MARKERS.original);
    const recipients: Fact[] = [];
    let current: { address: string; lines: string[]; peer?: RegExpExecArray } | undefined;
    const close = () => {
      if (!current) return;
      const peer = current.peer;
      recipients.push(fact({
        address: current.address,
        diagnostic: joinReply(current.lines),
        ...(peer ? { ...hostAndIp(`${peer[1]} [${peer[2]}]`), command: commandIn(peer[3]) } : {}),
      }));
    };
    for (const line of splitLines(text)) {
      const r = MARKERS.recipient.exec(line);
      if (r) {
        close();
        current = { address: r[1], lines: [] };
        continue;
      }
      if (!current || !line.trim()) continue;
      const p = !current.peer && MARKERS.peer.exec(line);
      if (p) current.peer = p;
      else current.lines.push(line);
    }
    close();
    return extraction(recipients);
  },
};
