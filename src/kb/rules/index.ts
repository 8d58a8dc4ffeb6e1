/**
 * The whole rule table, provider tables first. Order inside a tier only breaks exact ties;
 * precedence between tiers and reasons is set in src/classify/precedence.ts.
 */
import type { TextRule } from './types';
import { GOOGLE_RULES } from './providers/google';
import { MICROSOFT_RULES } from './providers/microsoft';
import { YAHOO_RULES } from './providers/yahoo';
import { APPLE_RULES } from './providers/apple';
import { AOL_RULES } from './providers/aol';
import { COMCAST_RULES } from './providers/comcast';
import { ATT_RULES } from './providers/att';
import { ORANGE_RULES } from './providers/orange';
import { GODADDY_RULES } from './providers/godaddy';
import { MIMECAST_RULES } from './providers/mimecast';
import { PROOFPOINT_RULES } from './providers/proofpoint';
import { COX_RULES } from './providers/cox';
import { TENCENT_RULES } from './providers/tencent';
import { OTHER_PROVIDER_RULES } from './providers/others';
import { SMTP_AUTH_RULES } from './smtp-auth';
import { TLS_RULES } from './tls';
import { RECIPIENT_RULES } from './recipient';
import { MAILBOX_RULES } from './mailbox';
import { CONTENT_RULES } from './content';
import { REPUTATION_RULES } from './reputation';
import { SENDER_AUTH_RULES } from './sender-auth';
import { SENDER_RULES } from './sender';
import { ROUTING_RULES } from './routing';
import { NETWORK_RULES } from './network';
import { MTA_RULES } from './mta';

export type { TextRule, RuleTier, SmtpStage } from './types';

export const RULE_FAMILIES: Readonly<Record<string, readonly TextRule[]>> = {
  'provider:google': GOOGLE_RULES,
  'provider:microsoft': MICROSOFT_RULES,
  'provider:yahoo': YAHOO_RULES,
  'provider:apple': APPLE_RULES,
  'provider:aol': AOL_RULES,
  'provider:comcast': COMCAST_RULES,
  'provider:att': ATT_RULES,
  'provider:orange': ORANGE_RULES,
  'provider:godaddy': GODADDY_RULES,
  'provider:mimecast': MIMECAST_RULES,
  'provider:proofpoint': PROOFPOINT_RULES,
  'provider:cox': COX_RULES,
  'provider:tencent': TENCENT_RULES,
  'provider:others': OTHER_PROVIDER_RULES,
  mta: MTA_RULES,
  'smtp-auth': SMTP_AUTH_RULES,
  tls: TLS_RULES,
  recipient: RECIPIENT_RULES,
  mailbox: MAILBOX_RULES,
  content: CONTENT_RULES,
  reputation: REPUTATION_RULES,
  'sender-auth': SENDER_AUTH_RULES,
  sender: SENDER_RULES,
  routing: ROUTING_RULES,
  network: NETWORK_RULES,
};

export const RULES: readonly TextRule[] = Object.values(RULE_FAMILIES).flat();
