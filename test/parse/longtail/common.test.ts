/**
 * The shared pieces of the long-tail readers: reply parsing, status preference, DSN field blocks,
 * fingerprints and the merge of text facts with DSN facts.
 */
import {
  commandIn, detectBy, dsnFacts, fact, factsFromDsn, hostAndIp, joinReply, mergeWithDsn, preferStatus,
  replyCodeAtStart, replyCodeIn, statusIn,
} from '../../../src/parse/text/longtail/common';
import { pasted, viewOf } from './view';

describe('reply codes and enhanced status codes', () => {
  test.each([
    ['550 5.1.1 <a@example.org>... User Unknown', '550', '5.1.1'],
    ['550-5.7.26 Unauthenticated email', '550', '5.7.26'],
    ['<<< 452 4.2.2 Over quota', '452', '4.2.2'],
    ['[554 5.4.6 Hop count exceeded - possible mail loop]', '554', '5.4.6'],
    ['5.2.2 <a@example.org>... Mailbox Full', undefined, '5.2.2'],
    ["Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)", undefined, '4.4.1'],
    ['Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <a@b.example>', undefined, '5.1.1'],
  ])('%s', (text, reply, status) => {
    expect(replyCodeAtStart(text)).toBe(reply);
    expect(statusIn(text)).toBe(status);
  });

  test('an IP address, a version number or a queue id is not a status code', () => {
    expect(statusIn('host mx.example.org[192.0.2.5] refused')).toBeUndefined();
    expect(statusIn('by relay (mxl_mta-6.5.0-4) with ESMTP id 4.2.1.9')).toBeUndefined();
    expect(statusIn('Reject, id=22220-02-222 - SPAM')).toBeUndefined();
  });

  test('a reply code inside the text counts only where it stands like one', () => {
    expect(replyCodeIn('Each of the following recipients was rejected. 550 <a@b.example>: User unknown')).toBe('550');
    expect(replyCodeIn('Delivery failed 20 attempts')).toBeUndefined();
    expect(replyCodeIn('id=22220-02-222')).toBeUndefined();
  });

  test('a multi-line reply reads as one sentence that keeps its first codes', () => {
    expect(joinReply(['550-5.7.26 Unauthenticated email from example.net is not accepted due to', '550-5.7.26 DMARC policy.', '550 5.7.26 See the policy page.']))
      .toBe('550-5.7.26 Unauthenticated email from example.net is not accepted due to DMARC policy. See the policy page.');
  });
});

describe('the SMTP stage', () => {
  test.each([
    ['in reply to end of DATA command', 'DATA'],
    ['did not like our final DATA', 'DATA'],
    ['RCPT TO:<a@b.example>', 'RCPT'],
    ['>>> MAIL FROM:<a@b.example>', 'MAIL'],
    ['SMTP error from remote server after RCPT command', 'RCPT'],
    ['Connected to mx but my name was rejected after EHLO', 'EHLO'],
    ['we never spoke', undefined],
  ])('%s → %s', (text, command) => expect(commandIn(text)).toBe(command));
});

describe('which status a report means', () => {
  test('a specific code in the reply beats a generic Status field', () => {
    expect(preferStatus('5.0.0', '5.1.1', '550')).toBe('5.1.1');
    expect(preferStatus('5.2.0', '5.2.2', '552')).toBe('5.2.2');
  });
  test('a specific Status field stands against a generic code in the reply', () => {
    expect(preferStatus('5.1.1', '5.0.0', '550')).toBe('5.1.1');
  });
  test('the reply code decides when the classes disagree', () => {
    expect(preferStatus('5.0.0', '4.2.2', '452')).toBe('4.2.2');
    expect(preferStatus('4.4.7', '5.1.1', '450')).toBe('4.4.7');
  });
  test('either one alone is the answer', () => {
    expect(preferStatus(undefined, '5.7.1')).toBe('5.7.1');
    expect(preferStatus('5.7.1', undefined)).toBe('5.7.1');
  });
});

