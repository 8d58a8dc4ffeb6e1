/**
 * The fake workspace's memory: conversations, messages (with threads, reactions, metadata), files,
 * ephemeral messages, App Home views and response_url posts. Shapes follow Slack's message objects
 * (https://docs.slack.dev/reference/objects/message-object) closely enough for Bolt and the bot.
 */

export type ConversationType = 'channel' | 'group' | 'im' | 'mpim';

export interface Conversation {
  id: string;
  name: string;
  type: ConversationType;
  /** Whether the bot user is a member (Slack delivers message events and allows posting only then). */
  botMember: boolean;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  subtype?: string;
  text?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  files?: FileObject[];
  edited?: { user: string; ts: string };
  reactions: { name: string; users: string[] }[];
  /** Posting options the bot sent, kept for assertions (unfurl_links, unfurl_media, reply_broadcast). */
  options: Record<string, unknown>;
  /** How many times chat.update changed it. */
  updates: number;
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown[];
  via: 'chat.postEphemeral' | 'response_url' | 'ack';
}

export interface FileObject {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  url_private: string;
  url_private_download: string;
  user: string;
}

export interface ResponseUrlPost {
  id: string;
  at: number;
  body: Record<string, unknown>;
  status: number;
}

export class Store {
  readonly conversations = new Map<string, Conversation>();
  readonly messages = new Map<string, StoredMessage[]>();
  readonly ephemerals: EphemeralMessage[] = [];
  readonly files = new Map<string, { file: FileObject; content: Buffer }>();
  readonly homeViews = new Map<string, { view: Record<string, unknown>; at: number }>();
  readonly openedViews: { trigger_id: string; view: Record<string, unknown> }[] = [];
  readonly responsePosts: ResponseUrlPost[] = [];
  private clock = Math.floor(Date.now() / 1000);
  private seq = 0;

  /** Slack timestamps are unique per channel and sortable as strings of equal width. */
  nextTs(): string {
    this.seq += 1;
    return `${this.clock}.${String(this.seq).padStart(6, '0')}`;
  }

  addConversation(c: Conversation): Conversation {
    this.conversations.set(c.id, c);
    if (!this.messages.has(c.id)) this.messages.set(c.id, []);
    return c;
  }

  channelMessages(channel: string): StoredMessage[] {
    return this.messages.get(channel) ?? [];
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.channelMessages(channel).find((m) => m.ts === ts);
  }

  add(msg: Omit<StoredMessage, 'ts' | 'reactions' | 'options' | 'updates'> & { ts?: string; options?: Record<string, unknown> }): StoredMessage {
    const stored: StoredMessage = { reactions: [], options: {}, updates: 0, ...msg, ts: msg.ts ?? this.nextTs() };
    const list = this.messages.get(stored.channel);
    if (!list) throw new Error(`fake-slack: no conversation ${stored.channel}`);
    list.push(stored);
    return stored;
  }

  /** Root plus replies, oldest first, as conversations.replies returns them. */
  thread(channel: string, ts: string): StoredMessage[] {
    const start = this.find(channel, ts);
    if (!start) return [];
    const root = start.thread_ts && start.thread_ts !== start.ts ? this.find(channel, start.thread_ts) ?? start : start;
    const replies = this.channelMessages(channel).filter((m) => m.thread_ts === root.ts && m.ts !== root.ts);
    return [root, ...replies];
  }

  /** Replies in a thread, oldest first (excluding the root). */
  replies(channel: string, rootTs: string): StoredMessage[] {
    return this.channelMessages(channel).filter((m) => m.thread_ts === rootTs && m.ts !== rootTs);
  }
}

/** The JSON Slack returns for a message (conversations.replies, event payloads, block_actions.message). */
export function messageJson(m: StoredMessage, opts: { includeMetadata: boolean }): Record<string, unknown> {
  const out: Record<string, unknown> = { type: 'message', ts: m.ts };
  if (m.subtype) out.subtype = m.subtype;
  if (m.user) out.user = m.user;
  if (m.bot_id) out.bot_id = m.bot_id;
  if (m.app_id) out.app_id = m.app_id;
  out.text = m.text ?? '';
  if (m.blocks) out.blocks = m.blocks;
  if (m.thread_ts) out.thread_ts = m.thread_ts;
  if (m.files) out.files = m.files;
  if (m.edited) out.edited = m.edited;
  if (m.reactions.length) out.reactions = m.reactions.map((r) => ({ name: r.name, users: r.users, count: r.users.length }));
  if (opts.includeMetadata && m.metadata) out.metadata = m.metadata;
  return out;
}
