/** collapseWhitespace must give exactly what `replace(/\s+/g, ' ')` gives, for every kind of white space. */
import { collapseWhitespace } from '../../src/parse/whitespace';

describe('collapseWhitespace', () => {
  const pieces = ['a', 'b', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', '\f', 'x y', ''];

  it('matches the regular expression on every combination of a few pieces', () => {
    for (const a of pieces) for (const b of pieces) for (const c of pieces) {
      const text = a + b + c;
      expect(JSON.stringify(collapseWhitespace(text))).toBe(JSON.stringify(text.replace(/\s+/g, ' ')));
    }
  });

  it('returns already-collapsed text as it is', () => {
    const text = 'host mx.example.org said: 550 5.1.1 user unknown';
    expect(collapseWhitespace(text)).toBe(text);
    expect(collapseWhitespace('two  spaces')).toBe('two spaces');
    expect(collapseWhitespace('tab\there')).toBe('tab here');
  });
});
