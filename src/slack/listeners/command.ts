/**
 * `/smtpcheck …`. Ack at once (Slack gives 3 s; probes take longer): usage, help and refusals go back
 * in the ack itself, privately. A probe posts a visible root ("Checking example.com… requested by @you"),
 * puts the report in the root's thread and then edits the root into the verdict. Where the bot cannot
 * post (not in the channel, a DM between people) everything goes through response_url instead.
 */
import { randomBytes } from 'node:crypto';
import type { App, RespondFn as BoltRespondFn } from '@slack/bolt';
import { parseCommand, type Command } from '../../bot/commands';
import { HELP_COMMANDS, handleCommand, initialState } from '../../bot/handle';
import { SmtpcheckError } from '../../errors';
import { unescapeSlack } from '../../intake';
import { parseTarget } from '../../probe/target';
import type { ProbeRequest } from '../../bot/types';
import { renderError, renderHelp, renderProbeRoot, renderProbeRootFailed, renderProbeStarted, renderReply, renderText, type SlackMessage } from '../../render/blockkit';
import { audited, type AuditFields } from '../audit';
import { takeTurn, type Bot } from '../conversation';
import { requestEngine } from '../engine';
import { post, update, type Place } from '../post';
import { envelopeMetadata } from '../thread';

export const SLASH_COMMAND = '/smtpcheck';

type Ack = (body?: Record<string, unknown>) => Promise<void>;

function privately(message: SlackMessage): Record<string, unknown> {
  return { response_type: 'ephemeral', text: message.text, blocks: message.blocks };
}

export function registerCommand(app: App, bot: Bot): void {
  app.command(SLASH_COMMAND, async ({ command, ack: boltAck, respond, client }) => {
    let acked = false;
    const ack: Ack = async (body) => { acked = true; await boltAck(body as Parameters<typeof boltAck>[0]); };
    await audited(bot.logger, { event: 'command', user: command.user_id, team: command.team_id, channel: command.channel_id }, async (fields) => {
      // Slack escapes & < > in command text; targets are read un-escaped, a pasted bounce is passed on as sent.
      const raw = (command.text ?? '').trim();
      const parsed = parseCommand(unescapeSlack(raw));
      const cmd: Command = parsed.kind === 'diagnose' ? { ...parsed, text: raw.replace(/^\S+\s*/, '') } : parsed;
      fields.asked = cmd.kind;
      const place: Place = {
        client, channel: command.channel_id, user: command.user_id, team: command.team_id,
        respond: (m) => respond(m as Parameters<BoltRespondFn>[0]),
      };
      await onCommand(bot, place, cmd, ack, fields);
    });
    // Whatever went wrong (already logged), Slack must not show the person an operation_timeout.
    if (!acked) await ack(privately(renderError('Something went wrong inside smtpcheck; the details are in its log. Please try again.'))).catch(() => undefined);
  });
}

async function onCommand(bot: Bot, place: Place, cmd: Command, ack: Ack, fields: AuditFields): Promise<void> {
  switch (cmd.kind) {
    case 'empty':
    case 'help':
      await ack(privately(renderHelp({ commands: HELP_COMMANDS }, SLASH_COMMAND)));
      fields.outcome = 'private';
      return;
    case 'usage':
      await ack(privately(renderText(`${cmd.message}\nType \`${SLASH_COMMAND} help\` for everything I can do.`)));
      fields.outcome = 'private';
      return;
    case 'probe':
      return slashProbe(bot, place, { target: cmd.target, ...(cmd.port ? { port: cmd.port } : {}), ...(cmd.rcpt ? { rcpt: cmd.rcpt } : {}) }, cmd, ack, fields);
    case 'diagnose':
      return slashDiagnose(bot, place, cmd, ack, fields);
    default: {
      // recheck / transcript / details / platform need a conversation: the core says so in its own words.
      const engine = requestEngine(bot.engines, { input: 'slack-text', caller: { user: place.user, team: place.team } });
      const reply = await handleCommand(cmd, initialState(), { engine, logger: bot.logger });
      await ack(privately(renderReply(reply)));
      fields.reply = reply.kind;
      fields.outcome = 'private';
    }
  }
}

async function slashProbe(bot: Bot, place: Place, req: ProbeRequest, cmd: Command, ack: Ack, fields: AuditFields): Promise<void> {
  // Refusals belong in the ack, before anything is posted: a bad target, a port not allowed, too many probes.
  try {
    parseTarget(req.target, { allowedPorts: bot.config.probe.allowedPorts, ...(req.port ? { port: req.port } : {}) });
    bot.engines.limiter.take({ user: place.user, ...(place.team ? { team: place.team } : {}) });
  } catch (err) {
    if (!(err instanceof SmtpcheckError)) throw err;
    await ack(privately(renderError(err.message)));
    fields.outcome = 'private';
    fields.reply = 'error';
    return;
  }
  await ack();

  const root = await post(place, renderProbeStarted(req, place.user));
  if (!root.ts) {
    // No channel post possible: the answer replaces the private "Checking …" through response_url.
    const result = await takeTurn(bot, { ...place, replacePrivate: true }, cmd, { admitted: true, privately: true });
    fields.reply = result.reply.kind;
    fields.outcome = 'response_url';
    return;
  }
  const thread: Place = { ...place, threadTs: root.ts };
  const result = await takeTurn(bot, thread, cmd, { admitted: true, placeholder: false });
  fields.reply = result.reply.kind;
  fields.outcome = result.delivered;
  const reply = result.reply;
  if (reply.kind === 'probe') {
    await update(place, root.ts, renderProbeRoot(reply.report, place.user), envelopeMetadata({ state: reply.state }));
  } else if (reply.kind === 'error') {
    await update(place, root.ts, renderProbeRootFailed(req, reply.message, place.user));
  }
}

async function slashDiagnose(bot: Bot, place: Place, cmd: Extract<Command, { kind: 'diagnose' }>, ack: Ack, fields: AuditFields): Promise<void> {
  await ack();
  // The pasted text exists nowhere in Slack, so follow-ups (platform, details) read it from a small cache.
  const key = randomBytes(9).toString('base64url');
  bot.slashBounces.put(key, cmd.text);
  const result = await takeTurn(bot, place, cmd, { newSource: { ts: '', cached: key }, publicKinds: ['diagnosis'] });
  fields.reply = result.reply.kind;
  fields.outcome = result.delivered;
}