describe('DSN field blocks', () => {
  test('recipient groups without blank lines between them are still told apart', () => {
    const facts = factsFromDsn([
      'Reporting-MTA: dns; omr.example.com',
      '',
      'Final-Recipient: rfc822; a@example.jp',
      'Action: failed',
      'Status: 5.2.2',
      'Diagnostic-Code: smtp; 550 5.2.2 <a@example.jp>... Mailbox Full',
      'Final-Recipient: rfc822; b@example.jp',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <b@example.jp>... User Unknown',
    ].join('\n'));
    expect(facts.map((f) => [f.address, f.status, f.diagnostic])).toEqual([
      ['a@example.jp', '5.2.2', '550 5.2.2 <a@example.jp>... Mailbox Full'],
      ['b@example.jp', '5.1.1', '550 5.1.1 <b@example.jp>... User Unknown'],
    ]);
    expect(facts[0].reportingMta).toBe('omr.example.com');
  });

  test('"Field : value" and "rfc/822;" as one gateway writes them', () => {
    const [f] = factsFromDsn(('Action : failed\nStatus : 5.0.0\nDiagnostic-Code : smtp;550 5.7.54 SMTP; Unable to relay\nRemote-MTA : mx.example.net\nFinal-Recipient : rfc/822;x@example.net'));
    expect(f).toMatchObject({ address: 'x@example.net', action: 'failed', status: '5.7.54', replyCode: '550', remoteHost: 'mx.example.net', diagnosticType: 'smtp' });
  });

  test('a multi-line reply continued without folding stays in Diagnostic-Code', () => {
    const [f] = factsFromDsn(('Diagnostic-Code: smtp; 550-Please turn on SMTP Authentication.\n550-host.example is not permitted to\n550 relay without authentication.\nStatus: 5.0.0\nFinal-Recipient: rfc822; a@b.example'));
    expect(f.diagnostic).toBe('550-Please turn on SMTP Authentication. host.example is not permitted to relay without authentication.');
    expect(f.address).toBe('a@b.example');
  });

  test('the X- fields of a recipient are kept as extensions', () => {
    const [f] = factsFromDsn(('Final-Recipient: rfc822;a@b.example\nAction: failed\nStatus: 5.2.1 (mailbox disabled)\nX-PowerMTA-BounceCategory: inactive-mailbox'));
    expect(f.status).toBe('5.2.1');
    expect(f.extensions).toEqual({ 'X-PowerMTA-BounceCategory': 'inactive-mailbox' });
  });

  test('nothing to read is undefined, not an error', () => {
    expect(factsFromDsn('')).toEqual([]);
    expect(factsFromDsn('just some words\nand more')).toEqual([]);
    expect(dsnFacts(pasted('no delivery status here'), /^Reporting-MTA:/m)).toEqual([]);
  });
});

describe('facts', () => {
  test('codes come from the server words when the reader found none elsewhere', () => {
    expect(fact({ address: '<A@Example.ORG>', diagnostic: '  552 5.2.2   Mailbox   full ' })).toEqual({
      address: 'A@example.org', diagnostic: '552 5.2.2 Mailbox full', replyCode: '552', status: '5.2.2',
    });
  });

  test('host and IP from the ways reports write them', () => {
    expect(hostAndIp('mx1.example.org [192.0.2.25]')).toEqual({ remoteHost: 'mx1.example.org', remoteIp: '192.0.2.25' });
    expect(hostAndIp('192.0.2.25')).toEqual({ remoteIp: '192.0.2.25' });
    expect(hostAndIp('[192.0.2.25]:25')).toEqual({ remoteIp: '192.0.2.25' });
    expect(hostAndIp('mx.example.net')).toEqual({ remoteHost: 'mx.example.net' });
  });

  test('the DSN gives the server its words; the text adds what the DSN left out', () => {
    const text = [fact({ address: 'a@b.example', diagnostic: 'delivery failed; will not continue trying', command: 'RCPT' })];
    const dsn = [fact({ address: 'a@b.example', status: '5.0.0', diagnostic: '550 5.2.1 <a@b.example>... Mailbox disabled' })];
    expect(mergeWithDsn(text, dsn)).toEqual([{ address: 'a@b.example', status: '5.2.1', replyCode: '550', command: 'RCPT', diagnostic: '550 5.2.1 <a@b.example>... Mailbox disabled' }]);
  });

  test('one recipient on each side is the same recipient, even when the text spells it differently', () => {
    const merged = mergeWithDsn([fact({ address: 'a@one.example', diagnostic: 'Hop count exceeded', command: 'DATA' })], [fact({ address: 'a@two.example', status: '5.4.6' })]);
    expect(merged).toEqual([{ address: 'a@two.example', status: '5.4.6', command: 'DATA', diagnostic: 'Hop count exceeded' }]);
  });
});

describe('fingerprints', () => {
  const detect = detectBy(
    { any: [{ header: 'x-mailer', pattern: /^Example Filter$/ }] },
    { all: [{ subject: /^Undeliverable$/ }, { body: /^Example intro$/m }] },
  );
  test('a header rule holds on its own', () => expect(detect(viewOf({ headers: { 'X-Mailer': 'Example Filter' }, body: '' }))).toBe(true));
  test('every rule of `all` must hold', () => {
    expect(detect(viewOf({ headers: { Subject: 'Undeliverable' }, body: 'Example intro' }))).toBe(true);
    expect(detect(viewOf({ headers: { Subject: 'Undeliverable' }, body: 'Other intro' }))).toBe(false);
  });
  test('header rules never hold for a paste', () => expect(detect(pasted('X-Mailer: Example Filter'))).toBe(false));

  test('a body rule reads each report afresh, reports alternating', () => {
    const body = detectBy({ any: [{ body: /^This is the mail system at host [^\s]*zimbra[^\s]*\./im }] });
    const yes = pasted('THIS IS THE MAIL SYSTEM AT HOST mx.Zimbra.example.\n');
    const no = pasted('This is the mail system at host mx.example.\n');
    expect([body(yes), body(no), body(yes), body(no)]).toEqual([true, false, true, false]);
  });

  test('a body rule reads the first 16 KB of the body only', () => {
    const body = detectBy({ any: [{ body: /^Example intro$/m }] });
    expect(body(pasted(`${'x'.repeat(100)}\nExample intro\n`))).toBe(true);
    expect(body(pasted(`${'x'.repeat(17000)}\nExample intro\n`))).toBe(false);
  });
});
