/**
 * qmail clones and qmail-based provider MTAs (Sisimai's X2 and X4 shapes): an intro other than
 * qmail-send's own ("Message from example.com. Unable to deliver message to the following
 * address(es).", "Su mensaje no pudo ser entregado", "We're sorry." …), then "<a@b>:" and the reason in
 * qmail-remote's words ("… does not like recipient.", "Remote host said: …", "Giving up on …").
 * Intros and qmail-remote.c phrases as collected in Sisimai's Lhost::X2/X4 (BSD-2-Clause); shape from
 * the public corpus samples. Plain qmail-send reports ("Hi. This is the qmail-send program") belong to
 * the qmail reader.
 */
import type { TextReader } from '../types';
import { blocksBy, cutAt, detectBy, extraction, fact, splitLines, sweep } from './common';

const INTROS = new RegExp(
  '^(?:' + [
    'Message from \\S+\\.',
    'Unable to deliver message to the following address',
    'He/Her is not .+ user',
    'Su mensaje no pudo ser entregado',
    'This is the machine generated message from mail service',
    'Unfortunately, your mail was not delivered to the following address:',
    'Your mail message to the following address',
    'Your message to the following addresses',
    "We're sorry\\.",
  ].join('|') + ')',
  'm',
);

/** qmail-remote's sentences and the SMTP stage each one names. */
const STAGES: readonly { pattern: RegExp; command: string }[] = [
  { pattern: /Connected to \S+ but greeting failed\./, command: 'CONN' },
  { pattern: /Connected to \S+ but my name was rejected\./, command: 'EHLO' },
  { pattern: /Connected to \S+ but sender was rejected\./, command: 'MAIL' },
  // one \S, not \S+: only tested, and \S+ rescans a long run of non-space from each of its characters
  { pattern: /\S does not like recipient\./, command: 'RCPT' },
  { pattern: /\S failed on DATA command\.|\S failed after I sent the message\./, command: 'DATA' },
  { pattern: /Sorry, I wasn't able to establish an SMTP connection/, command: 'CONN' },
];
const HOST = /Giving up on (\S+?)\.?$|Connected to ([\w.-]+) |^([\w.:-]+) (?:does not like recipient|failed on DATA command|failed after I sent the message)|remote host (\S+) said:/im;

const MARKERS = {
  recipient: /^(?:To\s*:\s*)?<([^<>\s]+@[^<>\s]+)>:\s*$/,
  original: [/^--- ?(?:Below this line is a copy of the message|Original message follows)\.?/m, /^--- Enclosed (?:is|are) a copy/m],
} as const;

export const qmailcloneReader: TextReader = {
  id: 'qmail-clone',
  name: 'qmail-based MTA (Sisimai X2/X4 shapes)',
  detect: detectBy({
    all: [{ body: INTROS }, { body: /^(?:To\s*:\s*)?<[^<>\s]+@[^<>\s]+>:\s*$/m }],
  }),
  extract(view) {
    if (/^Hi\. This is the qmail-send program/m.test(view.body)) return undefined;
    const text = cutAt(view.body, MARKERS.original);
    const blocks = blocksBy(splitLines(text), (l) => MARKERS.recipient.exec(l.trim())?.[1]);
    const recipients = blocks.map((b) => {
      const words = sweep(b.lines.join(' '));
      const said = /Remote host said:\s*(.*?)(?:\s+Giving up on \S+)?$/i.exec(words);
      const stage = STAGES.find((s) => s.pattern.test(words));
      const host = HOST.exec(b.lines.join('\n'));
      const remote = host ? (host[1] ?? host[2] ?? host[3] ?? host[4]) : undefined;
      return fact({
        address: b.address,
        diagnostic: said ? said[1] : words,
        ...(stage ? { command: stage.command } : {}),
        ...(remote ? (/^[\d.]+$/.test(remote) ? { remoteIp: remote } : { remoteHost: remote.toLowerCase() }) : {}),
      });
    });
    return extraction(recipients);
  },
};
