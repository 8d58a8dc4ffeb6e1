/**
 * App Home: what the bot does, how to ask, and what this install allows (ports, private addresses,
 * rate limits) — published each time someone opens the Home tab.
 */
import type { App } from '@slack/bolt';
import { HELP_COMMANDS } from '../../bot/handle';
import { renderHome, type HomeInfo } from '../../render/blockkit';
import { audited } from '../audit';
import type { Bot } from '../conversation';
import { SLASH_COMMAND } from './command';

export function homeInfo(bot: Bot): HomeInfo {
  const c = bot.config;
  return {
    slashCommand: SLASH_COMMAND,
    commands: HELP_COMMANDS,
    allowedPorts: c.probe.allowedPorts,
    allowPrivate: c.probe.allowPrivate,
    probesPerUserPerMinute: c.rateLimit.perUser,
    probesPerTeamPerMinute: c.rateLimit.perTeam,
    probeTimeoutMs: c.probe.timeoutMs,
    maxInputBytes: c.maxInputBytes,
    mode: c.slack?.mode ?? 'socket',
  };
}

export function registerHome(app: App, bot: Bot): void {
  app.event('app_home_opened', async ({ event, client }) => {
    await audited(bot.logger, { event: 'app_home_opened', user: event.user }, async (fields) => {
      if (event.tab !== 'home') { fields.outcome = 'ignored'; return; }
      await client.views.publish({ user_id: event.user, view: renderHome(homeInfo(bot)) as never });
      fields.outcome = 'published';
    });
  });
}
