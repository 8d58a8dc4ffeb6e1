/**
 * Report shapes several long-tail systems share because they are built on a common MTA: a gateway
 * or provider running Postfix (Zimbra, Sophos, Yandex …), Sendmail (Proofpoint, Active!hunter …) or a
 * qmail clone writes that MTA's text with its own name around it. Only the text readers for those
 * vendors use these; the major MTAs have their own readers elsewhere in parse/text.
 */
import { angleAddress, blocksBy, commandIn, fact, type Fact, hostAndIp, joinReply, normalizeAddress, splitLines, sweep } from './common';

// ---------------------------------------------------------------------------------------------
// Postfix: "<user@example.org>: host mx.example.org[192.0.2.1] said: 550 … (in reply to RCPT TO command)"
// ---------------------------------------------------------------------------------------------

const POSTFIX_RECIPIENT = /^<([^<>\s]+@[^<>\s]+)>(?:\s+\(expanded from <[^>]*>\))?:\s*(.*)$/;
const POSTFIX_SAID = /^host\s+(\S+?)(?:\[([^\]]+)\])?\s+said:\s*([\s\S]*?)(?:\s*\(in reply to ([^)]+?)\))?\s*$/i;
const POSTFIX_CONNECT = /^connect to\s+(\S+?)\[([^\]]+)\](?::\d+)?:\s*(.*)$/i;
const POSTFIX_LOST = /^(?:lost connection with|conversation with)\s+(\S+?)\[([^\]]+)\]\s+(?:while|timed out while)\s+(.*)$/i;

/** One Postfix recipient paragraph → a fact (server words, remote host, SMTP stage). */
export function postfixParagraph(address: string, text: string): Fact {
  const words = sweep(text);
  const said = POSTFIX_SAID.exec(words);
  if (said) {
    return fact({
      address,
      diagnostic: said[3],
      remoteHost: said[1].toLowerCase(),
      ...(said[2] ? { remoteIp: said[2] } : {}),
      ...(said[4] ? { command: commandIn(said[4]) } : {}),
    });
  }
  const conn = POSTFIX_CONNECT.exec(words);
  if (conn) return fact({ address, diagnostic: words, remoteHost: conn[1].toLowerCase(), remoteIp: conn[2], command: 'CONN' });
  const lost = POSTFIX_LOST.exec(words);
  if (lost) return fact({ address, diagnostic: words, remoteHost: lost[1].toLowerCase(), remoteIp: lost[2], command: commandIn(lost[3]) });
  return fact({ address, diagnostic: words });
}

