/**
 * The literal automaton: every occurrence, overlapping ones included, found through fail transitions
 * (the classic Aho–Corasick example: he, she, his, hers in "ushers").
 */
import { LiteralIndex } from '../../src/parse/literal-index';

function hits(literals: string[], text: string): string[] {
  const index = new LiteralIndex();
  for (const l of literals) index.add(l);
  index.build();
  return index.collect(text, []).map((id) => literals[id] as string);
}

describe('LiteralIndex', () => {
  it('finds overlapping literals that end inside each other', () => {
    expect(hits(['he', 'she', 'his', 'hers'], 'ushers').sort()).toEqual(['he', 'hers', 'she']);
  });

  it('follows fail transitions across a long miss and back to the root on foreign characters', () => {
    expect(hits(['mailbox full', 'box', 'over quota'], 'the mailbo x-mailbox is over quota; mailbox full')).toEqual(['box', 'over quota', 'box', 'mailbox full']);
    expect(hits(['abc'], 'ab\u00e9abc')).toEqual(['abc']);
  });

  it('counts the same occurrences as a naive search, for every character of the alphabet', () => {
    // a fixed pseudo-random text over the literals' letters: every column of every row is exercised
    const literals = ['abc', 'bca', 'cab', 'aab', 'bb', 'c', 'abcabd', 'dz', 'zz', 'a b'];
    const letters = 'abcdz ';
    let seed = 12345;
    let text = '';
    for (let i = 0; i < 4000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += letters[seed % letters.length];
    }
    const naive = (lit: string) => {
      let n = 0;
      for (let i = text.indexOf(lit); i >= 0; i = text.indexOf(lit, i + 1)) n++;
      return n;
    };
    const found = hits(literals, text);
    for (const lit of literals) expect([lit, found.filter((h) => h === lit).length]).toEqual([lit, naive(lit)]);
  });

  it('gives a literal added twice one id', () => {
    const index = new LiteralIndex();
    expect(index.add('relay')).toBe(index.add('relay'));
    expect(index.size).toBe(1);
  });
});
