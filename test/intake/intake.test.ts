/**
 * Intake: size limits (truncate, or refuse far-too-large input), binary detection, empty input,
 * UTF-16 text, and Slack's escaping undone before parsing.
 */
import { readInput, DEFAULT_MAX_BYTES } from '../../src/intake';
import { ErrorCode, SmtpcheckError } from '../../src/errors';

function codeOf(fn: () => unknown): ErrorCode | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof SmtpcheckError) return err.code;
    throw err;
  }
  return undefined;
}

describe('readInput: size', () => {
  it('keeps input up to maxBytes untouched', () => {
    const text = 'Final-Recipient: rfc822; a@example.com\n'.repeat(10);
    const raw = readInput(text, { maxBytes: 1024 });
    expect(raw.bytes.toString()).toBe(text);
    expect(raw.truncated).toBeUndefined();
    expect(raw.warnings).toBeUndefined();
  });

  it('truncates oversized input at a line break and says so', () => {
    const line = 'Diagnostic-Code: smtp; 550 5.1.1 user unknown\n';
    const text = line.repeat(100); // 4,700 bytes
    const raw = readInput(text, { maxBytes: 1000 });
    expect(raw.truncated).toBe(true);
    expect(raw.bytes.length).toBeLessThanOrEqual(1000);
    expect(raw.bytes.toString().endsWith('\n')).toBe(true);
    expect(raw.bytes.toString().split('\n').filter(Boolean).every((l) => l === line.trim())).toBe(true);
    expect(raw.warnings?.[0]).toMatch(/only the first/);
  });

  it('refuses input far beyond the limit with InputTooLarge and a clear message', () => {
    const big = Buffer.alloc(9 * 1000, 'a');
    expect(codeOf(() => readInput(big, { maxBytes: 1000 }))).toBe(ErrorCode.InputTooLarge);
    try {
      readInput(big, { maxBytes: 1000 });
    } catch (err) {
      expect((err as Error).message).toMatch(/smtpcheck reads bounces up to/);
      expect((err as Error).message).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('refuses anything over maxBytes when asked to', () => {
    expect(codeOf(() => readInput(Buffer.alloc(2000, 'a'), { maxBytes: 1000, oversize: 'reject' }))).toBe(ErrorCode.InputTooLarge);
  });

  it('defaults to 2 MiB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(2 * 1024 * 1024);
    const raw = readInput(Buffer.alloc(DEFAULT_MAX_BYTES + 10, 'x'));
    expect(raw.truncated).toBe(true);
  });
});

describe('readInput: empty and binary input', () => {
  it.each(['', '   \n\t\r\n', Buffer.alloc(0)])('refuses empty input %#', (input) => {
    expect(codeOf(() => readInput(input))).toBe(ErrorCode.BadInput);
  });

  it.each([
    ['PDF', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 1)]), /PDF/],
    ['Outlook .msg', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /Outlook \.msg/],
    ['ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), /ZIP/],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /PNG/],
  ])('names a %s file', (_what, bytes, message) => {
    expect(codeOf(() => readInput(bytes))).toBe(ErrorCode.BinaryInput);
    expect(() => readInput(bytes)).toThrow(message);
  });

  it('refuses data full of NUL bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0 : 0x41 + (i % 20))));
    expect(codeOf(() => readInput(bytes))).toBe(ErrorCode.BinaryInput);
  });

  it('refuses data that is mostly control characters', () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 2 ? 0x02 : 0x41)));
    expect(codeOf(() => readInput(bytes))).toBe(ErrorCode.BinaryInput);
  });

  it('drops a stray NUL in otherwise normal text', () => {
    const raw = readInput(Buffer.from('Subject: Delivery failure\n\n550 5.1.1 user unknown\n\0'));
    expect(raw.bytes.includes(0)).toBe(false);
    expect(raw.warnings?.join(' ')).toMatch(/NUL/);
  });

  it('accepts ISO-2022-JP text (ESC bytes are text)', () => {
    const raw = readInput(Buffer.from('1b2442245b245d1b2842', 'hex'));
    expect(raw.bytes.length).toBe(10);
  });

  it('reads UTF-16 text (with or without BOM) as UTF-8', () => {
    const text = '550 5.1.1 <a@example.com>: user unknown';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(readInput(le).bytes.toString('utf8')).toBe(text);
    expect(readInput(Buffer.from(text, 'utf16le')).bytes.toString('utf8')).toBe(text);
    const be = Buffer.from(text, 'utf16le');
    be.swap16();
    expect(readInput(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).bytes.toString('utf8')).toBe(text);
  });
});

describe('readInput: Slack messages', () => {
  const slack = (text: string) => readInput(text, { origin: 'slack' }).bytes.toString('utf8');

  it('decodes &lt; &gt; &amp; and unwraps mailto links', () => {
    expect(slack('&lt;<mailto:bob@example.com|bob@example.com>&gt;: Recipient address rejected &amp; logged')).toBe(
      '<bob@example.com>: Recipient address rejected & logged',
    );
  });

  it('keeps a literal entity the user typed', () => {
    expect(slack('see &amp;lt; here')).toBe('see &lt; here');
  });

  it('turns links into the URL, but keeps auto-linked host names as typed', () => {
    expect(slack('visit <https://support.google.com/mail/?p=NoSuchUser|Learn more>')).toBe('visit https://support.google.com/mail/?p=NoSuchUser');
    expect(slack('<http://example.org>')).toBe('http://example.org');
    expect(slack('host <http://mx1.example.net|mx1.example.net>[198.51.100.25] said')).toBe('host mx1.example.net[198.51.100.25] said');
  });

  it('leaves channel and user mentions readable', () => {
    expect(slack('ping <@U024BE7LH> in <#C024BE7LR|ops>, <!here>')).toBe('ping @U024BE7LH in #ops, @here');
  });

  it('strips code fences, even with no line break after them', () => {
    expect(slack('```Final-Recipient: rfc822; a@example.com\nStatus: 5.1.1```')).toBe('Final-Recipient: rfc822; a@example.com\nStatus: 5.1.1\n');
  });

  it('drops the ">>>" that quotes the rest of a message, but not a Sendmail transcript line', () => {
    expect(slack('&gt;&gt;&gt; Delivery has failed to these recipients or groups:')).toBe('Delivery has failed to these recipients or groups:');
    expect(slack('&gt;&gt;&gt; RCPT To:&lt;dave@example.net&gt;\n&lt;&lt;&lt; 550 5.7.1 Relaying denied')).toBe('>>> RCPT To:<dave@example.net>\n<<< 550 5.7.1 Relaying denied');
  });

  it('decodes the HTML entities bridges and clients add (&quot; &#39; &nbsp;)', () => {
    expect(slack('Remote Server returned &#39;550 5.7.1 Unable to relay&#39; &quot;x&quot;&nbsp;y')).toBe('Remote Server returned \'550 5.7.1 Unable to relay\' "x" y');
  });

  it('leaves other origins alone', () => {
    expect(readInput('&lt;a@b&gt;', { origin: 'paste' }).bytes.toString()).toBe('&lt;a@b&gt;');
  });

  it('refuses a message that is only formatting', () => {
    expect(codeOf(() => readInput('``` ```', { origin: 'slack' }))).toBe(ErrorCode.BadInput);
  });
});
