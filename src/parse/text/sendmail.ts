/**
 * Sendmail DSNs and V5-era Sendmail returns (one reader: V5 is the same text without the address
 * section). The human part has
 *   "----- The following addresses had permanent fatal errors -----" + "<rcpt>" + "(reason: 550 …)"
 *   "----- Transcript of session follows -----" + "... while talking to mx.:" + ">>> RCPT To:<…>" + "<<< 550 …"
 * V5 Sendmail has only the transcript, with its own summary lines "550 <rcpt>... User unknown".
 * Shape: sendmail/savemail.c and deliver.c texts; markers as in Sisimai's Lhost/Sendmail and
 * Lhost/V5sendmail (BSD-2-Clause).
 */
import { normalizeAddress, sameAddress } from '../address';
import { commandFromWord, findRemoteHost } from '../smtp-reply';
import { collapseWhitespace } from '../whitespace';
import { joinLines, mentions, mergeSameAddress, section, type Fact, markerSet } from './common';
import type { MessageView, TextReader } from './types';

const SENDMAIL_FINGERPRINTS = markerSet([
  ['----- The following addresses ha', /^[ \t]*----- The following addresses ha(?:d|ve) (?:permanent fatal|transient non-fatal) errors -----/m],
  '----- Transcript of session follows -----',
  ['Returned mail: ', /^Returned mail: /],
  'could not send message for past',
]);
const ADDRESS_SECTION = /^[ \t]*----- The following addresses ha(?:d|ve) (?:permanent fatal|transient non-fatal) errors -----$/m;
const TRANSCRIPT = /^[ \t]*----- Transcript of session follows -----$/m;
const SECTION_END = /^[ \t]*----- /m;
const DELAY = /^Warning: could not send message for past|transient non-fatal errors|Will keep trying until message is/m;

interface Exchange {
  command?: string;
  host?: string;
  address?: string;
  reply: string[];
}

interface Summary {
  key: string;
  word: string;
  text: string;
  /** The exchange printed just before this line (Sendmail prints the dialogue, then its conclusion). */
  after?: Exchange;
}

/** ">>> RCPT To:<a@b>" / "<<< 550 …" pairs with the host being talked to, and the summary lines. */
function transcript(text: string): { exchanges: Exchange[]; summaries: Summary[]; free: string[] } {
  const exchanges: Exchange[] = [];
  const summaries: Summary[] = [];
  const free: string[] = [];
  let host: string | undefined;
  let current: Exchange | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const talking = /^(?:\.\.\. )?while talking to ([^\s:]+?)\.?:$/i.exec(line);
    if (talking) {
      host = talking[1].toLowerCase();
      current = undefined;
      continue;
    }
    const sent = /^>>> (\S+)(?: (?:To|From):)?(.*)$/i.exec(line);
    if (sent) {
      current = { command: commandFromWord(sent[1]), host, reply: [] };
      const addr = normalizeAddress(sent[2]);
      if (addr) current.address = addr;
      exchanges.push(current);
      continue;
    }
    const got = /^<<< (.*)$/.exec(line);
    if (got) {
      if (current) current.reply.push(got[1]);
      continue;
    }
    if (!line) continue;
    if (/^(?:\d{3} )?\S+ \(\w+\)\.\.\. /.test(line)) {
      current = undefined; // "550 example.org (smtp)... 550 Host unknown": a new destination, not the last dialogue
      continue;
    }
    const m = SUMMARY_LINE.exec(line);
    if (!m) {
      // Sendmail's own words outside any dialogue: a mailer's output, "554 5.3.0 unknown mailer error 255"
      if (!current) free.push(line);
      continue;
    }
    summaries.push({ key: keyOf(m[2]), word: m[2], text: `${m[1] ?? ''} ${m[3]}`.trim(), ...(current && current.reply.length ? { after: current } : {}) });
  }
  return { exchanges: exchanges.filter((e) => e.reply.length), summaries, free };
}

/** Sendmail's own summary lines: "550 5.1.1 <rcpt>... User unknown", V5 "554 <rcpt>... 550 Host unknown",
 *  or no code at all: "kijitora... Deferred: Connection refused by [127.0.0.1]". */
const SUMMARY_LINE = /^(?:(\d{3})(?: [245]\.\d+\.\d+)? )?<?([^<>\s]+?)>?\.\.\. (.+)$/;

/** The address a line names, or '' for a bare local part ("kijitora"). */
function addressOf(word: string): string {
  return normalizeAddress(word);
}

