/**
 * The long-tail readers' linear-time replacements for patterns that backtracked quadratically
 * (bench/redos.js): each must give exactly what the pattern it replaces gives. Compared on a fixed
 * pseudo-random stream of the characters those patterns care about.
 */
import { angleAddress, hasInnerAt, maskAddresses } from '../../../src/parse/text/longtail/common';

function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
}

function texts(seed: number, units: readonly string[], count: number): string[] {
  const rnd = lcg(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let t = '';
    for (let n = Math.floor(rnd() * 10); n > 0; n--) t += units[Math.floor(rnd() * units.length)];
    out.push(t);
  }
  return out;
}

describe('linear scans', () => {
  it('maskAddresses is `replace(/<[^<>]*>|\\S+@\\S+/g, " ")`', () => {
    for (const t of texts(1, ['<', '>', '@', 'a', ' ', '\t', '\u00a0', 'x@y', '<a b>', 'b@', '@c', '\n', ':'], 50000)) {
      expect(JSON.stringify(maskAddresses(t))).toBe(JSON.stringify(t.replace(/<[^<>]*>|\S+@\S+/g, ' ')));
    }
  });

  it('angleAddress is `/<([^>]+@[^>]+)>/.exec(text)?.[1]`', () => {
    for (const t of texts(2, ['<', '>', '@', 'a', ' ', 'b@', '@c', 'x'], 50000)) {
      expect(angleAddress(t)).toBe(/<([^>]+@[^>]+)>/.exec(t)?.[1]);
    }
  });

  it('hasInnerAt is `/^\\S+@\\S+$/` on a token', () => {
    for (const t of texts(3, ['@', 'a', 'b', '.'], 20000)) {
      if (!t) continue;
      expect(hasInnerAt(t)).toBe(/^[\s\S]+@[\s\S]+$/.test(t));
    }
    expect(hasInnerAt('user@example.org')).toBe(true);
    expect(hasInnerAt('@example.org')).toBe(false);
    expect(hasInnerAt('user@')).toBe(false);
    expect(hasInnerAt('@@')).toBe(false);
    expect(hasInnerAt('a@@')).toBe(true);
  });
});
