/**
 * Postfix bounce(8) reports: "This is the mail system at host …", then one paragraph per recipient,
 * "<rcpt>: host mx[ip] said: 550 … (in reply to RCPT TO command)", wrapped with 4-space indents.
 * Shape: Postfix bounce templates (bounce_template.c / bounce(5)); markers as in Sisimai's
 * Lhost/Postfix (BSD-2-Clause).
 */
import { findAddresses, normalizeAddress } from '../address';
import { commandFromWord } from '../smtp-reply';
import { blocks, joinLines, mentions, section, type Fact, markerSet } from './common';
import type { MessageView, TextReader } from './types';

const FINGERPRINTS = markerSet([
  'This is the mail system at host',
  ['Postfix program', /^This is the (?:Postfix program|\S+ Postfix program)\b/m],
  ['The mail system', /^[ \t]+The mail system$/m],
  [' program', /^[ \t]+The (?:Postfix program|Postfix on .+ program|\S+ Postfix program|\S+ program)$/m],
  'Undelivered Mail Returned to Sender',
  'Delayed Mail (still being retried)',
  'Postfix SMTP server: errors from',
  ['Transcript of session follows.', /^ ?(?:In|Out): {1,2}\S/m],
  // a recipient paragraph pasted on its own ("<rcpt>: host mx[ip] said: …", "<rcpt>: connect to mx[ip]:25: …")
  [' said: ', /^<[^<>\s@]+@[^<>\s]+>(?: \(expanded from <[^<>\s]+>\))?: host [^\s[]+\[[^\]\s[]+\] said: /m],
  [': connect to ', /^<[^<>\s@]+@[^<>\s]+>: connect to [^\s[]+\[[^\]\s[]+\]:\d+: /m],
]);
const START = /^[ \t]+The (?:mail system|Postfix program|Postfix on .+ program|\S+ Postfix program|\S+ program)$|^# THIS IS A WARNING ONLY|^This is the mail system at host .*$/m;
const OPENER = /^<([^<>\s]+)>(?: \(expanded from <[^<>]+>\))?:[ \t]*(.*)$/;
const DELAY = /THIS IS A WARNING ONLY|Delayed Mail \(still being retried\)|message could not be delivered for \d+ (?:hours?|days?)/;

/**
 * The Postfix SMTP server's own error notice to the postmaster ("Postfix SMTP server: errors from X"):
 * the session as " In: RCPT TO:<…>" / " Out: 451 4.3.0 …" lines. The last error reply is the problem.
 */
function smtpdSession(body: string): Fact[] {
  const turns: { dir: string; text: string }[] = [];
  for (const line of body.split('\n')) {
    const m = /^ ?(In|Out): +(.*)$/.exec(line);
    if (m) turns.push({ dir: m[1], text: m[2].trim() });
    else if (turns.length && /^\s{4,}\S/.test(line)) turns[turns.length - 1].text += ' ' + line.trim();
  }
  const recipients = turns.filter((t) => t.dir === 'In' && /^RCPT TO:/i.test(t.text)).map((t) => normalizeAddress(t.text.slice(8).split(/\s/)[0]));
  const errorAt = turns.map((t) => t.dir === 'Out' && /^[45]\d\d[ -]/.test(t.text)).lastIndexOf(true);
  if (errorAt < 0) return [];
  const command = turns.slice(0, errorAt).reverse().find((t) => t.dir === 'In')?.text.split(/[\s:]/)[0];
  const cmd = command ? commandFromWord(command) : undefined;
  return (recipients.length ? recipients : ['']).map((address) => ({ address, diagnostic: turns[errorAt].text, ...(cmd ? { command: cmd } : {}) }));
}

export const postfix: TextReader = {
  id: 'postfix',
  name: 'Postfix',
  detect: (view) => mentions(view, FINGERPRINTS),
  extract(view: MessageView) {
    const text = section(view.body, START) ?? view.body;
    const recipients: Fact[] = blocks(text, { opener: OPENER, closer: /^-{3,}|^Reporting-MTA:/ }).map((b) => ({
      address: b.address,
      diagnostic: joinLines(b.lines),
    }));
    if (!recipients.length && view.body.includes('Transcript of session follows.')) recipients.push(...smtpdSession(view.body));
    if (!recipients.length && /--- Delivery report unavailable ---/.test(view.body)) {
      const to = view.originalHeaders?.getAll('to').flatMap(findAddresses) ?? [];
      for (const a of to) recipients.push({ address: a, diagnostic: '' });
    }
    const kind = DELAY.test(view.body) || DELAY.test(view.subject) ? 'delay' : undefined;
    return recipients.length || kind ? { recipients, ...(kind ? { kind } : {}) } : undefined;
  },
};
