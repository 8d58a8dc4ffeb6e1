/**
 * Bounce inputs for the CLI and console end-to-end tests, written by us in real shapes:
 *  - QUEUE_LINE, DELAY_DSN_TEXT, EXPIRY_NDR_TEXT: the three texts of the story (Microsoft KB 329636 as
 *    quoted in shared/seed): the Exchange 2003 queue viewer's error, the delay DSN and the #4.4.7 NDR.
 *  - POSTFIX_DSN: a Postfix bounce as Postfix's bounce(8) writes it — multipart/report with the
 *    "This is the mail system at host" notice and an RFC 3464 message/delivery-status part.
 *  - NOT_A_BOUNCE: an ordinary message about email.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const QUEUE_LINE = 'The remote SMTP service rejected AUTH negotiation';

export const DELAY_DSN_TEXT = [
  'Delivery Status Notification',
  '',
  'This is an automatically generated Delivery Status Notification.',
  '',
  'THIS IS A WARNING MESSAGE ONLY.',
  '',
  'YOU DO NOT NEED TO RESEND YOUR MESSAGE',
  '',
  'Delivery to the following recipients has been delayed',
  '',
  '       someone@example.com',
].join('\n');

export const EXPIRY_NDR_TEXT = [
  'Your message did not reach some or all of the intended recipients.',
  '',
  '      Subject:  Quarterly figures',
  '      Sent:     2/10/2010 9:12 AM',
  '',
  'The following recipient(s) could not be reached:',
  '',
  '      someone@example.com on 2/12/2010 9:14 AM',
  '            Could not deliver the message in the time limit specified.  Please retry or contact your administrator.',
  '            <server.contoso.com #4.4.7>',
].join('\n');

export const POSTFIX_DSN = [
  'Return-Path: <>',
  'Date: Tue, 14 Jan 2025 10:02:11 +0000 (UTC)',
  'From: MAILER-DAEMON@mail.example.net (Mail Delivery System)',
  'Subject: Undelivered Mail Returned to Sender',
  'To: alice@example.net',
  'Auto-Submitted: auto-replied',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="B1A2C3.1736848931/mail.example.net"',
  'Message-Id: <20250114100211.B1A2C3@mail.example.net>',
  '',
  'This is a MIME-encapsulated message.',
  '',
  '--B1A2C3.1736848931/mail.example.net',
  'Content-Description: Notification',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'This is the mail system at host mail.example.net.',
  '',
  "I'm sorry to have to inform you that your message could not",
  'be delivered to one or more recipients. It\'s attached below.',
  '',
  '<nobody@example.org>: host mx.example.org[192.0.2.25] said: 550 5.1.1',
  '    <nobody@example.org>: Recipient address rejected: User unknown in virtual',
  '    mailbox table (in reply to RCPT TO command)',
  '',
  '--B1A2C3.1736848931/mail.example.net',
  'Content-Description: Delivery report',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mail.example.net',
  'X-Postfix-Queue-ID: B1A2C3',
  'X-Postfix-Sender: rfc822; alice@example.net',
  'Arrival-Date: Tue, 14 Jan 2025 10:02:10 +0000 (UTC)',
  '',
  'Final-Recipient: rfc822; nobody@example.org',
  'Original-Recipient: rfc822;nobody@example.org',
  'Action: failed',
  'Status: 5.1.1',
  'Remote-MTA: dns; mx.example.org',
  'Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.org>: Recipient address',
  '    rejected: User unknown in virtual mailbox table',
  '',
  '--B1A2C3.1736848931/mail.example.net',
  'Content-Description: Undelivered Message Headers',
  'Content-Type: text/rfc822-headers',
  '',
  'From: alice@example.net',
  'To: nobody@example.org',
  'Subject: Lunch',
  'Message-Id: <20250114100210.0F1E2D@mail.example.net>',
  '',
  '--B1A2C3.1736848931/mail.example.net--',
  '',
].join('\n');

export const NOT_A_BOUNCE = 'Hi team,\n\nThe new mail server goes live on Monday. Please test sending and receiving.\n\nThanks,\nBob\n';

/** A directory with one file per fixture, plus a binary file and an empty one. */
export function fixtureDir(): { dir: string; files: Record<'queue' | 'delay' | 'expiry' | 'postfix' | 'chat' | 'binary' | 'empty', string> } {
  const dir = mkdtempSync(join(tmpdir(), 'smtpcheck-fixtures-'));
  const files = {
    queue: join(dir, 'a-queue-error.txt'),
    delay: join(dir, 'b-delay.txt'),
    expiry: join(dir, 'c-expiry.txt'),
    postfix: join(dir, 'd-postfix.eml'),
    chat: join(dir, 'e-chat.txt'),
    binary: join(dir, 'f-image.png'),
    empty: join(dir, 'g-empty.txt'),
  };
  writeFileSync(files.queue, `${QUEUE_LINE}\n`);
  writeFileSync(files.delay, DELAY_DSN_TEXT);
  writeFileSync(files.expiry, EXPIRY_NDR_TEXT);
  writeFileSync(files.postfix, POSTFIX_DSN);
  writeFileSync(files.chat, NOT_A_BOUNCE);
  writeFileSync(files.binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
  writeFileSync(files.empty, '');
  return { dir, files };
}
