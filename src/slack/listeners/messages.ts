/**
 * Messages and mentions: pasted bounces anywhere the bot is, shared bounce files, and follow-ups in
 * the bot's threads. `message` and `app_mention` for the same post both land here; the first one to
 * claim channel:ts answers, the other is dropped.
 */
import type { App } from '@slack/bolt';
import { audited, type AuditFields } from '../audit';
import { takeTurn, type Bot } from '../conversation';
import { isBounceCandidate } from '../files';
import { answerFile } from './file-bounce';
import { incomingMessage, isDirectMessage, isThreadReply, mentionsBot, stripMention, type IncomingMessage } from '../incoming';
import { slackError, type Place } from '../post';
import { botTookPart, latestEnvelope, loadThread, type Thread } from '../thread';
import { triage } from '../triage';

export function registerMessageListeners(app: App, bot: Bot): void {
  for (const name of ['message', 'app_mention'] as const) {
    app.event(name, async ({ event, client, context, body }) => {
      const msg = incomingMessage(event as unknown as Record<string, unknown>, bot.me.botUserId);
      const team = msg?.team ?? (body as { team_id?: string }).team_id;
      await audited(bot.logger, { event: name, user: msg?.user, team, channel: msg?.channel, ...(context.retryNum ? { retry: context.retryNum } : {}) }, async (fields) => {
        if (!msg) { fields.outcome = 'ignored'; return; }
        const place: Place = { client, channel: msg.channel, user: msg.user, ...(team ? { team } : {}), threadTs: msg.threadTs ?? msg.ts };
        await onMessage(bot, place, msg, fields);
      });
    });
  }
}

async function onMessage(bot: Bot, place: Place, msg: IncomingMessage, fields: AuditFields): Promise<void> {
  const addressed = isDirectMessage(msg) || mentionsBot(msg.text, bot.me.botUserId);
  const inThread = isThreadReply(msg);
  const files = msg.files.filter(isBounceCandidate);

  if (files.length) {
    if (!bot.answered.claim(`${msg.channel}:${msg.ts}`)) { fields.outcome = 'duplicate'; return; }
    fields.asked = 'file';
    const thread = isThreadReply(msg) ? await readThread(bot, place, msg.threadTs!) : undefined;
    await answerFile(bot, place, { ts: msg.ts, ref: files[0], addressed, ...(thread ? { thread } : {}) }, fields);
    return;
  }

  const t = triage({ text: stripMention(msg.text, bot.me.botUserId), addressed, inThread }, bot.engines.text.looksLikeBounce);
  if (t.kind === 'ignore') { fields.outcome = 'ignored'; return; }
  if (!bot.answered.claim(`${msg.channel}:${msg.ts}`)) { fields.outcome = 'duplicate'; return; }
  fields.asked = t.kind === 'bounce' ? 'bounce' : t.cmd.kind;

  // Follow-ups need the thread's state; only threads the bot took part in count for unaddressed commands.
  let thread: Thread | undefined;
  if (inThread) thread = await readThread(bot, place, msg.threadTs!);
  if (t.kind === 'command' && t.needsBotThread && !(thread && botTookPart(thread, bot.me))) { fields.outcome = 'ignored'; return; }
  const current = thread ? latestEnvelope(thread, bot.me) : undefined;

  const result = await takeTurn(bot, place, t.kind === 'bounce' ? { kind: 'diagnose', text: t.text } : t.cmd, {
    ...(current ? { envelope: current.envelope } : {}),
    ...(thread ? { thread } : {}),
    newSource: { ts: msg.ts },
    reactTo: msg.ts,
    silentIfNotBounce: !addressed,
  });
  fields.reply = result.reply.kind;
  fields.outcome = result.delivered;
}

/** The thread, or undefined when Slack will not show it (a bounce in it is still answered, without state). */
async function readThread(bot: Bot, place: Place, threadTs: string): Promise<Thread | undefined> {
  try {
    return await loadThread(place.client, place.channel, threadTs);
  } catch (err) {
    if (!slackError(err)) throw err;
    bot.logger.warn('could not read a thread', { channel: place.channel, slackError: slackError(err) });
    return undefined;
  }
}
