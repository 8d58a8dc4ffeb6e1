/**
 * Choosing a cause's steps for a platform, and splitting step text into prose and code for renderers.
 */
import { PLATFORMS, type Cause, type Platform } from '../kb/types';

type StepTable = Partial<Record<Platform, string[]>>;

export interface ChosenSteps {
  steps: string[];
  /** The platform whose own steps are included; 'generic' when the platform has none. */
  platform: Platform;
}

function nonEmpty(list: string[] | undefined): list is string[] {
  return Array.isArray(list) && list.length > 0;
}

/**
 * Steps for `platform`, falling back to generic. `primary` is what classify attached to the ranked cause;
 * the catalogue entry fills anything it lacks. A platform's steps follow the generic ones unless the
 * catalogue marks them as a complete procedure (Cause.completeSteps).
 */
export function chooseSteps(primary: StepTable | undefined, catalogue: Cause | undefined, platform: Platform): ChosenSteps {
  const generic = nonEmpty(primary?.generic) ? primary.generic : catalogue?.steps.generic ?? [];
  if (platform === 'generic') return { steps: [...generic], platform: 'generic' };
  const own = nonEmpty(primary?.[platform]) ? primary[platform] : catalogue?.steps[platform];
  if (!nonEmpty(own)) return { steps: [...generic], platform: 'generic' };
  const standsAlone = catalogue?.completeSteps?.includes(platform) ?? false;
  return { steps: standsAlone ? [...own] : [...generic, ...own], platform };
}

/** Platforms with steps of their own for a cause, in PLATFORMS order, ending with 'generic'. */
export function platformsWithSteps(primary: StepTable | undefined, catalogue: Cause | undefined): Platform[] {
  const has = (p: Platform) => nonEmpty(primary?.[p]) || nonEmpty(catalogue?.steps[p]);
  return [...PLATFORMS.filter((p) => p !== 'generic' && has(p)), 'generic'];
}

export interface StepSegment {
  text: string;
  /** True for a command or value to show as code. */
  code: boolean;
}

// ``…`` first (code that contains backticks, e.g. sendmail m4), then `…`.
const CODE_SPAN = /``(.+?)``|`([^`]+)`/g;

/** Split a step into prose and code segments. Text without code spans is one prose segment. */
export function stepSegments(step: string): StepSegment[] {
  const out: StepSegment[] = [];
  let last = 0;
  for (const m of step.matchAll(CODE_SPAN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: step.slice(last, at), code: false });
    out.push({ text: m[1] ?? m[2], code: true });
    last = at + m[0].length;
  }
  if (last < step.length) out.push({ text: step.slice(last), code: false });
  return out;
}
