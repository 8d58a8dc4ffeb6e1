/**
 * Words the front ends show for the knowledge base's ids: platform names, who must act, outcomes.
 * Platform names and actor wording come from the knowledge base and explain/ (one source for every
 * renderer); outcome tags are the renderers' own.
 */
import { ACTOR_LABEL } from '../explain/labels';
import { PLATFORM_INFO } from '../kb/platforms';
import { PLATFORMS, type Actor, type Platform } from '../kb/types';
import type { Outcome } from '../probe/types';

export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = Object.fromEntries(
  PLATFORMS.map((p) => [p, PLATFORM_INFO[p].name]),
) as Record<Platform, string>;

export const ACTOR_LABELS: Readonly<Record<Actor, string>> = ACTOR_LABEL;

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP', error: 'ERROR',
};