interface Named {
  key: string; // address or local part, lower case
  fact: Fact;
}

function keyOf(word: string): string {
  return word.replace(/^<|>$/g, '').toLowerCase();
}

function extract(view: MessageView): Fact[] {
  const named: Named[] = [];
  const addrSection = section(view.body, ADDRESS_SECTION, SECTION_END);
  if (addrSection) {
    let current: Fact | undefined;
    for (const raw of addrSection.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      const reason = /^\(reason: (.*?)\)?$/.exec(line);
      if (reason && current) {
        current.diagnostic = joinLines([current.diagnostic ?? '', reason[1]]);
        continue;
      }
      if (line.startsWith('(')) continue; // "(expanded from: …)"
      const rcpt = /^<?([^<>\s]+?)>?(?:\.\.\.\s*(.*))?$/.exec(line);
      if (rcpt && !/^\s/.test(raw)) {
        current = { address: addressOf(rcpt[1]), diagnostic: rcpt[2] ?? '' };
        named.push({ key: keyOf(rcpt[1]), fact: current });
      } else if (current) {
        current.diagnostic = joinLines([current.diagnostic ?? '', line]);
      }
    }
  }
  const transcriptText = section(view.body, TRANSCRIPT) ?? '';
  const { exchanges, summaries, free } = transcript(transcriptText);
  const context = new Map<Fact, Exchange>();
  // Summary lines name a recipient and what Sendmail concluded; they fill in (or, for V5, create) facts.
  for (const sm of summaries) {
    if (!sm.key.includes('@') && !named.some((n) => n.key === sm.key)) continue;
    const known = named.find((n) => n.key === sm.key);
    const fact = known?.fact ?? (addrSection ? undefined : { address: addressOf(sm.word), diagnostic: sm.text });
    if (!fact) continue;
    if (!known) named.push({ key: sm.key, fact });
    else if (!fact.diagnostic) fact.diagnostic = sm.text;
    if (sm.after && !context.has(fact)) context.set(fact, sm.after);
  }
  const merged = mergeSameAddress(named.map((n) => n.fact));
  for (const f of merged) {
    // the dialogue that names this recipient, else the one its summary line followed, else a lone session reply
    const mine = exchanges.find((e) => sameAddress(e.address, f.address) || (!!f.address && e.reply.some((r) => r.toLowerCase().includes(f.address!.toLowerCase()))));
    const session = mine ?? context.get(f) ?? (exchanges.length === 1 ? exchanges[0] : undefined);
    if (session) {
      if (session.command) f.command = session.command;
      if (session.host) f.remoteHost = session.host;
      const own = f.address ? session.reply.filter((r) => r.toLowerCase().includes(f.address!.toLowerCase())) : [];
      const reply = joinLines(own.length ? own : session.reply);
      if (reply && !squash(f.diagnostic ?? '').includes(squash(reply))) f.diagnostic = f.diagnostic ? `${f.diagnostic} ${reply}` : reply;
    }
    // A reason that is only a number (a local mailer's exit code): the mailer's own output says more.
    const bare = (f.diagnostic ?? '').trim();
    if (/^\d*$/.test(bare) && free.length) f.diagnostic = joinLines(free[free.length - 1].endsWith(bare) ? free : [...free, bare]);
    // Sendmail's queue verdicts ("Message could not be delivered for 5 days", "Warning: message still
    // undelivered after 4 hours") say why a deferral ended; keep them with the reason.
    const verdicts = free.filter((l) => /^(?:Message |Warning: |Will keep trying)/.test(l) && !(f.diagnostic ?? '').includes(l));
    if (verdicts.length) f.diagnostic = joinLines([f.diagnostic ?? '', ...verdicts]);
    if (!f.remoteHost) {
      const h = findRemoteHost(transcriptText);
      if (h.host) f.remoteHost = h.host;
    }
  }
  // No recipient named in the text (the DSN part names it): the transcript's own words still count.
  if (!merged.length && free.length) merged.push({ address: '', diagnostic: joinLines(free) });
  return merged;
}

function squash(s: string): string {
  return collapseWhitespace(s).trim().toLowerCase();
}

export const sendmail: TextReader = {
  id: 'sendmail',
  name: 'Sendmail',
  detect: (view) => mentions(view, SENDMAIL_FINGERPRINTS),
  extract(view) {
    const recipients = extract(view);
    const kind = DELAY.test(view.body) || DELAY.test(view.subject) ? 'delay' : undefined;
    return recipients.length ? { recipients, ...(kind ? { kind } : {}) } : undefined;
  },
};
