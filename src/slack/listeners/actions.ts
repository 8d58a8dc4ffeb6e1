/**
 * Buttons and the platform select on the bot's own messages. The state comes from the clicked
 * message's metadata (conversations.replies, include_all_metadata); answers go to its thread, or only
 * to the person who clicked for *Show details* / *Show transcript*; the platform select rewrites the
 * diagnosis in place.
 */
import type { App, BlockAction, RespondFn as BoltRespondFn } from '@slack/bolt';
import type { Command } from '../../bot/commands';
import { parsePlatform } from '../../bot/commands';
import { ACTIONS } from '../../render/blockkit';
import { audited, type AuditFields } from '../audit';
import { takeTurn, type Bot, type TurnOptions } from '../conversation';
import { slackError, type Place } from '../post';
import { envelopeAt, latestEnvelope, loadThread, type Thread } from '../thread';

type ActionName = keyof typeof ACTIONS;

interface Clicked {
  /** button value or selected option value */
  value?: string;
}

function valueOf(action: unknown): Clicked {
  const a = action as { value?: unknown; selected_option?: { value?: unknown } };
  if (typeof a.value === 'string') return { value: a.value };
  if (typeof a.selected_option?.value === 'string') return { value: a.selected_option.value };
  return {};
}

/** The command a click stands for, or undefined for a malformed payload. */
function commandFor(name: ActionName, clicked: Clicked): Command | undefined {
  switch (name) {
    case 'probe': {
      try {
        const req = JSON.parse(clicked.value ?? '') as { target?: unknown; port?: unknown; rcpt?: unknown };
        if (typeof req.target !== 'string') return undefined;
        return { kind: 'probe', target: req.target, transcript: false, ...(typeof req.port === 'number' ? { port: req.port } : {}), ...(typeof req.rcpt === 'string' ? { rcpt: req.rcpt } : {}) };
      } catch {
        return undefined;
      }
    }
    case 'recheck': return { kind: 'recheck' };
    case 'transcript': return { kind: 'transcript' };
    case 'details': return { kind: 'details' };
    case 'platform': {
      const platform = parsePlatform(clicked.value ?? '');
      return platform ? { kind: 'platform', platform } : undefined;
    }
  }
}

export function registerActions(app: App, bot: Bot): void {
  for (const name of Object.keys(ACTIONS) as ActionName[]) {
    app.action(ACTIONS[name], async ({ ack, body, action, client, respond }) => {
      await ack();
      const b = body as BlockAction;
      const channel = b.channel?.id ?? b.container?.channel_id;
      const user = b.user.id;
      const team = b.team?.id ?? b.user.team_id;
      await audited(bot.logger, { event: `action:${name}`, user, ...(team ? { team } : {}), ...(channel ? { channel } : {}) }, async (fields) => {
        const cmd = commandFor(name, valueOf(action));
        fields.asked = cmd?.kind;
        if (!cmd || !channel) { fields.outcome = 'ignored'; return; }
        const messageTs: string | undefined = b.container?.message_ts ?? b.message?.ts;
        const threadTs: string | undefined = b.container?.thread_ts ?? b.message?.thread_ts ?? messageTs;
        const place: Place = { client, channel, user, ...(team ? { team } : {}), ...(threadTs ? { threadTs } : {}), respond: (m) => respond(m as Parameters<BoltRespondFn>[0]) };
        await onAction(bot, place, name, cmd, messageTs, b.container?.is_ephemeral === true, fields);
      });
    });
  }
}

async function onAction(bot: Bot, place: Place, name: ActionName, cmd: Command, messageTs: string | undefined, ephemeral: boolean, fields: AuditFields): Promise<void> {
  let thread: Thread | undefined;
  if (place.threadTs) {
    try {
      thread = await loadThread(place.client, place.channel, place.threadTs);
    } catch (err) {
      // Not readable (the bot left the channel …): the click still works, without the conversation's state.
      if (!slackError(err)) throw err;
      bot.logger.warn('could not read the thread of a clicked message', { slackError: slackError(err), channel: place.channel });
    }
  }
  const envelope = thread ? (messageTs ? envelopeAt(thread, messageTs) : undefined) ?? latestEnvelope(thread, bot.me)?.envelope : undefined;
  const options: TurnOptions = { ...(envelope ? { envelope } : {}), ...(thread ? { thread } : {}) };
  if (name === 'details' || name === 'transcript') options.privately = true;
  if (name === 'platform') {
    if (messageTs && !ephemeral) options.replace = { ts: messageTs, kinds: ['diagnosis'] };
    else options.privately = true;
  }
  const result = await takeTurn(bot, place, cmd, options);
  fields.reply = result.reply.kind;
  fields.outcome = result.delivered;
}
