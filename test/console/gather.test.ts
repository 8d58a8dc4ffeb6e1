import { Gatherer, isCommandLine, type ConsoleMessage } from '../../src/console/gather';

function gather(mode: 'line' | 'burst') {
  const out: ConsoleMessage[] = [];
  return { g: new Gatherer((m) => out.push(m), mode), out };
}

const PASTE = ['Delivery Status Notification', '', 'THIS IS A WARNING MESSAGE ONLY.', '', 'Delivery to the following recipients has been delayed', 'someone@example.com'];

describe('Gatherer in line mode (piped input)', () => {
  it('runs command lines at once and collects a paste, blank lines included, until a lone dot', () => {
    const { g, out } = gather('line');
    for (const line of ['help', ...PASTE, '.', 'platform exchange-2003', 'quit']) g.line(line);
    expect(out).toEqual([
      { kind: 'text', text: 'help', pasted: false },
      { kind: 'text', text: PASTE.join('\n'), pasted: true },
      { kind: 'text', text: 'platform exchange-2003', pasted: false },
      { kind: 'quit' },
    ]);
  });

  it('ends a paste at a pause and at the end of input, dropping trailing blank lines', () => {
    const { g, out } = gather('line');
    g.line('first line of a bounce');
    g.line('second\r');
    g.line('');
    g.pause();
    g.line('another paste');
    g.end();
    expect(out).toEqual([
      { kind: 'text', text: 'first line of a bounce\nsecond', pasted: true },
      { kind: 'text', text: 'another paste', pasted: true },
    ]);
  });

  it('ignores blank lines and stray dots between messages', () => {
    const { g, out } = gather('line');
    for (const line of ['', '  ', '.', 'recheck']) g.line(line);
    g.end();
    expect(out).toEqual([{ kind: 'text', text: 'recheck', pasted: false }]);
  });

  it('keeps a command-looking line inside a paste as part of the paste', () => {
    const { g, out } = gather('line');
    for (const line of ['The mail system', 'help', '.']) g.line(line);
    expect(out).toEqual([{ kind: 'text', text: 'The mail system\nhelp', pasted: true }]);
  });
});

describe('Gatherer in burst mode (a terminal)', () => {
  it('makes one message of each burst, so a paste starting with an address stays one paste', () => {
    const { g, out } = gather('burst');
    g.line('someone@example.com');
    g.line('Could not deliver the message in the time limit specified.');
    g.pause();
    g.line('probe example.com');
    g.pause();
    g.line('quit');
    g.pause();
    expect(out).toEqual([
      { kind: 'text', text: 'someone@example.com\nCould not deliver the message in the time limit specified.', pasted: true },
      { kind: 'text', text: 'probe example.com', pasted: false },
      { kind: 'quit' },
    ]);
  });
});

describe('isCommandLine', () => {
  it('knows commands, bare targets and quit, but not bounce text', () => {
    for (const line of ['probe example.com', 'example.com', 'recheck', 'platform postfix', 'details', 'EXIT', 'probe', 'platform notes']) expect(isCommandLine(line)).toBe(true);
    for (const line of ['Delivery Status Notification', 'The remote SMTP service rejected AUTH negotiation', '']) expect(isCommandLine(line)).toBe(false);
  });
});
