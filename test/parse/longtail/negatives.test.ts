/**
 * The long-tail readers run after the major ones, but they must still keep off reports that are not
 * theirs: the major MTAs' own texts and ordinary mail. And odd input never makes a reader throw.
 */
import { LONGTAIL_PRIORITY_READERS, LONGTAIL_READERS } from '../../../src/parse/text/longtail';
import { pasted, viewOf } from './view';

/** Short, real-shaped texts of the major systems (their templates, written out by hand). */
const MAJOR: Record<string, { headers?: Record<string, string>; body: string; deliveryStatus?: string }> = {
  postfix: {
    headers: { From: 'MAILER-DAEMON@mail.example.net (Mail Delivery System)', Subject: 'Undelivered Mail Returned to Sender' },
    body: [
      'This is the mail system at host mail.example.net.', '',
      "I'm sorry to have to inform you that your message could not", "be delivered to one or more recipients. It's attached below.", '',
      '                   The mail system', '',
      '<alice@example.org>: host mx1.example.org[192.0.2.25] said: 550 5.1.1',
      '    <alice@example.org>: Recipient address rejected: User unknown (in reply to',
      '    RCPT TO command)',
    ].join('\n'),
    deliveryStatus: 'Reporting-MTA: dns; mail.example.net\n\nFinal-Recipient: rfc822; alice@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown',
  },
  exim: {
    headers: { From: 'Mail Delivery System <Mailer-Daemon@mail.example.net>', Subject: 'Mail delivery failed: returning message to sender' },
    body: [
      'This message was created automatically by mail delivery software.', '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:', '',
      '  alice@example.org',
      '    host mx1.example.org [192.0.2.25]',
      '    SMTP error from remote mail server after RCPT TO:<alice@example.org>:',
      '    550 5.1.1 <alice@example.org>: Recipient address rejected: User unknown',
    ].join('\n'),
  },
  sendmail: {
    headers: { From: 'Mail Delivery Subsystem <MAILER-DAEMON@mail.example.net>', Subject: 'Returned mail: see transcript for details' },
    body: [
      'The original message was received at Mon, 3 Mar 2025 10:12:38 +0100', 'from localhost [127.0.0.1]', '',
      '   ----- The following addresses had permanent fatal errors -----', '<alice@example.org>',
      '    (reason: 550 5.1.1 <alice@example.org>... User unknown)', '',
      '   ----- Transcript of session follows -----', '... while talking to mx1.example.org.:',
      '>>> RCPT To:<alice@example.org>', '<<< 550 5.1.1 <alice@example.org>... User unknown',
    ].join('\n'),
  },
  qmail: {
    headers: { From: 'MAILER-DAEMON@mail.example.net', Subject: 'failure notice' },
    body: [
      'Hi. This is the qmail-send program at mail.example.net.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.", '',
      '<alice@example.org>:', '192.0.2.25 does not like recipient.',
      'Remote host said: 550 5.1.1 <alice@example.org>: Recipient address rejected: User unknown',
      'Giving up on 192.0.2.25.',
    ].join('\n'),
  },
  exchange: {
    headers: { From: 'Microsoft Outlook <postmaster@example.net>', Subject: 'Undeliverable: Quarterly numbers' },
    body: [
      "Your message to alice@example.org couldn't be delivered.", '',
      "alice wasn't found at example.org.", '',
      'Diagnostic information for administrators:', '',
      'Generating server: EX01.example.net', '',
      'alice@example.org', 'Remote Server returned \'550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\'',
    ].join('\n'),
  },
  gmail: {
    headers: { From: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>', Subject: 'Delivery Status Notification (Failure)' },
    body: [
      '** Address not found **', '',
      "Your message wasn't delivered to alice@example.org because the address couldn't be found, or is unable to receive mail.", '',
      'The response from the remote server was:',
      '550 5.1.1 <alice@example.org>: Recipient address rejected: User unknown',
    ].join('\n'),
  },
  generic: {
    headers: { From: 'postmaster@example.net', Subject: 'Delivery Status Notification (Failure)' },
    body: 'This is an automatically generated Delivery Status Notification.\n\nDelivery to the following recipients failed.\n\n       alice@example.org',
    deliveryStatus: 'Reporting-MTA: dns;mail.example.net\n\nFinal-Recipient: rfc822;alice@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp;550 5.1.1 User unknown',
  },
  'a plain message': {
    headers: { From: 'Carol <carol@example.com>', Subject: 'Lunch?' },
    body: 'Hi Bob,\n\nare you free at noon? The place on 5th street (5.2.1 stars!) opens at 11.\n\nCarol',
  },
  'an auto-reply': {
    headers: { From: 'alice@example.org', Subject: 'Out of office', 'Auto-Submitted': 'auto-replied' },
    body: 'I am out of the office until March 10th and will reply when I am back.',
  },
};

describe.each(Object.entries(MAJOR))('%s', (_name, parts) => {
  test('no long-tail reader claims it, as a message or as a paste', () => {
    for (const view of [viewOf(parts), pasted(parts.body)]) {
      expect(LONGTAIL_READERS.filter((r) => r.detect(view)).map((r) => r.id)).toEqual([]);
    }
  });
});

test('the priority readers are long-tail readers (the registry may try them before the major ones)', () => {
  for (const r of LONGTAIL_PRIORITY_READERS) expect(LONGTAIL_READERS).toContain(r);
});

test('reader ids are unique', () => {
  const ids = LONGTAIL_READERS.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
});

describe('odd input', () => {
  const odd = [
    pasted(''),
    pasted('\n\n\n'),
    pasted('This is the DragonFly Mail Agent v0.13 at x.\nThere was an error delivering your mail to <>.'),
    pasted('|------------------------- Failed addresses follow: ---------------------|\n <\n'),
    pasted('The following message to <a@b> was undeliverable.\nThe reason for the problem:\n'),
    pasted('--- Session Transcript ---\n<-- 550\n--> RCPT To:<\n--- End Transcript ---\nThe attached message had PERMANENT fatal delivery errors'),
    pasted('x'.repeat(200000)),
    viewOf({ headers: { 'X-Mailer': 'm-FILTER', 'X-AHMAILID': '1', 'X-NAI-Header': 'Modified by McAfee' }, body: '-------server message\n\n-------SMTP command\n', deliveryStatus: 'Final-Recipient: rfc822;\nStatus: nonsense' }),
  ];
  test.each(LONGTAIL_READERS.map((r) => [r.id, r] as const))('%s neither throws nor invents a recipient', (_id, reader) => {
    for (const view of odd) {
      expect(() => reader.detect(view)).not.toThrow();
      const found = reader.extract(view);
      for (const f of found?.recipients ?? []) expect(f.address === '' || /@/.test(f.address ?? '')).toBe(true);
    }
  });
});
