/**
 * The "Diagnose bounce" message shortcut: on any message, the same threaded answer as a paste —
 * or, privately, "this doesn't look like a bounce". Works where the bot is not a member too
 * (answers then go through the shortcut's response_url).
 */
import type { App, MessageShortcut, RespondFn as BoltRespondFn } from '@slack/bolt';
import { renderText } from '../../render/blockkit';
import { audited } from '../audit';
import { takeTurn, type Bot } from '../conversation';
import { isBounceCandidate } from '../files';
import { isThreadReply, stripMention } from '../incoming';
import { slackError, tellPrivately, type Place } from '../post';
import { latestEnvelope, loadThread, type FileRef, type Thread } from '../thread';
import { answerFile } from './file-bounce';

export const SHORTCUT_CALLBACK_ID = 'diagnose_bounce';

const NOT_A_BOUNCE = 'That message does not look like a bounce (NDR/DSN) to me. Run *Diagnose bounce* on the message that holds the bounce text or the .eml file, or paste the bounce in a thread with me.';

export function registerShortcut(app: App, bot: Bot): void {
  app.shortcut({ callback_id: SHORTCUT_CALLBACK_ID, type: 'message_action' }, async ({ ack, shortcut, client, respond }) => {
    await ack();
    const s = shortcut as MessageShortcut;
    const team = s.team?.id ?? s.user.team_id;
    await audited(bot.logger, { event: 'shortcut', user: s.user.id, ...(team ? { team } : {}), channel: s.channel.id }, async (fields) => {
      const m = s.message as { ts: string; thread_ts?: string; text?: string; files?: FileRef[] };
      const threadTs = m.thread_ts ?? m.ts;
      const place: Place = { client, channel: s.channel.id, user: s.user.id, ...(team ? { team } : {}), threadTs, respond: (x) => respond(x as Parameters<BoltRespondFn>[0]) };

      let thread: Thread | undefined;
      if (isThreadReply({ ts: m.ts, threadTs: m.thread_ts })) {
        thread = await loadThread(client, s.channel.id, threadTs).catch((err) => {
          if (!slackError(err)) throw err;
          return undefined; // the bot is not in this channel: answer without the thread's state
        });
      }

      const file = (m.files ?? []).find(isBounceCandidate);
      if (file) {
        fields.asked = 'file';
        await answerFile(bot, place, { ts: m.ts, ref: file, addressed: true, ...(thread ? { thread } : {}) }, fields);
        return;
      }
      const text = stripMention(m.text ?? '', bot.me.botUserId);
      fields.asked = 'bounce';
      if (!bot.engines.text.looksLikeBounce(text)) {
        await tellPrivately(place, renderText(NOT_A_BOUNCE));
        fields.outcome = 'private';
        fields.reply = 'not-understood';
        return;
      }
      const current = thread ? latestEnvelope(thread, bot.me) : undefined;
      const result = await takeTurn(bot, place, { kind: 'diagnose', text }, {
        ...(current ? { envelope: current.envelope } : {}),
        ...(thread ? { thread } : {}),
        newSource: { ts: m.ts },
        reactTo: m.ts,
      });
      fields.reply = result.reply.kind;
      fields.outcome = result.delivered;
    });
  });
}