/** Every "<address>: …" paragraph of a Postfix-style report, in order. */
export function postfixRecipients(text: string): Fact[] {
  const out: Fact[] = [];
  let address: string | undefined;
  let buf: string[] = [];
  const close = () => {
    if (address) out.push(postfixParagraph(address, buf.join(' ')));
    address = undefined;
    buf = [];
  };
  for (const line of splitLines(text)) {
    const m = POSTFIX_RECIPIENT.exec(line);
    if (m) {
      close();
      address = m[1];
      buf = [m[2]];
    } else if (address && line.trim() && /^\s/.test(line)) {
      buf.push(line.trim());
    } else if (address) {
      close();
    }
  }
  close();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sendmail: "----- The following addresses had permanent fatal errors -----" + transcript
// ---------------------------------------------------------------------------------------------

const SENDMAIL_LIST = /^\s*-+\s*The following addresses? (?:had|has) (?:permanent fatal errors|transient non-fatal errors|delivery problems)\s*-+\s*$/i;
const SENDMAIL_TRANSCRIPT = /^\s*-+\s*Transcript of (?:the )?session follows\s*-+\s*$/i;
const SENDMAIL_ADDRESS = /<([^<>\s]+@[^<>\s]+)>|^\s*(?:>>>\s*)?([^\s<>()]+@[^\s<>()]+)\s*$/;
const SENDMAIL_REASON = /^\s*\(reason:\s*(.*?)\)?\s*$/i;
const TALKING_TO = /while talking to\s+([^\s:]+?)\.?:/i;

interface TranscriptStep { command?: string; rcpt?: string; replies: string[] }

/** ">>> RCPT TO:<a@b>" / "<<< 550 …" pairs, with the host the session talked to. */
function readTranscript(lines: readonly string[]): { host?: string; steps: TranscriptStep[]; plain: string[] } {
  const steps: TranscriptStep[] = [];
  const plain: string[] = [];
  let host: string | undefined;
  for (const line of lines) {
    const talking = TALKING_TO.exec(line);
    if (talking) {
      host = host ?? talking[1].toLowerCase();
      continue;
    }
    const sent = /^\s*>>>\s*(.*)$/.exec(line);
    if (sent) {
      steps.push({ command: commandIn(sent[1]), rcpt: angleAddress(sent[1]), replies: [] });
      continue;
    }
    const got = /^\s*<<<\s*(.*)$/.exec(line);
    if (got) {
      if (steps.length === 0) steps.push({ replies: [] });
      steps[steps.length - 1].replies.push(got[1]);
      continue;
    }
    if (/^\s*[245]\d\d[ -]/.test(line)) plain.push(line.trim());
  }
  return { host, steps, plain };
}

/** Recipients of a Sendmail-style report: the address list, its "(reason: …)" lines and the transcript. */
export function sendmailRecipients(text: string): Fact[] {
  const lines = splitLines(text);
  const listAt = lines.findIndex((l) => SENDMAIL_LIST.test(l));
  if (listAt < 0) return [];
  const transcriptAt = lines.findIndex((l) => SENDMAIL_TRANSCRIPT.test(l));
  const listLines = lines.slice(listAt + 1, transcriptAt > listAt ? transcriptAt : undefined);
  const transcript = readTranscript(transcriptAt > 0 ? lines.slice(transcriptAt + 1) : []);
  const blocks = blocksBy(listLines, (l) => {
    if (SENDMAIL_REASON.test(l)) return undefined;
    const m = SENDMAIL_ADDRESS.exec(l);
    return m ? (m[1] ?? m[2]) : undefined;
  });
  const failing = transcript.steps.filter((s) => s.replies.some((r) => /^[45]/.test(r)));
  return blocks.map((b, i) => {
    const reason = b.lines.map((l) => SENDMAIL_REASON.exec(l)?.[1]).find(Boolean);
    const step = failing.find((s) => s.rcpt && normalizeAddress(s.rcpt).toLowerCase() === normalizeAddress(b.address).toLowerCase())
      ?? (blocks.length === 1 ? failing[failing.length - 1] : failing[i]);
    const plain = transcript.plain.find((p) => p.toLowerCase().includes(b.address.toLowerCase())) ?? (blocks.length === 1 ? transcript.plain[0] : undefined);
    const diagnostic = step ? joinReply(step.replies.filter((r) => /^[45]/.test(r))) : reason ?? plain ?? '';
    return fact({
      address: b.address,
      diagnostic,
      ...(step?.command ? { command: step.command } : {}),
      ...(transcript.host ? hostAndIp(transcript.host) : {}),
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Exim: "The following address(es) failed:" + indented recipient paragraphs
// ---------------------------------------------------------------------------------------------

const EXIM_FAILED = /(?:The following address(?:\(es\)|es)?\s+failed:|address(?:\(es\)|es)?\s+failed:)\s*$/im;
const EXIM_ORIGINAL = /^-{3,} ?This is a copy of (?:the|your) message|^-{3,} ?The header of the original message|^Included is a copy of the message header:/m;
const EXIM_RECIPIENT = /^\s{1,4}<?([^\s<>:]+@[^\s<>:]+?)>?(?::\s*(.*))?\s*$/;
const EXIM_HOST = /^host\s+(\S+)\s+\[([^\]]+)\]:?\s*(.*)$/i;
const EXIM_SMTP_ERROR = /^SMTP error from remote (?:mail server|mailer|server) after (?:end of )?(.+?):\s*(?:host\s+(\S+)\s+\[([^\]]+)\]:\s*(.*))?$/i;

/** Recipients of an Exim-style report (MXLogic, Sophos UTM and other Exim-based gateways). */
export function eximRecipients(text: string): Fact[] {
  const start = EXIM_FAILED.exec(text);
  if (!start) return [];
  const endAt = text.slice(start.index).search(EXIM_ORIGINAL);
  const body = text.slice(start.index + start[0].length, endAt < 0 ? undefined : start.index + endAt);
  const lines = splitLines(body);
  const out: Fact[] = [];
  let current: { address: string; words: string[]; command?: string; remoteHost?: string; remoteIp?: string } | undefined;
  const close = () => {
    if (current) {
      out.push(fact({
        address: current.address,
        diagnostic: joinReply(current.words),
        ...(current.command ? { command: current.command } : {}),
        ...(current.remoteHost ? { remoteHost: current.remoteHost.toLowerCase() } : {}),
        ...(current.remoteIp ? { remoteIp: current.remoteIp } : {}),
      }));
    }
    current = undefined;
  };
  for (const line of lines) {
    if (!line.trim()) continue;
    const depth = /^\s*/.exec(line)![0].length;
    const r = depth <= 4 ? EXIM_RECIPIENT.exec(line) : null;
    if (r) {
      close();
      current = { address: r[1], words: r[2] ? [r[2]] : [] };
      continue;
    }
    if (!current) continue;
    const t = line.trim();
    const err = EXIM_SMTP_ERROR.exec(t);
    const host = EXIM_HOST.exec(t);
    if (err) {
      current.command = commandIn(err[1]) ?? current.command;
      if (err[2]) {
        current.remoteHost = err[2];
        current.remoteIp = err[3];
        if (err[4]) current.words.push(err[4]);
      }
    } else if (host) {
      current.remoteHost = host[1];
      current.remoteIp = host[2];
      if (host[3]) current.words.push(host[3]);
    } else {
      current.words.push(t);
    }
  }
  close();
  return out;
}

/** The first shape that yields recipients: Postfix, Exim, then Sendmail. For vendors built on either. */
export function commonShapeRecipients(text: string): Fact[] {
  for (const read of [postfixRecipients, eximRecipients, sendmailRecipients]) {
    const found = read(text);
    if (found.length) return found;
  }
  return [];
}
