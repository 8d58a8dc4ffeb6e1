/**
 * The visible-text normaliser and the pasted subject line: what copying adds is removed, nothing else.
 */
import { normalizeVisible, originalSubjectOf, pastedSubjectLine } from '../../../src/parse/text/visible';

describe('normalizeVisible', () => {
  it('turns curly quotes and non-breaking or zero-width spaces into ASCII', () => {
    expect(normalizeVisible('Remote Server returned \u2018550\u00a05.7.1 Unable to relay\u2019 \u201cx\u201d\u200b')).toBe('Remote Server returned \'550 5.7.1 Unable to relay\' "x"');
  });

  it('drops bullets at the start of lines, nested ones too, and keeps the indentation', () => {
    expect(normalizeVisible('\u2022 Delivery has failed\n  \u25e6 \u25aa jane@contoso.com\n5 \u2022 not a bullet')).toBe('Delivery has failed\n  jane@contoso.com\n5 \u2022 not a bullet');
  });

  it('drops one level of "> " quoting only when every line is quoted', () => {
    expect(normalizeVisible('> a@b on 2/12/2010 9:14 AM\n>\n> <server.contoso.com #4.4.7>')).toBe('a@b on 2/12/2010 9:14 AM\n\n<server.contoso.com #4.4.7>');
    const mixed = 'see below\n> quoted line\n>>> RCPT To:<a@b>';
    expect(normalizeVisible(mixed)).toBe(mixed);
  });

  it('replaces code fences by line breaks, keeping a first line glued to the fence', () => {
    expect(normalizeVisible('look: ```Your message to a@b couldn\'t be delivered.```')).toBe('look: \nYour message to a@b couldn\'t be delivered.\n');
  });

  it('returns plain ASCII text unchanged', () => {
    const text = 'Delivery has failed to these recipients or groups:\n\njane@contoso.com\n';
    expect(normalizeVisible(text)).toBe(text);
  });
});

describe('pasted subject line', () => {
  it('recognises the subject Outlook shows above a report, without its label', () => {
    expect(pastedSubjectLine('\nUndeliverable: Board pack\n\nDelivery has failed')).toBe('Undeliverable: Board pack');
    expect(pastedSubjectLine('Mail delivery failed: returning message to sender\n')).toBe('Mail delivery failed: returning message to sender');
    expect(pastedSubjectLine('Hi team, the board pack is attached')).toBeUndefined();
  });

  it('gives the original subject behind an "Undeliverable:" prefix', () => {
    expect(originalSubjectOf('Undeliverable: FW: Invoice 4711')).toBe('FW: Invoice 4711');
    expect(originalSubjectOf('Unzustellbar: Angebot')).toBe('Angebot');
    expect(originalSubjectOf('Mail delivery failed: returning message to sender')).toBeUndefined();
  });
});
