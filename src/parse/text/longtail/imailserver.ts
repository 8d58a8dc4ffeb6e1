/**
 * Ipswitch (Progress) IMail Server. X-Mailer "<SMTP32 v…>", Subject "Undeliverable Mail"; the error
 * lines name the stage ("Unknown user: a@b", "Delivery failed 20 attempts: a@b", "undeliverable to a@b"
 * then "Body of message generated response:" and the reply). Wording from Sisimai's
 * Lhost::IMailServer (BSD-2-Clause); shape from the public corpus samples.
 */
import type { TextReader } from '../types';
import { cutAt, detectBy, extraction, fact, type Fact, joinReply, normalizeAddress, splitLines } from './common';

/** "What happened: address" lines IMail writes per recipient. */
const RECIPIENT_LINE = /^(Unknown user|Invalid final delivery userid|Delivery failed \d+ attempts|User mailbox exceeds allowed size|Requested action not taken: virus detected|Unknown host|[A-Z][\w ]{2,60}?)\s*:\s*<?([^\s<>@]+@[^\s<>]+?)>?\s*$/;
const UNDELIVERABLE_TO = /^undeliverable to\s+<?([^\s<>]+@[^\s<>]+?)>?\s*$/i;

/** IMail's intro to the remote server's reply, and the SMTP stage it names. */
const STAGES: readonly { pattern: RegExp; command: string }[] = [
  { pattern: /SMTP connection failed,|Unexpected connection response from server:/, command: 'CONN' },
  { pattern: /Unexpected response to EHLO\/HELO:/, command: 'EHLO' },
  { pattern: /Server response to MAIL FROM:/, command: 'MAIL' },
  { pattern: /Additional RCPT TO generated following response:/, command: 'RCPT' },
  { pattern: /DATA command generated response:|Body of message generated response:/, command: 'DATA' },
];

const MARKERS = {
  xmailer: /^<SMTP32 v/,
  subject: /^Undeliverable Mail\s*$/,
  lines: /^(?:Unknown user|Invalid final delivery userid|Delivery failed \d+ attempts|undeliverable to)\b.*@/im,
  original: [/^Original message follows\.\s*$/m],
} as const;

export const imailserverReader: TextReader = {
  id: 'imailserver',
  name: 'IMail Server (Ipswitch)',
  detect: detectBy(
    { any: [{ header: 'x-mailer', pattern: MARKERS.xmailer }] },
    { all: [{ subject: MARKERS.subject }, { body: MARKERS.lines }] },
    // pasted text (the "Original message follows." line goes with the original): IMail's own phrases
    { any: [{ body: /^(?:Invalid final delivery userid|Delivery failed \d+ attempts):\s*\S+@/m }, { body: /^(?:Body of message generated response|Additional RCPT TO generated following response|DATA command generated response):/m }] },
  ),
  extract(view) {
    const recipients: Fact[] = [];
    let current: { address: string; first: string; stage?: string; reply: string[] } | undefined;
    const close = () => {
      if (!current) return;
      recipients.push(fact({
        address: current.address,
        diagnostic: current.reply.length ? joinReply(current.reply) : current.first,
        ...(current.stage ? { command: current.stage } : {}),
      }));
      current = undefined;
    };
    for (const line of splitLines(cutAt(view.body, MARKERS.original))) {
      const t = line.trim();
      const r = RECIPIENT_LINE.exec(t);
      const u = UNDELIVERABLE_TO.exec(t);
      if (u || (r && !/^(?:To|CC|From|Subject|Date)$/i.test(r[1]))) {
        close();
        current = u ? { address: normalizeAddress(u[1]), first: '', reply: [] } : { address: normalizeAddress(r![2]), first: r![1], reply: [] };
        continue;
      }
      if (!current || !t) continue;
      const stage = STAGES.find((s) => s.pattern.test(t));
      if (stage) current.stage = stage.command;
      else if (current.stage || /^[245]\d\d[ -]/.test(t)) current.reply.push(t);
    }
    close();
    return extraction(recipients);
  },
};
