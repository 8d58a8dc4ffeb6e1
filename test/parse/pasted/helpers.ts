/** Shared by the pasted-text tests: how a pasted-* fixture reaches us. */
import type { InputOrigin } from '../../../src/intake';

/** Fixtures named *-slack-* hold Slack's Events API text; the rest are pasted into the CLI or console. */
export function pastedOrigin(name: string): Extract<InputOrigin, 'slack' | 'paste'> {
  return name.includes('-slack-') ? 'slack' : 'paste';
}
