/**
 * Exchange 2000/2003 reports (and the Exchange 2003-era DSN text that older Outlook.com servers wrote):
 *  - NDR: "Your message did not reach some or all of the intended recipients." … "The following
 *    recipient(s) could not be reached:" / IMS "did not reach the following recipient(s):", then
 *    "rcpt on <date>" and indented reason lines ending in "<server #5.1.1>" or "(server #4.4.7)".
 *  - Delay DSN: "This is an automatically generated Delivery Status Notification. THIS IS A WARNING
 *    MESSAGE ONLY. YOU DO NOT NEED TO RESEND YOUR MESSAGE. Delivery to the following recipients has
 *    been delayed." then the addresses.
 * Shape: KB 329636 (../shared/seed/), KB 284204 NDR layout; markers as in Sisimai's Lhost/Exchange2003
 * (BSD-2-Clause).
 */
import { normalizeAddress } from '../address';
import type { OriginalMessage } from '../types';
import { blocks, joinLines, mentions, section, type Fact, markerSet } from './common';
import type { MessageView, TextReader } from './types';

const NDR_START = /^[ \t]*(?:The following recipient\(s\) could not be reached:|did not reach the following recipient\(s\):|Your message did not reach some or all of the intended recipients\.?)[ \t]*$/im;
const NDR_LIST = /^[ \t]*(?:The following recipient\(s\) could not be reached:|did not reach the following recipient\(s\):)[ \t]*$/im;
const DELAY_START = /^[ \t]*Delivery to the following recipients? (?:has|have) been delayed\.?[ \t]*$/im;
const FAILED_START = /^[ \t]*Delivery to the following recipients? failed(?: permanently)?\.?[ \t]*$/im;
const FINGERPRINTS = markerSet([
  ['could not be reached', NDR_START],
  ['did not reach', NDR_START],
  ['been delayed', DELAY_START],
  ['following recipient', FAILED_START],
  'THIS IS A WARNING MESSAGE ONLY',
  'MSEXCH:',
]);
/** "rcpt on <date>" (or a display name when the NDR has no address). */
const RECIPIENT_ON = /^[ \t]*(\S.*?) on (?:\w{3}, )?\d{1,4}[/ -][^\n]*$|^[ \t]*(\S.*?) on date and time[ \t]*$/;

/** The visible "Subject:/Sent:" lines some NDRs carry about the original message. */
function visibleOriginal(body: string): OriginalMessage | undefined {
  const subject = /^[ \t]*Subject:[ \t]*(.+)$/m.exec(body)?.[1]?.trim();
  const sent = /^[ \t]*Sent:[ \t]*(.+)$/m.exec(body)?.[1]?.trim();
  const to = /^[ \t]*To:[ \t]*(.+)$/m.exec(body)?.[1]?.trim();
  const out: OriginalMessage = {};
  if (subject) out.subject = subject;
  if (sent) out.date = sent;
  const toAddr = normalizeAddress(to);
  if (toAddr) out.to = [toAddr];
  return Object.keys(out).length ? out : undefined;
}

/** Addresses listed one per line after a marker, up to the first line that is not one (a stray
 *  line or two before the list is skipped). */
