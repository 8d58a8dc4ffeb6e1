/**
 * A bot conversation lives in a Slack thread, and its state lives in Slack: every bot reply carries
 * the conversation state as message metadata, and the next follow-up reads it back with
 * conversations.replies (include_all_metadata). Nothing is kept on our side.
 *
 * Slack's documented metadata shape allows only one level of nesting (@slack/types MessageMetadata),
 * so the envelope travels as one JSON string inside event_payload.
 */
import type { webApi } from '@slack/bolt';
import { restoreState } from '../bot/handle';
import type { ConversationState } from '../bot/types';

export const STATE_EVENT_TYPE = 'smtpcheck_state';
const ENVELOPE_VERSION = 1;

/** Where the conversation's bounce is, so `platform`/`details` can read it again. */
export interface BounceSource {
  /** The message holding the bounce (its text or its file). */
  ts: string;
  /** The file on that message, when the bounce was a file. */
  file?: string;
  /** The bounce came with a slash command and is kept in the process's small cache under this key. */
  cached?: string;
}

export interface Envelope {
  state: ConversationState;
  source?: BounceSource;
}

export interface StateMetadata {
  event_type: string;
  event_payload: { v: number; envelope: string };
}

export function envelopeMetadata(envelope: Envelope): StateMetadata {
  return { event_type: STATE_EVENT_TYPE, event_payload: { v: ENVELOPE_VERSION, envelope: JSON.stringify(envelope) } };
}

/** The envelope on a message, or undefined when it has none of ours (or a broken one). */
export function readEnvelope(metadata: unknown): Envelope | undefined {
  const m = metadata as { event_type?: unknown; event_payload?: { v?: unknown; envelope?: unknown } } | undefined;
  if (m?.event_type !== STATE_EVENT_TYPE || m.event_payload?.v !== ENVELOPE_VERSION || typeof m.event_payload.envelope !== 'string') return undefined;
  try {
    const raw = JSON.parse(m.event_payload.envelope) as { state?: unknown; source?: unknown };
    const source = raw.source as BounceSource | undefined;
    return {
      state: restoreState(raw.state),
      ...(source && typeof source.ts === 'string' ? { source: { ts: source.ts, ...(typeof source.file === 'string' ? { file: source.file } : {}), ...(typeof source.cached === 'string' ? { cached: source.cached } : {}) } } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A file as events and conversations.replies show it: full, or only an id to look up with files.info. */
export interface FileRef {
  id: string;
  name?: string;
  mimetype?: string;
  filetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
  file_access?: string;
}

export interface ThreadMessage {
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  files?: FileRef[];
  metadata?: unknown;
}

export interface Thread {
  channel: string;
  rootTs: string;
  messages: ThreadMessage[];
}

const PAGE = 200;
const MAX_PAGES = 5;

export async function loadThread(client: webApi.WebClient, channel: string, rootTs: string): Promise<Thread> {
  const messages: ThreadMessage[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.conversations.replies({ channel, ts: rootTs, include_all_metadata: true, limit: PAGE, ...(cursor ? { cursor } : {}) });
    messages.push(...((res.messages ?? []) as ThreadMessage[]));
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more || !cursor) break;
  }
  return { channel, rootTs, messages };
}

export interface BotIdentity {
  botUserId: string;
  botId?: string;
}

export function isFromBot(m: ThreadMessage, me: BotIdentity): boolean {
  return m.user === me.botUserId || (me.botId !== undefined && m.bot_id === me.botId);
}

/** The newest envelope the bot left in the thread (the conversation's current state). */
export function latestEnvelope(thread: Thread, me: BotIdentity): { envelope: Envelope; ts: string } | undefined {
  for (let i = thread.messages.length - 1; i >= 0; i--) {
    const m = thread.messages[i];
    if (!isFromBot(m, me)) continue;
    const envelope = readEnvelope(m.metadata);
    if (envelope) return { envelope, ts: m.ts };
  }
  return undefined;
}

export function botTookPart(thread: Thread, me: BotIdentity): boolean {
  return thread.messages.some((m) => isFromBot(m, me));
}

export function envelopeAt(thread: Thread, ts: string): Envelope | undefined {
  return readEnvelope(thread.messages.find((m) => m.ts === ts)?.metadata);
}
