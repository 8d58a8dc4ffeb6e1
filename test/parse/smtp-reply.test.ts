/**
 * Codes, host and command inside a server's words, and the status preference table.
 */
import { findStatus, findReply, findRemoteHost, findCommand } from '../../src/parse/smtp-reply';
import { preferStatus, PREFER_ROWS } from '../../src/parse/prefer';

describe('findStatus', () => {
  it.each([
    ['550 5.1.1 <a@example.com>: user unknown', '5.1.1'],
    ['#550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found ##', '5.1.10'],
    ['Sorry, no mailbox here by that name. (#5.1.1)', '5.1.1'],
    ['(server.contoso.com #4.4.7)', '4.4.7'],
    ['451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped"', '4.4.2'],
    ['554 5.0.0 Service unavailable; 550 5.7.1 relaying denied', '5.7.1'],
    ['client host [192.0.2.5] blocked; IP 5.1.1.1 listed', ''],
    ['upgraded to V5.1.1 and 15.1.1', ''],
    ['550 5.1.1.2 not a status', ''],
    ['no codes at all', ''],
  ])('%s → %s', (text, want) => {
    expect(findStatus(text)).toBe(want);
  });

  it('narrows to a class when asked', () => {
    expect(findStatus('421 4.7.0 try later; earlier 550 5.7.1', '5')).toBe('5.7.1');
  });
});

describe('findReply', () => {
  it.each([
    ['550 5.1.1 user unknown', '550'],
    ['host mx[192.0.2.1] said: 452 4.2.2 over quota', '452'],
    ['192.0.2.550 is an address, not a reply', ''],
    ['delivery via mx: 250 2.1.5 Ok', '250'],
    ['X-Unix; 550', ''],
  ])('%s → %s', (text, want) => {
    expect(findReply(text)).toBe(want);
  });
});

describe('findRemoteHost', () => {
  it.each([
    ['host mx1.example.net[198.51.100.25] said: 550', { host: 'mx1.example.net', ip: '198.51.100.25' }],
    ['host mx.example.co.uk [203.0.113.40]: 550 5.7.26', { host: 'mx.example.co.uk', ip: '203.0.113.40' }],
    ['connect to mx.example.net[198.51.100.7]:25: Connection timed out', { host: 'mx.example.net', ip: '198.51.100.7' }],
    ["Remote Server at mx.example.org (192.0.2.77) returned '550 4.4.7'", { host: 'mx.example.org', ip: '192.0.2.77' }],
    ['... while talking to mail.uni.example.:', { host: 'mail.uni.example' }],
    ['[mx.example.jp. 192.0.2.53: timed out]', { host: 'mx.example.jp', ip: '192.0.2.53' }],
    ['Connected to 198.51.100.4 but sender was rejected.', { host: '198.51.100.4', ip: '198.51.100.4' }],
    ['554 Service unavailable; Client host [192.0.2.61] blocked using zen.spamhaus.org', {}],
  ])('%s', (text, want) => {
    expect(findRemoteHost(text)).toEqual(want);
  });
});

describe('findCommand', () => {
  it.each([
    ['550 5.1.1 unknown (in reply to RCPT TO command)', 'RCPT'],
    ['552 5.2.2 full (in reply to end of DATA command)', 'DATA'],
    ['SMTP error from remote mail server after MAIL FROM:<a@b> SIZE=1:', 'MAIL'],
    ['SMTP error from remote mail server after initial connection:', 'CONN'],
    ['192.0.2.1 does not like recipient.', 'RCPT'],
    ['Connected to 192.0.2.1 but my name was rejected.', 'EHLO'],
    ['SASL authentication failed; server x[192.0.2.1] said: 535 5.7.8', 'AUTH'],
    ['The remote SMTP service rejected AUTH negotiation', 'AUTH'],
    ['TLS is required, but was not offered by host mx[192.0.2.1]', 'STARTTLS'],
    ['550 5.7.1 no reason given', undefined],
  ])('%s → %s', (text, want) => {
    expect(findCommand(text)).toBe(want);
  });
});

describe('preferStatus', () => {
  it.each([
    ['5.0.0', '5.1.1', '550', '5.1.1'], // generic field, specific text
    ['5.1.1', '5.1.1', '550', '5.1.1'],
    ['4.4.7', '4.4.2', '421', '4.4.2'], // expiry hides the real error
    ['5.5.0', '4.7.0', '554', '5.5.0'], // reply sides with the field's class
    ['4.7.8', '5.7.8', '535', '5.7.8'], // reply sides with the text's class
    ['5.1.1', '5.7.1', '', '5.7.1'], // a different specific code in the text
    ['5.1.1', '5.1.0', '', '5.1.1'],
    ['5.2.2', '5.2.1', '', '5.2.2'], // otherwise the field stands
    ['', '5.7.1', '', '5.7.1'],
    ['5.7.1', '', '', '5.7.1'],
  ])('field %s, text %s, reply %s → %s', (field, text, reply, want) => {
    expect(preferStatus(field, text, reply)).toBe(want);
  });

  it('documents every row of the table', () => {
    for (const row of PREFER_ROWS) expect(row.why.length).toBeGreaterThan(5);
  });
});
