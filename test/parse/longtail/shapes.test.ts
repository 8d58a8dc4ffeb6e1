/**
 * The common MTA shapes the vendor readers reuse (Postfix, Sendmail, Exim text written by a gateway or
 * provider built on them).
 */
import { commonShapeRecipients, eximRecipients, postfixRecipients, sendmailRecipients } from '../../../src/parse/text/longtail/shapes';

test('Postfix: each "<address>: …" paragraph, with the host that said it and the stage', () => {
  const found = postfixRecipients([
    '<a@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 <a@example.org>:',
    '    Recipient address rejected: User unknown (in reply to RCPT TO command)',
    '<b@example.org> (expanded from <list@example.org>): connect to',
    '    mx.example.org[192.0.2.1]:25: Connection timed out',
    '',
  ].join('\n'));
  expect(found).toEqual([
    { address: 'a@example.org', diagnostic: '550 5.1.1 <a@example.org>: Recipient address rejected: User unknown', remoteHost: 'mx.example.org', remoteIp: '192.0.2.1', command: 'RCPT', replyCode: '550', status: '5.1.1' },
    { address: 'b@example.org', diagnostic: 'connect to mx.example.org[192.0.2.1]:25: Connection timed out', remoteHost: 'mx.example.org', remoteIp: '192.0.2.1', command: 'CONN' },
  ]);
});

test('Sendmail: the listed addresses get the reply from the transcript step that named them', () => {
  const found = sendmailRecipients([
    '   ----- The following addresses had permanent fatal errors -----',
    '<a@example.org>', '    (reason: 550 5.1.1 <a@example.org>... User unknown)',
    '<b@example.org>', '    (reason: 552 5.2.2 <b@example.org>... Mailbox full)', '',
    '   ----- Transcript of session follows -----', '... while talking to mx.example.org.:',
    '>>> RCPT To:<a@example.org>', '<<< 550 5.1.1 <a@example.org>... User unknown',
    '>>> RCPT To:<b@example.org>', '<<< 552 5.2.2 <b@example.org>... Mailbox full',
  ].join('\n'));
  expect(found.map((f) => [f.address, f.status, f.command, f.remoteHost, f.diagnostic])).toEqual([
    ['a@example.org', '5.1.1', 'RCPT', 'mx.example.org', '550 5.1.1 <a@example.org>... User unknown'],
    ['b@example.org', '5.2.2', 'RCPT', 'mx.example.org', '552 5.2.2 <b@example.org>... Mailbox full'],
  ]);
});

test('Exim: the indented recipient paragraphs, old and new order of host and error lines', () => {
  const found = eximRecipients([
    'recipients. This is a permanent error. The following address(es) failed:', '',
    '  a@example.org',
    '    host mx.example.org [192.0.2.1]',
    '    SMTP error from remote mail server after RCPT TO:<a@example.org>:',
    '    550 5.1.1 User unknown',
    '  b@example.org',
    '    SMTP error from remote mail server after end of data:',
    '    host mx.example.org [192.0.2.1]: 554 5.7.1 Message rejected as spam',
  ].join('\n'));
  expect(found.map((f) => [f.address, f.command, f.remoteIp, f.diagnostic])).toEqual([
    ['a@example.org', 'RCPT', '192.0.2.1', '550 5.1.1 User unknown'],
    ['b@example.org', 'DATA', '192.0.2.1', '554 5.7.1 Message rejected as spam'],
  ]);
});

test('the first shape that reads anything wins; none is an empty list', () => {
  expect(commonShapeRecipients('<a@example.org>: host mx.example.org[192.0.2.1] said: 552 5.2.2 Over quota (in reply to end of DATA command)')[0].command).toBe('DATA');
  expect(commonShapeRecipients('nothing here')).toEqual([]);
});
