/**
 * A Unix mbox of several bounces: every message is found (LF or CRLF line endings), the recipients of
 * up to MIME_LIMITS.maxMailboxMessages messages are listed, and the warnings say truthfully how many
 * messages there were and how many were read.
 *
 * Shapes: mbox "From " separator lines (RFC 4155) between Postfix-style plain-text bounces
 * (bounce(8) wording). Built in code.
 */
import { readInput } from '../../src/intake';
import { parseReport } from '../../src/parse';
import { MIME_LIMITS } from '../../src/parse/limits';
import { readMessage, splitMailbox } from '../../src/parse/mime';

function bounce(i: number): string {
  return [
    `From MAILER-DAEMON Mon Jan  1 00:00:${String(i % 60).padStart(2, '0')} 2024`,
    'Return-Path: <>',
    'From: MAILER-DAEMON@mail.example.org (Mail Delivery System)',
    'Subject: Undelivered Mail Returned to Sender',
    `Message-Id: <bounce-${i}@mail.example.org>`,
    '',
    'This is the mail system at host mail.example.org.',
    '',
    `<user${i}@example.com>: host mx.example.com[192.0.2.25] said: 550 5.1.1 <user${i}@example.com>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)`,
    '',
  ].join('\n');
}

function mbox(n: number, eol = '\n'): Buffer {
  return Buffer.from(Array.from({ length: n }, (_, i) => bounce(i)).join('\n').replace(/\n/g, eol));
}

const parse = (bytes: Buffer) => parseReport(readInput(bytes, { origin: 'file' }));

describe('splitMailbox', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('finds every message of a %s mailbox, however many', (_name, eol) => {
    const n = MIME_LIMITS.maxMailboxMessages + 30;
    const messages = splitMailbox(mbox(n, eol)) ?? [];
    expect(messages.length).toBe(n);
    expect(messages.map((m) => readMessage(m).headers.get('message-id'))).toEqual(Array.from({ length: n }, (_, i) => `<bounce-${i}@mail.example.org>`));
  });
});

describe('parseReport on a mailbox', () => {
  it('50 bounces: every recipient, and a warning that says so', () => {
    const report = parse(mbox(50));
    expect(report.recipients.map((r) => r.address)).toEqual(Array.from({ length: 50 }, (_, i) => `user${i}@example.com`));
    const warnings = report.warnings.join(' ');
    expect(warnings).toMatch(/mailbox with 50 messages; the recipients of all of them are listed/);
    expect(warnings).not.toMatch(/only the first/);
  });

  it('past maxMailboxMessages: the first ones, and a warning with the real count and how many were not read', () => {
    const n = MIME_LIMITS.maxMailboxMessages + 30;
    const report = parse(mbox(n));
    expect(report.recipients.length).toBe(MIME_LIMITS.maxMailboxMessages);
    expect(report.recipients.at(-1)?.address).toBe(`user${MIME_LIMITS.maxMailboxMessages - 1}@example.com`);
    const warnings = report.warnings.join(' ');
    expect(warnings).toContain(`mailbox with ${n} messages; the recipients of the first ${MIME_LIMITS.maxMailboxMessages} are listed, the other 30 messages were not read`);
    expect(warnings).not.toMatch(/only the first|all of them/);
  });

  it('a CRLF mailbox is read whole too', () => {
    const report = parse(mbox(30, '\r\n'));
    expect(report.recipients.length).toBe(30);
    expect(report.warnings.join(' ')).not.toMatch(/only the first/);
  });
});
