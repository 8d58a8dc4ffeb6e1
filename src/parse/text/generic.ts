/**
 * Last resort for reports no specific reader claims: pull recipients and the server's words out of
 * plain prose. Recognises the shapes most mail systems share — "<rcpt>: reason", "rcpt: reason",
 * an SMTP reply line near an address — and the X-Failed-Recipients header.
 */
import { findAddresses, normalizeAddress } from '../address';
import { findStatus } from '../smtp-reply';
import { blocks, joinLines, type Fact } from './common';
import type { MessageView, TextReader } from './types';

/** A line carrying an SMTP reply ("550 5.1.1 …", "550-…", "#5.1.1") or typical refusal words. */
const ERROR_LINE = /(?:^|[\s(:;'"[])[245]\d\d[ -]|#[45]\.\d{1,3}\.\d{1,3}|\b[45]\.\d{1,3}\.\d{1,3}\b|\b(?:user unknown|unknown user|no such (?:user|mailbox|address)|mailbox (?:unavailable|full|is full|not found)|over quota|quota exceeded|does not exist|not found|rejected|refused|denied|blocked|timed out|unreachable|could not be delivered|undeliverable|host not found|unrouteable|did not reach|unable to deliver|cannot be delivered)\b/i;
const OPENERS: readonly RegExp[] = [
  /^\s*<([^<>\s@]+@[^<>\s@]+)>:?[ \t]*(.*)$/, // "<rcpt>: reason" / "<rcpt>"
  /^\s*([^\s<>"@]+@[^\s<>"@:]+):[ \t]+(.*)$/, // "rcpt: reason"
];
/** Phrases that say "this is a delivery failure" even when no specific reader knows the system. */
const NDR_WORDS = /undeliver|could not be delivered|couldn't be delivered|delivery (?:has )?failed|failed permanently|returned mail|delivery status notification|mail delivery (?:failed|system|subsystem)|non-?delivery|permanent(?:ly)? (?:error|failure)|was not delivered|unable to deliver|cannot be delivered|has been delayed|failure notice/i;

function failedRecipients(view: MessageView): string[] {
  return view.headers.getAll('x-failed-recipients').flatMap((v) => v.split(',')).map((s) => normalizeAddress(s)).filter(Boolean);
}

function fromBlocks(body: string): Fact[] {
  for (const opener of OPENERS) {
    const found = blocks(body, { opener }).filter((b) => b.address.includes('@'));
    const facts = found.map((b) => ({ address: b.address, diagnostic: joinLines(b.lines) })).filter((f) => ERROR_LINE.test(f.diagnostic));
    if (facts.length) return facts;
  }
  return [];
}

/** The first error line (with its continuation) and the addresses around it. */
function fromErrorLine(view: MessageView): Fact[] {
  const lines = view.body.split('\n');
  const hasCode = (l: string) => !!findStatus(l) || /(?:^|\s)[245]\d\d[ -]/.test(l);
  // a line with an SMTP code first; else one with refusal words and an address ("User's mailbox is full: <a@b>")
  let at = lines.findIndex((l) => ERROR_LINE.test(l) && hasCode(l));
  if (at < 0) at = lines.findIndex((l) => ERROR_LINE.test(l) && findAddresses(l).length > 0);
  for (let i = at; i >= 0 && i < lines.length; i = lines.length) {
    const chunk = [lines[i]];
    for (let j = i + 1; j < lines.length && lines[j].trim() && chunk.length < 6; j++) chunk.push(lines[j]);
    const diagnostic = joinLines(chunk);
    const near = findAddresses(lines.slice(Math.max(0, i - 3), i + 1).join('\n'));
    const candidates = failedRecipients(view);
    const address = candidates[0] ?? near[near.length - 1] ?? view.originalHeaders?.getAll('to').flatMap(findAddresses)[0] ?? '';
    return [{ address, diagnostic }];
  }
  return [];
}

export const generic: TextReader = {
  id: 'rfc3464',
  name: 'Generic delivery report',
  detect: (view) => NDR_WORDS.test(view.subject) || NDR_WORDS.test(view.body.slice(0, 8192)) || failedRecipients(view).length > 0 || /mailer-daemon|postmaster/i.test(view.from),
  extract(view) {
    let recipients = fromBlocks(view.body);
    if (!recipients.length) recipients = fromErrorLine(view);
    if (!recipients.length) {
      const failed = failedRecipients(view);
      recipients = failed.map((address) => ({ address, diagnostic: '' }));
    }
    return recipients.length ? { recipients } : undefined;
  },
};
