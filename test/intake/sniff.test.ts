/**
 * looksLikeBounce: the cheap gate the Slack listener runs on every channel message.
 */
import { readdirSync } from 'fs';
import { looksLikeBounce } from '../../src/intake';
import { FIXTURES, fixtureBytes } from '../parse/fixture-helpers';

describe('looksLikeBounce', () => {
  it.each([
    'The remote SMTP service rejected AUTH negotiation',
    'The remote SMTP service does not support TLS.',
    '451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped due to SocketError." Attempted failover to alternate host, but that did not succeed.',
    'Jun  6 11:02:17 mail postfix/smtp[20311]: 4QxYzK1n2bz9sWp: to=<bob@example.net>, relay=mx1.example.net[198.51.100.25]:25, delay=2.1, dsn=5.1.1, status=bounced (host mx1.example.net[198.51.100.25] said: 550 5.1.1 user unknown (in reply to RCPT TO command))',
    'Jun  6 11:02:19 mail postfix/smtp[20312]: 4Qx: to=<erin@example.com>, relay=none, delay=30, dsn=4.4.1, status=deferred (connect to mx.example.com[203.0.113.9]:25: Connection timed out)',
    '550 5.7.1 Service unavailable; client host [192.0.2.61] blocked using zen.spamhaus.org',
    'got this when sending: 550-5.7.26 This mail has been blocked because the sender is unauthenticated.',
    '550 Requested action not taken: mailbox unavailable',
    'THIS IS A WARNING MESSAGE ONLY.\n\nYOU DO NOT NEED TO RESEND YOUR MESSAGE\n\nDelivery to the following recipients has been delayed',
    'someone@example.com on 2/12/2010 9:14 AM\nCould not deliver the message in the time limit specified. (server.contoso.com #4.4.7)',
    'Warning: could not send message for past 4 hours',
    '#550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup ##',
    'Reporting-MTA: dns; mail.example.org\n\nFinal-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1',
    '&lt;<mailto:bob@example.net|bob@example.net>&gt;: host mx1.example.net[198.51.100.25] said: 550 5.1.1 user unknown',
  ])('says yes to %s', (text) => {
    expect(looksLikeBounce(text)).toBe(true);
  });

  it.each([
    'did anyone get the quarterly email? mine bounced around lol',
    'the bounce rate on the newsletter is up 5% this week',
    'meeting moved to 5.30, see you in room 550',
    'we upgraded to version 5.1.1 yesterday and email looks fine',
    'can someone check why mail to the partner is slow? the meeting has been delayed anyway',
    'I will email you the report tomorrow',
    'our mailbox is full of spam again',
    '',
  ])('says no to ordinary chat: %s', (text) => {
    expect(looksLikeBounce(text)).toBe(false);
  });

  const fixtures = readdirSync(FIXTURES).filter((f) => !f.startsWith('longtail-') && !f.startsWith('not-a-bounce') && !f.startsWith('autoreply') && !f.startsWith('arf-'));
  it.each(fixtures)('says yes to the bounce fixture %s', (name) => {
    expect(looksLikeBounce(fixtureBytes(name).toString('latin1'))).toBe(true);
  });

  it('says no to the chat fixture and is not fooled by its length', () => {
    const chat = fixtureBytes('not-a-bounce-chat.txt').toString();
    expect(looksLikeBounce(chat.repeat(50))).toBe(false);
  });
});
