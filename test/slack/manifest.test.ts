/**
 * manifest.yml is what people paste to create the app: it must name the command, the shortcut and the
 * events the code listens for, and grant every scope the bot's Web API calls need — proved by running
 * the bot against a fake Slack that grants exactly the manifest's scopes (missing_scope otherwise).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SLASH_COMMAND } from '../../src/slack/listeners/command';
import { SHORTCUT_CALLBACK_ID } from '../../src/slack/listeners/shortcut';
import { startHarness, PASTED_LINE, PASTED_NDR } from './helpers/harness';
import { ACTIONS } from '../../src/render/blockkit';

import { load as loadYaml } from 'js-yaml';

interface Manifest {
  _metadata: { major_version: number };
  display_information: { name: string; description: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; description: string; usage_hint: string }[];
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const manifest = loadYaml(readFileSync(join(__dirname, '../../manifest.yml'), 'utf8')) as Manifest;

describe('manifest.yml', () => {
  it('declares the command, the shortcut, the events and Socket Mode the code relies on', () => {
    expect(manifest._metadata.major_version).toBe(1);
    expect(manifest.display_information.name).toBeTruthy();
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: SLASH_COMMAND })]);
    expect(manifest.features.slash_commands[0].usage_hint.length).toBeLessThanOrEqual(1000);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: SHORTCUT_CALLBACK_ID, name: 'Diagnose bounce' })]);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(new Set(manifest.settings.event_subscriptions.bot_events)).toEqual(new Set(['app_home_opened', 'app_mention', 'message.channels', 'message.groups', 'message.im', 'message.mpim']));
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(new Set(manifest.oauth_config.scopes.bot)).toEqual(new Set([
      'commands', 'chat:write', 'app_mentions:read', 'channels:history', 'groups:history', 'im:history', 'mpim:history', 'reactions:write', 'files:read',
    ]));
  });

  it('grants every scope the bot uses: a full tour against a fake Slack holding only those scopes', async () => {
    const h = await startHarness({ fake: { scopes: manifest.oauth_config.scopes.bot } });
    try {
      const paste = await h.fake.postMessage('C0GENERAL', 'U0ALICE', PASTED_LINE);
      const reply = await h.fake.waitFor(() => h.fake.replies('C0GENERAL', paste.message.ts)[0], 5000, 'paste reply');
      await h.fake.postMessage('C0GENERAL', 'U0ALICE', 'probe example.org', { thread_ts: paste.message.ts });
      await h.fake.waitFor(() => h.fake.replies('C0GENERAL', paste.message.ts).find((m) => /example\.org/.test(m.text ?? '') && /PASS|FAIL/.test(m.text ?? '')), 5000, 'probe');
      await h.fake.clickButton('C0GENERAL', reply.ts, ACTIONS.details);
      const priv = h.fake.store.add({ channel: 'G0PRIVATE', user: 'U0BOB', text: 'x' });
      await h.fake.postMessage('G0PRIVATE', 'U0ALICE', PASTED_NDR, { thread_ts: priv.ts });
      await h.fake.waitFor(() => h.fake.replies('G0PRIVATE', priv.ts).find((m) => m.user === h.fake.identity.botUserId), 5000, 'private channel reply');
      const file = h.fake.addFile({ name: 'ndr.eml', mimetype: 'message/rfc822', content: PASTED_LINE });
      const shared = await h.fake.shareFile('C0GENERAL', 'U0ALICE', file, { onlyId: true });
      await h.fake.waitFor(() => h.fake.replies('C0GENERAL', shared.message.ts)[0], 5000, 'file reply');
      await h.fake.slashCommand('C0GENERAL', 'U0ALICE', 'example.com');
      await h.fake.openAppHome('U0ALICE');
      await h.fake.waitFor(() => h.fake.homeView('U0ALICE'), 5000, 'home');
      await h.fake.settle();
      expect(h.fake.calls.filter((c) => c.error === 'missing_scope')).toEqual([]);
      expect(h.fake.callsTo('reactions.add').length).toBeGreaterThan(0);
      expect(h.fake.callsTo('files.info').length).toBe(1);
      expect(h.fake.callsTo('conversations.replies').length).toBeGreaterThan(0);
    } finally {
      await h.stop();
    }
  });
});
