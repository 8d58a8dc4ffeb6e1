/**
 * KB self-test: the rule table is data, so its own examples are the test cases. Every rule's
 * example — a real server line — must classify to that rule's cause through classify(), with the
 * report facts the example came with (stage, status, the provider's host).
 */
import { RULES, RULE_FAMILIES } from '../../src/kb/rules';
import type { TextRule } from '../../src/kb/rules/types';
import { CAUSE_IDS } from '../../src/kb/cause-ids';
import { CAUSE_DEFAULTS } from '../../src/kb/cause-defaults';
import { REASONS } from '../../src/kb/types';
import { PROVIDER_IDS, sampleHost } from '../../src/kb/providers';
import { classify } from '../../src/classify';
import type { ParsedReport } from '../../src/parse/types';
import { normalise } from '../../src/classify/evidence';

function reportFor(rule: TextRule): ParsedReport {
  const f = rule.exampleFacts ?? {};
  const remoteHost = f.remoteHost ?? (rule.provider ? sampleHost(rule.provider) : undefined);
  return {
    kind: 'bounce',
    source: { format: 'text', ...(f.mta ? { mta: f.mta } : {}) },
    recipients: [{
      address: 'kijitora@example.jp',
      diagnostic: rule.example,
      ...(f.status ? { status: f.status } : {}),
      ...(f.replyCode ? { replyCode: f.replyCode } : {}),
      ...(f.command ? { command: f.command } : {}),
      ...(remoteHost ? { remoteHost } : {}),
    }],
    text: rule.example,
    warnings: [],
  };
}

describe('knowledge-base rules', () => {
  it('has a few hundred rules, none in an empty family', () => {
    expect(RULES.length).toBeGreaterThan(250);
    for (const rules of Object.values(RULE_FAMILIES)) expect(rules.length).toBeGreaterThan(0);
  });

  it('uses unique ids', () => {
    const ids = RULES.map((r) => r.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('points only at known causes, reasons and providers', () => {
    for (const r of RULES) {
      expect(CAUSE_IDS).toContain(r.cause);
      if (r.reason) expect(REASONS).toContain(r.reason);
      if (r.provider) expect(PROVIDER_IDS).toContain(r.provider);
    }
  });

  it('ties provider-tier rules to a provider', () => {
    for (const r of RULES) {
      if (r.tier === 'provider') expect({ id: r.id, provider: r.provider }).toEqual({ id: r.id, provider: expect.any(String) });
    }
  });

  it('compiles every pattern, written in lower case (the text they run on is lower-cased)', () => {
    for (const r of RULES) {
      expect(() => new RegExp(r.pattern.source, r.pattern.flags)).not.toThrow();
      expect(r.pattern.flags).not.toMatch(/[gy]/); // a stateful regex would skip matches between calls
      // Upper-case letters outside escapes (\S, \d, \b …) could never match.
      expect({ id: r.id, upper: r.pattern.source.replace(/\\[A-Za-z]/g, '').match(/[A-Z]/g) }).toEqual({ id: r.id, upper: null });
    }
  });

  it('gives every rule a real example and a source', () => {
    for (const r of RULES) {
      expect(r.example.trim().length).toBeGreaterThan(5);
      expect(r.source).toMatch(/^(?:https?:\/\/\S+|corpus shape: [a-z0-9-]+)$/);
    }
  });

  it('matches its own example with its own pattern', () => {
    for (const r of RULES) expect({ id: r.id, matches: r.pattern.test(normalise(r.example)) }).toEqual({ id: r.id, matches: true });
  });

  it.each(RULES.map((r) => [r.id, r] as const))('classifies the example of %s to its cause', (_id, rule) => {
    const d = classify(reportFor(rule));
    expect(d.recipients).toHaveLength(1);
    const got = d.recipients[0];
    expect(got?.cause).toBe(rule.cause);
    if (got?.rule === rule.id) expect(got.reason).toBe(rule.reason ?? CAUSE_DEFAULTS[rule.cause].reason);
  });
});
