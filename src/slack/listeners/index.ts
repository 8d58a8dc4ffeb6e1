/** Every Slack surface the bot listens on, wired in one place. */
import type { App } from '@slack/bolt';
import type { Bot } from '../conversation';
import { registerActions } from './actions';
import { registerCommand } from './command';
import { registerHome } from './home';
import { registerMessageListeners } from './messages';
import { registerShortcut } from './shortcut';

export function registerListeners(app: App, bot: Bot): void {
  registerMessageListeners(app, bot);
  registerCommand(app, bot);
  registerActions(app, bot);
  registerShortcut(app, bot);
  registerHome(app, bot);
}
