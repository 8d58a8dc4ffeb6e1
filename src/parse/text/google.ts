/**
 * Gmail / Google Workspace and Google Groups bounces.
 *  - 2015+: "** Address not found **" / "** Message not delivered **" / "** Message blocked **" /
 *    "** Delivery incomplete **", "Your message wasn't delivered to X because …", "The response from the
 *    remote server was:" + the reply.
 *  - older: "Delivery to the following recipient failed permanently:" / "… has been delayed:", the
 *    address indented, "Technical details of permanent failure:", "The error that the other server returned was:".
 *  - Google Groups: "the group you tried to contact (…) may not exist, or you may not have permission to post".
 * Shape: Gmail DSN templates as seen in public corpora and Google's SMTP error reference (ndr-facts.md §4.1);
 * markers as in Sisimai's Lhost/Gmail and Lhost/GoogleGroups (BSD-2-Clause).
 */
import { findAddresses, normalizeAddress } from '../address';
import type { OriginalMessage } from '../types';
import { addressLinesFrom, joinLines, mentions, mergeSameAddress, type Fact, markerSet } from './common';
import type { Extraction, MessageView, TextReader } from './types';

/** Only Google writes these; "Delivery to the following recipient failed permanently" alone is not enough
 *  (other systems copied the wording), so it counts only in a report from Google. */
const GMAIL_FINGERPRINTS = markerSet([
  ['** ', /^[ \t]*\*\* (?:Address not found|Message not delivered|Message blocked|Delivery incomplete|Message rejected) \*\*/m],
  'Technical details of permanent failure:',
  'Technical details of temporary failure:',
  'Google tried to deliver your message',
  // the same bounce as the Gmail web UI shows it (and users copy it): no "**" around the headline
  ["wasn't delivered to ", /Your message wasn't delivered to [^\s@]+@[^\s@]+ because /],
  ['problem delivering your message to ', /There was a (?:temporary )?problem delivering your message to [^\s@]+@[^\s@]+\. (?:See the technical details below|Gmail will retry)/],
  ['has been blocked. See technical details below', /Your message to [^\s@]+@[^\s@]+ has been blocked\. See technical details below/],
]);
const DELAY = /\*\* Delivery incomplete \*\*|Delivery to the following recipients? has been delayed|Technical details of temporary failure|There was a temporary problem delivering your message|will retry for \d+ more hours?/i;
/** Sentences of the 2015+ format that name the recipient. */
const SENTENCE_ADDRESS = /(?:wasn't delivered to|was not delivered to|couldn't be delivered to|problem delivering your message to|Your message to|delivering your message to)\s+<?([^\s<>@]+@[^\s<>@]*[^\s<>.,@])>?/i;
const RESPONSE = /^(?:The response (?:from the remote server )?was|The error that the other server returned was):\s*(.*)$/im;
const OLD_LIST = /^Delivery to the following recipients? (?:failed permanently|has been delayed|failed)[^\n]*:?[ \t]*$/im;
const TECHNICAL = /Technical details of (?:permanent|temporary) failure:\s*/i;

function response(body: string): string {
  const m = RESPONSE.exec(body);
  if (!m) return '';
  const rest = body.slice(m.index + m[0].length);
  // the reply runs to the first blank line (or a "----- Original message" line, already cut off)
  const lines = [m[1], ...rest.split('\n')];
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && !lines[i].trim()) break;
    out.push(lines[i]);
  }
  return joinLines(out);
}

