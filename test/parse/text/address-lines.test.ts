/**
 * addressLinesFrom: the recipient lists Gmail's old notice and Amazon SES's relay notice write one
 * address per line under a heading (shapes as in test/fixtures/bounces/gmail-*.txt and amazonses-*).
 */
import { addressLinesFrom } from '../../../src/parse/text/common';

const HEADING = 'Delivery to the following recipient failed permanently:';

function after(text: string): string[] {
  return addressLinesFrom(text, text.indexOf(HEADING) + HEADING.length);
}

describe('addressLinesFrom', () => {
  it('reads the addresses under the heading, skipping the blank line before them', () => {
    expect(after(`${HEADING}\n\n     kim@example.com\n     Lee@Example.org\n\nTechnical details of permanent failure:\n`))
      .toEqual(['kim@example.com', 'Lee@example.org']);
  });

  it('stops at the first line that is not an address', () => {
    expect(after(`${HEADING}\n  kim@example.com\nThe error that the other server returned was: 550 5.1.1\n  lee@example.org\n`))
      .toEqual(['kim@example.com']);
  });

  it('finds nothing when the heading is followed by prose', () => {
    expect(after(`${HEADING}\n\nSee the technical details below.\n`)).toEqual([]);
    expect(after(HEADING)).toEqual([]);
  });
});
