/**
 * What a `message` or `app_mention` event says, reduced to what the bot needs — or nothing, for the
 * messages the bot must never answer: its own posts, other bots, edits and deletions, joins, and any
 * other subtype. (ignoreSelf in Bolt drops most of our own; this catches the rest — slack-notes §5.7.)
 */
import type { FileRef } from './thread';

export interface IncomingMessage {
  channel: string;
  /** 'channel' | 'group' | 'im' | 'mpim' (message events only). */
  channelType?: string;
  user: string;
  ts: string;
  /** Set when the message is in a thread (equal to `ts` for a thread's root). */
  threadTs?: string;
  text: string;
  files: FileRef[];
  team?: string;
}

/** Subtypes that are still a person saying something; everything else is ignored. */
const PERSON_SUBTYPES = new Set<string | undefined>([undefined, 'file_share', 'thread_broadcast']);

export function incomingMessage(event: Record<string, unknown>, botUserId: string): IncomingMessage | undefined {
  const subtype = typeof event.subtype === 'string' ? event.subtype : undefined;
  if (!PERSON_SUBTYPES.has(subtype)) return undefined;
  if (event.bot_id || event.bot_profile) return undefined;
  const user = typeof event.user === 'string' ? event.user : undefined;
  if (!user || user === botUserId) return undefined;
  if (typeof event.channel !== 'string' || typeof event.ts !== 'string') return undefined;
  return {
    channel: event.channel,
    ...(typeof event.channel_type === 'string' ? { channelType: event.channel_type } : {}),
    user,
    ts: event.ts,
    ...(typeof event.thread_ts === 'string' ? { threadTs: event.thread_ts } : {}),
    text: typeof event.text === 'string' ? event.text : '',
    files: Array.isArray(event.files) ? (event.files as FileRef[]).filter((f) => f && typeof f.id === 'string') : [],
    ...(typeof event.team === 'string' ? { team: event.team } : {}),
  };
}

function mentionPattern(botUserId: string): RegExp {
  return new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g');
}

export function mentionsBot(text: string, botUserId: string): boolean {
  return mentionPattern(botUserId).test(text);
}

/** The text without mentions of the bot ("<@U123> recheck" → "recheck"). */
export function stripMention(text: string, botUserId: string): string {
  return text.replace(mentionPattern(botUserId), ' ').replace(/^[ \t]+/, '').trim();
}

export function isDirectMessage(m: IncomingMessage): boolean {
  return m.channelType === 'im' || (m.channelType === undefined && m.channel.startsWith('D'));
}

/** A reply inside a thread (not the thread's root). */
export function isThreadReply(m: { ts: string; threadTs?: string }): boolean {
  return m.threadTs !== undefined && m.threadTs !== m.ts;
}
