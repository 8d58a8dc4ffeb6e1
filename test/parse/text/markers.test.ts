/**
 * Reader detection markers (src/parse/text/common.ts): literal, pattern and [literal, pattern] markers,
 * compiled once per reader, asked about one report after another. Views are built in the shape the MIME
 * layer hands the readers (test/parse/longtail/view.ts).
 */
import { joinLines, markerSet, mentions } from '../../../src/parse/text/common';
import { pasted, viewOf } from '../longtail/view';

describe('mentions', () => {
  const set = markerSet([
    'Delivery has failed to these recipients',
    /^Undeliverable: /m,
    ['did not reach', /^[ \t]*did not reach the following recipient\(s\):[ \t]*$/m],
  ]);

  test('a literal marker holds when the text contains it, in the subject or the body', () => {
    expect(mentions(pasted('Hello\nDelivery has failed to these recipients or groups:\n'), set)).toBe(true);
    expect(mentions(viewOf({ headers: { Subject: 'Undeliverable: hello' }, body: 'text' }), set)).toBe(true);
    expect(mentions(pasted('Delivery failed for these recipients\n'), set)).toBe(false);
  });

  test('a pair holds only when its pattern confirms the literal', () => {
    expect(mentions(pasted('Your message\n  did not reach the following recipient(s):\n'), set)).toBe(true);
    expect(mentions(pasted('The message did not reach anyone in particular.\n'), set)).toBe(false);
  });

  test('each report gets its own answer, also when one set is asked about again and again', () => {
    const yes = pasted('Delivery has failed to these recipients or groups:\n');
    const no = pasted('nothing to see here\n');
    expect([mentions(yes, set), mentions(no, set), mentions(yes, set), mentions(yes, set), mentions(no, set)])
      .toEqual([true, false, true, true, false]);
  });

  test('two sets asked about the same report answer independently', () => {
    const other = markerSet(['nothing to see']);
    const view = pasted('nothing to see here\n');
    expect([mentions(view, set), mentions(view, other), mentions(view, set)]).toEqual([false, true, false]);
  });

  test('only the first 8 KB of the body are read', () => {
    const far = pasted(`${'x'.repeat(9000)}\nDelivery has failed to these recipients\n`);
    expect(mentions(far, set)).toBe(false);
  });
});

describe('joinLines', () => {
  test('wrapped lines become one line of single spaces', () => {
    expect(joinLines(['  550 5.1.1 <a@b.example>:', '\tRecipient address rejected:  User unknown  '])).toBe('550 5.1.1 <a@b.example>: Recipient address rejected: User unknown');
    expect(joinLines(['already one line'])).toBe('already one line');
    expect(joinLines([])).toBe('');
  });
});