function listedAddresses(text: string): string[] {
  const out: string[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) {
      if (out.length) break;
      continue;
    }
    const a = t.length <= 512 ? normalizeAddress(t.split(/\s+/)[0]) : '';
    if (!a) {
      if (out.length || ++skipped > 2) break;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** "<mail.contoso.com #5.1.1>" / "(server.contoso.com #4.4.7)" / "<mail.contoso.com #5.7.0 smtp;530 …>":
 *  the server that wrote the NDR, and the code. */
const SERVER_CODE = /[<(]([A-Za-z0-9.-]+) #([45]\.\d{1,3}\.\d{1,3})(?=[\s>)])/;

/** "rcpt on <date>" (short lines only). */
function recipientOn(line: string): readonly [string] | undefined {
  if (line.length > 512 || !line.includes(' on ')) return undefined;
  const m = RECIPIENT_ON.exec(line);
  return m ? [m[1] ?? m[2]] : undefined;
}

/** A fragment's recipient line may also be the address alone ("bob@fabrikam.com"). */
function recipientLine(line: string): readonly [string] | undefined {
  const on = recipientOn(line);
  if (on) return on;
  const t = line.trim();
  return t.length <= 320 && t.includes('@') && !/\s/.test(t) && normalizeAddress(t) ? [t] : undefined;
}

function ndrBlocks(text: string, opener: (line: string) => readonly [string] | undefined = recipientOn): Fact[] {
  return blocks(text, {
    opener,
    closer: /^_{5,}|^-{5,}/,
  }).map((b) => {
    const address = normalizeAddress(b.address);
    const diagnostic = joinLines(b.lines);
    const fact: Fact = { address, diagnostic };
    const server = SERVER_CODE.exec(diagnostic);
    if (server) {
      fact.reportingMta = server[1].toLowerCase();
      // "<mail.contoso.com #5.7.0 smtp;530 5.7.0 Must issue …>": the remote server's reply, quoted by the IMS
      const quoted = /#[45]\.\d{1,3}\.\d{1,3} smtp;\s*([^>]+)>/i.exec(diagnostic.slice(server.index));
      if (quoted) fact.diagnostic = `${diagnostic.slice(0, server.index).trim()} ${quoted[1].trim()}`.trim();
    }
    if (!address && b.address) fact.extensions = { 'X-Display-Name': b.address.trim() };
    return fact;
  });
}

export const exchange2003: TextReader = {
  id: 'exchange2003',
  name: 'Exchange Server 2000/2003',
  detect: (view) => mentions(view, FINGERPRINTS) || /Internet Mail Service/.test(view.headers.get('x-mailer') ?? ''),
  extract(view: MessageView) {
    const original = visibleOriginal(view.body);
    const list = section(view.body, NDR_LIST);
    if (list !== undefined) {
      const recipients = ndrBlocks(list);
      // the NDR is the final word even when the same text also quotes the earlier delay warning
      if (recipients.length) return { recipients, kind: 'bounce' as const, ...(original ? { original } : {}) };
    }
    const delayed = section(view.body, DELAY_START);
    if (delayed !== undefined) {
      const recipients: Fact[] = listedAddresses(delayed).map((address) => ({ address, diagnostic: '', action: 'delayed' }));
      return { recipients, kind: 'delay' as const, ...(original ? { original } : {}) };
    }
    const failed = section(view.body, FAILED_START);
    if (failed !== undefined) {
      const recipients: Fact[] = listedAddresses(failed).map((address) => ({ address, diagnostic: '' }));
      if (recipients.length) return { recipients };
    }
    return undefined;
  },
};

/**
 * The part of an Exchange 2003 NDR users actually copy: recipient line(s), the reason, and the
 * "<server #x.y.z>" line — without "The following recipient(s) could not be reached:". Registered after
 * the other core readers: a quoted "<host #5.1.1>" inside another system's bounce is that system's report.
 */
const FRAGMENT_MARKER = /[<(][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+ #[45]\.\d{1,3}\.\d{1,3}(?=[\s>)])/;
const FRAGMENT_FINGERPRINTS = markerSet([[' #', FRAGMENT_MARKER]]);

export const exchange2003Fragment: TextReader = {
  id: 'exchange2003',
  name: 'Exchange Server 2000/2003 (NDR fragment)',
  detect: (view) => mentions(view, FRAGMENT_FINGERPRINTS),
  extract(view: MessageView) {
    const recipients = ndrBlocks(view.body, recipientLine).filter((f) => f.address && SERVER_CODE.test(f.diagnostic ?? '') || f.reportingMta);
    if (!recipients.length) return undefined;
    const original = visibleOriginal(view.body);
    return { recipients, kind: 'bounce' as const, ...(original ? { original } : {}) };
  },
};