function extractGmail(view: MessageView): Extraction | undefined {
  const body = view.body;
  const kind = DELAY.test(body) || /\(Delay\)/.test(view.subject) ? ('delay' as const) : undefined;
  const recipients: Fact[] = [];
  const reply = response(body);
  const old = OLD_LIST.exec(body);
  if (old) {
    for (const address of addressLinesFrom(body, old.index + old[0].length)) recipients.push({ address, diagnostic: '' });
    const tech = TECHNICAL.exec(body);
    // the technical details run to the first blank line
    const afterTech = tech ? body.slice(tech.index + tech[0].length) : '';
    const blank = /\n[ \t]*\n/.exec(afterTech.replace(/^\s+/, ''));
    const details = blank ? afterTech.replace(/^\s+/, '').slice(0, blank.index) : afterTech;
    const diag = reply || joinLines(details.split('\n'));
    // "…rejected by the server for the recipient domain example.org by mx.example.org. [192.0.2.3]."
    const server = / by ([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\.? \[([0-9a-fA-F.:]+)\]/.exec(details);
    for (const r of recipients) {
      r.diagnostic = diag;
      if (server) {
        r.remoteHost = server[1].toLowerCase();
        r.remoteIp = server[2];
      }
    }
  } else {
    const m = SENTENCE_ADDRESS.exec(body);
    const addresses = m ? [normalizeAddress(m[1])] : (view.headers.get('x-failed-recipients') ?? '').split(',').map((s) => normalizeAddress(s)).filter(Boolean);
    const sentence = m ? body.slice(body.lastIndexOf('\n', m.index) + 1).split('\n')[0] : '';
    for (const a of addresses) if (a) recipients.push({ address: a, diagnostic: reply || joinLines([sentence]) });
  }
  if (!recipients.length) return undefined;
  return { recipients, ...(kind ? { kind } : {}) };
}

export const gmail: TextReader = {
  id: 'gmail',
  name: 'Gmail / Google Workspace',
  detect: (view) => mentions(view, GMAIL_FINGERPRINTS) || /mailer-daemon@google(?:mail)?\.com/i.test(view.from),
  extract: extractGmail,
};

const GROUPS_FINGERPRINTS = markerSet(['the group you tried to contact (', ['Google Groups', /^Google Groups[ \t]*$/m], ['が存在しないか', /グループ（[^）]+）が存在しないか/]]);

/**
 * Google Workspace Admin console, Email Log Search → message details, copied from the browser:
 * "Message details" rows (Subject, Sender, Recipient, Date, Message ID, label and value separated by a
 * tab, or spaces once a chat tool has eaten the tab) and "Recipient details": each recipient's address,
 * then one line per delivery step with its date, state and description. States as named in Google's
 * help "Interpret Email Log Search results"; the exact step wording varies, so only the state word and
 * the description's own reply and host are relied on.
 */
const LOG_SEARCH_STATES: Readonly<Partial<{ [state: string]: 'bounce' | 'delay' }>> = {
  bounced: 'bounce', rejected: 'bounce', dropped: 'bounce', 'delivery failed': 'bounce', deferred: 'delay', 'delivery delayed': 'delay', pending: 'delay',
};
/** A step's state column and its description; the column before it is checked by hand (a regex that
 *  starts with a run of spaces rescans long runs of them). */
const STEP = /(Bounced|Rejected|Dropped|Delivery failed|Deferred|Delivery delayed|Pending)(?:\t| {2,})(\S.*)$/;

function stepOf(line: string): RegExpExecArray | null {
  const m = STEP.exec(line);
  if (!m) return null;
  const before = line.slice(Math.max(0, m.index - 2), m.index);
  return before.endsWith('\t') || before === '  ' ? m : null;
}
const ROW = /^[ \t]*(Subject|Sender|Date|Message ID)(?:\t| {2,}|:[ \t]*)(\S.*)$/;

function extractLogSearch(view: MessageView): Extraction | undefined {
  const at = /^[ \t]*Recipient details[ \t]*$/m.exec(view.body);
  if (!at) return undefined;
  const recipients: Fact[] = [];
  let kind: 'bounce' | 'delay' | undefined;
  let address = '';
  for (const line of view.body.slice(at.index + at[0].length).split('\n')) {
    const t = line.trim();
    if (!t || t.length > 4096) continue;
    if (!/\s/.test(t) && t.includes('@')) {
      address = normalizeAddress(t);
      continue;
    }
    const step = stepOf(line);
    if (!step) continue;
    const stepKind = LOG_SEARCH_STATES[step[1].toLowerCase()];
    if (!stepKind) continue;
    kind = kind === 'bounce' ? kind : stepKind;
    const host = /\(([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+), ([0-9a-fA-F.:]+)\)/.exec(step[2]);
    recipients.push({ address, diagnostic: step[2].trim(), ...(host ? { remoteHost: host[1].toLowerCase(), remoteIp: host[2] } : {}) });
  }
  if (!recipients.length) return undefined;
  const original: OriginalMessage = {};
  for (const line of view.body.slice(0, at.index).split('\n')) {
    const row = line.length < 1024 ? ROW.exec(line) : null;
    if (!row) continue;
    if (row[1] === 'Subject' && !original.subject) original.subject = row[2].trim();
    else if (row[1] === 'Sender' && !original.from) original.from = normalizeAddress(row[2]);
    else if (row[1] === 'Date' && !original.date) original.date = row[2].trim();
    else if (row[1] === 'Message ID' && !original.messageId) original.messageId = row[2].trim().replace(/^<|>$/g, '');
  }
  return { recipients: mergeSameAddress(recipients), ...(kind ? { kind } : {}), ...(Object.keys(original).length ? { original } : {}) };
}

const LOG_SEARCH_FINGERPRINTS = markerSet([['Recipient details', /^[ \t]*Recipient details[ \t]*$/m]]);

export const googleLogSearch: TextReader = {
  id: 'gmail',
  name: 'Google Workspace Email Log Search',
  detect: (view) => mentions(view, LOG_SEARCH_FINGERPRINTS) && /^[ \t]*Message details[ \t]*$/m.test(view.body.slice(0, 8192)),
  extract: extractLogSearch,
};

export const googlegroups: TextReader = {
  id: 'googlegroups',
  name: 'Google Groups',
  detect: (view) => mentions(view, GROUPS_FINGERPRINTS) || /@googlegroups\.com/i.test(view.headers.get('x-failed-recipients') ?? ''),
  extract(view) {
    const failed = (view.headers.get('x-failed-recipients') ?? '').split(',').map((s) => normalizeAddress(s)).filter(Boolean);
    const group = /\(([^()\s]+)\)/.exec(view.body)?.[1] ?? /（([^（）\s]+)）/.exec(view.body)?.[1];
    const fromOriginal = view.originalHeaders?.getAll('to').flatMap(findAddresses).find((a) => !group || a.startsWith(group + '@'));
    const addresses = failed.length ? failed : fromOriginal ? [fromOriginal] : [];
    // the diagnostic is the explanation itself: the paragraphs before the sign-off
    const paragraphs = view.body.split(/\n\s*\n/).filter((p) => p.trim());
    const diagnostic = joinLines(paragraphs.slice(0, Math.max(1, paragraphs.length - 1)).join('\n').split('\n'));
    if (!addresses.length) return undefined;
    return { recipients: addresses.map((address) => ({ address, diagnostic })) };
  },
};
