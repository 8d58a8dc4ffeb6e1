/**
 * Builders for what Slack sends an app: Events API callbacks, slash-command bodies and interaction
 * payloads. Field names follow Slack's reference pages:
 *   events    https://docs.slack.dev/apis/events-api/#callback-field  (event_callback, event_id, authorizations)
 *   commands  https://docs.slack.dev/interactivity/implementing-slash-commands#app_command_handling
 *   actions   https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 *   shortcuts https://docs.slack.dev/reference/interaction-payloads/shortcuts-interaction-payload (message_action)
 */
import { createHmac } from 'node:crypto';

export interface Identity {
  teamId: string;
  teamDomain: string;
  appId: string;
  botUserId: string;
  /** The verification token field Slack still sends (deprecated, unused by Bolt). */
  verificationToken: string;
}

export function eventCallback(id: Identity, event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: id.verificationToken,
    team_id: id.teamId,
    api_app_id: id.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: id.teamId, user_id: id.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-fake-${eventId}`,
  };
}

export function slashCommandBody(id: Identity, a: {
  command: string; text: string; channelId: string; channelName: string; userId: string; responseUrl: string; triggerId: string;
}): Record<string, string> {
  return {
    token: id.verificationToken,
    team_id: id.teamId,
    team_domain: id.teamDomain,
    channel_id: a.channelId,
    channel_name: a.channelName,
    user_id: a.userId,
    user_name: a.userId.toLowerCase(),
    command: a.command,
    text: a.text,
    api_app_id: id.appId,
    is_enterprise_install: 'false',
    response_url: a.responseUrl,
    trigger_id: a.triggerId,
  };
}

export function interactionBase(id: Identity, userId: string, triggerId: string): Record<string, unknown> {
  return {
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: id.teamId },
    api_app_id: id.appId,
    token: id.verificationToken,
    trigger_id: triggerId,
    team: { id: id.teamId, domain: id.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
  };
}

/** Slack's request signature: v0=hex(HMAC-SHA256(secret, "v0:<ts>:<raw body>")). */
export function sign(secret: string, timestamp: number, rawBody: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
}

/** Find an interactive element by action_id anywhere in a message's blocks (section accessory or actions). */
export function findElement(blocks: unknown[] | undefined, actionId: string): { element: Record<string, unknown>; blockId: string } | undefined {
  for (const b of blocks ?? []) {
    const block = b as Record<string, unknown>;
    const candidates: unknown[] = [];
    if (block.accessory) candidates.push(block.accessory);
    if (Array.isArray(block.elements)) candidates.push(...block.elements);
    for (const e of candidates) {
      const el = e as Record<string, unknown>;
      if (el.action_id === actionId) return { element: el, blockId: String(block.block_id ?? '') };
    }
  }
  return undefined;
}
