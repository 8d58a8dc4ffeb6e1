/**
 * Required literals: the text a pattern cannot match without. They gate the knowledge-base rules and
 * the long-tail readers' body fingerprints, so a literal that is not truly required would silently
 * switch a rule off. Checked on hand-made patterns and on every rule example of the knowledge base.
 */
import { requiredLiterals } from '../../src/parse/required-literals';
import { RULES } from '../../src/kb/rules';
import { normalise } from '../../src/classify/evidence';

describe('requiredLiterals', () => {
  it('takes the longest literal run of each top-level alternative', () => {
    expect(requiredLiterals(/user unknown|no such user/)).toEqual(['user unknown', 'no such user']);
    expect(requiredLiterals(/mailbox (?:is )?full/)).toEqual(['mailbox ']);
    expect(requiredLiterals(/spf\.pobox\.com/)).toEqual(['spf.pobox.com']);
    expect(requiredLiterals(/Mailbox Full/i)).toEqual(['mailbox full']); // lower case for /i
  });

  it('reads \\s as a space only for normalised text', () => {
    expect(requiredLiterals(/user\sunknown/, { normalisedSpace: true })).toEqual(['user unknown']);
    expect(requiredLiterals(/user\sunknown/)).toEqual(['unknown']);
  });

  it('falls back to a required group\'s alternatives when no run is long enough', () => {
    expect(requiredLiterals(/\b(?:ofr|lpn|ouk)\d*_(?:101|102)\b/)).toEqual(['ofr', 'lpn', 'ouk']);
    expect(requiredLiterals(/\bib(?:401)\b/)).toEqual(['401']);
  });

  it('never takes a literal from something optional, repeated, escaped or looked around', () => {
    expect(requiredLiterals(/ab(?:cdef)?gh/)).toBeNull(); // the group is optional, runs are too short
    expect(requiredLiterals(/a{100}bc/)).toBeNull(); // quantifier braces are not text
    expect(requiredLiterals(/\x41\x42\x43/)).toBeNull(); // hex escapes, not the digits after them
    expect(requiredLiterals(/\u0041BC/)).toBeNull();
    expect(requiredLiterals(/(?=abcdef)x/)).toBeNull(); // a lookahead consumes nothing
    expect(requiredLiterals(/(?<name>abc)\k<name>def/)).toEqual(['def']);
    expect(requiredLiterals(/ab|long enough/)).toBeNull(); // one alternative without a literal: always run
  });

  it('every literal occurs in every example a rule matches (the knowledge base\'s own lines)', () => {
    let checked = 0;
    for (const rule of RULES) {
      const text = normalise(rule.example);
      if (!rule.pattern.test(text)) continue;
      const lits = requiredLiterals(rule.pattern, { normalisedSpace: true });
      if (!lits) continue;
      expect({ id: rule.id, found: lits.some((l) => text.includes(l)) }).toEqual({ id: rule.id, found: true });
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});
