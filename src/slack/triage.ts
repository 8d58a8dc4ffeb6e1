/**
 * Decides, without any Slack API call, what a message posted in Slack might be asking for.
 * Channels are full of people talking about mail, so an unaddressed message gets an answer only when
 * it is a bounce; commands count only when the message is addressed to the bot (a mention or a DM)
 * or sits in a thread the bot is part of (checked afterwards, only for messages that pass here).
 */
import { commandFromText, type UnknownInput } from '../bot/handle';
import { unescapeSlack } from '../intake';
import type { Command } from '../bot/commands';

export type Triage =
  /** Nothing for the bot. */
  | { kind: 'ignore' }
  /** A pasted bounce: answer wherever it was posted. */
  | { kind: 'bounce'; text: string }
  /** A command (or free text) to hand to the conversation core; `needsBotThread` when only valid in the bot's threads. */
  | { kind: 'command'; cmd: Command | UnknownInput; needsBotThread: boolean };

export interface TriageInput {
  /**
   * Message text with the bot's mention removed, as Slack sent it: escaped (&amp;lt;) and with links
   * and addresses wrapped (<http://example.com|example.com>, <mailto:a@b|a@b>). Commands are read from
   * its un-escaped form; a bounce is passed on as sent, since intake un-escapes Slack text itself.
   */
  text: string;
  /** A mention of the bot or a direct message: everything is for the bot. */
  addressed: boolean;
  /** The message is a reply inside a thread. */
  inThread: boolean;
}

/** The grammar's verbs for an explicit `diagnose <text>` (bot/commands). */
const DIAGNOSE_VERBS = new Set(['diagnose', 'explain', 'ndr']);

export function triage(input: TriageInput, looksLikeBounce: (text: string) => boolean): Triage {
  const raw = input.text.trim();
  const text = unescapeSlack(raw).trim();
  if (!text) return input.addressed ? { kind: 'command', cmd: { kind: 'help' }, needsBotThread: false } : { kind: 'ignore' };
  const verb = text.split(/\s+/, 1)[0].toLowerCase();
  const parsed = commandFromText(text, { looksLikeBounce });
  // A bounce goes on as Slack sent it (intake un-escapes it once); `diagnose <text>` likewise.
  const cmd = parsed.kind === 'diagnose' ? { ...parsed, text: DIAGNOSE_VERBS.has(verb) ? raw.replace(/^\S+\s*/, '') : raw } : parsed;
  const scoped = (c: Command | UnknownInput): Triage => {
    if (input.addressed) return { kind: 'command', cmd: c, needsBotThread: false };
    return input.inThread ? { kind: 'command', cmd: c, needsBotThread: true } : { kind: 'ignore' };
  };
  switch (cmd.kind) {
    case 'diagnose':
      if (DIAGNOSE_VERBS.has(verb)) return scoped(cmd);
      if (looksLikeBounce(text)) return { kind: 'bounce', text: raw };
      // Several lines that are not a bounce: chat, unless someone asked the bot directly.
      return input.addressed ? { kind: 'command', cmd, needsBotThread: false } : { kind: 'ignore' };
    case 'unknown':
    case 'empty':
      return input.addressed ? { kind: 'command', cmd, needsBotThread: false } : { kind: 'ignore' };
    default:
      return scoped(cmd);
  }
}
