import { CAUSE_IDS } from '../../src/kb/cause-ids';
import { CAUSE_DEFAULTS } from '../../src/kb/cause-defaults';
import { REASONS } from '../../src/kb/types';

describe('cause defaults', () => {
  it('has exactly one row per cause id', () => {
    expect(Object.keys(CAUSE_DEFAULTS).sort()).toEqual([...CAUSE_IDS].sort());
    expect(new Set(CAUSE_IDS).size).toBe(CAUSE_IDS.length);
  });

  it('uses only Sisimai reason names', () => {
    for (const id of CAUSE_IDS) expect(REASONS).toContain(CAUSE_DEFAULTS[id].reason);
  });

  it('marks the story cause as a sender-side, retryable security error', () => {
    expect(CAUSE_DEFAULTS['outbound-auth-mismatch']).toMatchObject({ reason: 'securityerror', actor: 'sender-admin', hard: false });
  });
});
