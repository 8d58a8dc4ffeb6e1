/** The prefilter: literal anchors derived from each pattern, found with one Aho–Corasick pass. */
import { literalAnchors, AnchorIndex, compileRules, mayMatch, anchorsIn, candidateRules } from '../../src/classify/matcher';
import { RULES } from '../../src/kb/rules';
import { normalise } from '../../src/classify/evidence';

describe('literalAnchors', () => {
  it('takes the longest required literal of each top-level alternative', () => {
    expect(literalAnchors(/user unknown|no such user/)).toEqual(['user unknown', 'no such user']);
    expect(literalAnchors(/mailbox (?:is )?full/)).toEqual(['mailbox ']);
    expect(literalAnchors(/relay(?:ing)? denied/)).toEqual([' denied']);
    expect(literalAnchors(/non-?existent user/)).toEqual(['existent user']);
    expect(literalAnchors(/spf\.pobox\.com/)).toEqual(['spf.pobox.com']);
    expect(literalAnchors(/\bib\d{3}\b/)).toBeNull(); // no literal of three characters: always tested
    expect(literalAnchors(/ab|long enough/)).toBeNull();
  });

  it('never filters out a text the pattern matches (checked on every rule example)', () => {
    const table = compileRules(RULES);
    for (const c of table.rules) {
      const text = normalise(c.rule.example);
      if (!c.rule.pattern.test(text)) continue;
      expect({ id: c.rule.id, may: mayMatch(c, anchorsIn(table, text)) }).toEqual({ id: c.rule.id, may: true });
      expect(candidateRules(table, [text])).toContain(c.index);
    }
  });
});

describe('candidateRules', () => {
  it('lists each candidate once, in table order, for one text as for a list of texts', () => {
    const table = compileRules(RULES);
    const text = normalise('550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual mailbox table; mailbox full, quota exceeded');
    const one = candidateRules(table, text);
    expect(one).toEqual(candidateRules(table, [text]));
    expect(one).toEqual([...new Set(one)].sort((a, b) => a - b));
    expect(one.length).toBeGreaterThan(table.unanchored.length);
    // two texts: the rules of both, merged
    const other = normalise('421 4.7.0 too many connections from your ip');
    const both = candidateRules(table, [text, other]);
    expect(both).toEqual([...new Set([...one, ...candidateRules(table, other)])].sort((a, b) => a - b));
  });
});

describe('AnchorIndex', () => {
  it('skips unrelated rules: a short unrelated text leaves only the always-tested ones', () => {
    const table = compileRules(RULES);
    expect(candidateRules(table, ['hello world']).length).toBe(table.unanchored.length);
  });

  it('finds every anchor that occurs, overlapping ones included', () => {
    const idx = new AnchorIndex();
    const ids = ['he', 'she', 'his', 'hers', 'user unknown', 'unknown'].map((a) => idx.add(a));
    idx.build();
    const seen = new Set<number>();
    idx.scan('ushers: user unknown', (id) => seen.add(id));
    expect(ids.map((id) => seen.has(id))).toEqual([true, true, false, true, true, true]);
    const none = new Set<number>();
    idx.scan('nothing at all', (id) => none.add(id));
    expect(none.size).toBe(0);
    expect(idx.add('she')).toBe(ids[1]);
  });
});
