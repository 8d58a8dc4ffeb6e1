/**
 * Posting where the answer belongs. Threads by default; `unfurl_*: false` so cited links don't bloat the
 * thread (slack-notes §6); and where the bot cannot post (not a member, a DM between people), the
 * interaction's response_url, which works without membership (slack-notes §1, bolt-js #365).
 */
import type { webApi } from '@slack/bolt';
import type { SlackMessage } from '../render/blockkit';
import type { StateMetadata } from './thread';

export type RespondFn = (message: Record<string, unknown>) => Promise<unknown>;

/** Where a request came from and where its answers go. */
export interface Place {
  client: webApi.WebClient;
  channel: string;
  /** The person who asked. */
  user: string;
  team?: string;
  /** Thread to answer in; undefined posts a new root message. */
  threadTs?: string;
  /** response_url of a command, shortcut or button, when there is one. */
  respond?: RespondFn;
  /** Private answers replace the previous response_url message (a slash command's "Checking …"). */
  replacePrivate?: boolean;
}

/** Slack's error code from a Web API failure (`not_in_channel` …), if it is one. */
export function slackError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

const CANNOT_POST_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cannot_reply_to_message']);

export interface Posted {
  /** The new message's ts (chat.postMessage only). */
  ts?: string;
  via: 'chat' | 'response_url';
}

export async function post(place: Place, message: SlackMessage, metadata?: StateMetadata): Promise<Posted> {
  try {
    const res = await place.client.chat.postMessage({
      channel: place.channel,
      ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
      text: message.text,
      blocks: message.blocks as never,
      ...(metadata ? { metadata } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
    return { ts: res.ts, via: 'chat' };
  } catch (err) {
    if (!place.respond || !CANNOT_POST_HERE.has(slackError(err) ?? '')) throw err;
    await place.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
    return { via: 'response_url' };
  }
}

export async function update(place: Place, ts: string, message: SlackMessage, metadata?: StateMetadata): Promise<void> {
  await place.client.chat.update({
    channel: place.channel, ts, text: message.text, blocks: message.blocks as never, ...(metadata ? { metadata } : {}),
  });
}

/** Show something to the person who asked only (errors, details): response_url when we have one. */
export async function tellPrivately(place: Place, message: SlackMessage): Promise<void> {
  if (place.respond) {
    await place.respond({ response_type: 'ephemeral', replace_original: place.replacePrivate ?? false, text: message.text, blocks: message.blocks });
    return;
  }
  await place.client.chat.postEphemeral({
    channel: place.channel, user: place.user, ...(place.threadTs ? { thread_ts: place.threadTs } : {}), text: message.text, blocks: message.blocks as never,
  });
}

export async function react(place: Place, ts: string, name: string): Promise<void> {
  try {
    await place.client.reactions.add({ channel: place.channel, timestamp: ts, name });
  } catch (err) {
    // A reaction is a courtesy: already there, or not allowed here, is no reason to fail the answer.
    if (!slackError(err)) throw err;
  }
}
