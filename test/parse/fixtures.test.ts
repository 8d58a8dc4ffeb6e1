/**
 * Every bounce fixture of the core mail systems, parsed end to end: the facts a user needs (who, which
 * code, which host, which SMTP stage, the server's words), the report kind and the mail system, and the
 * same answer whatever the line endings.
 */
import { readdirSync } from 'fs';
import type { RecipientFact, ReportKind, SourceFormat, OriginalMessage } from '../../src/parse/types';
import { FIXTURES, expectFacts, parseFixture, type LineEnding } from './fixture-helpers';

interface ExpectedRecipient extends Partial<Omit<RecipientFact, 'diagnostic'>> {
  /** Words the diagnostic must contain. */
  says?: string;
}

interface Expected {
  kind: ReportKind;
  format: SourceFormat;
  mta?: string;
  recipients: ExpectedRecipient[];
  original?: Partial<OriginalMessage>;
}

const CASES: Record<string, Expected> = {
  // --- the story (KB 329636): queue line, delay DSN, #4.4.7 NDR ---
  'exchange2003-queue-auth.txt': {
    kind: 'delay', format: 'line', mta: 'exchange2003',
    recipients: [{ address: '', command: 'AUTH', says: 'The remote SMTP service rejected AUTH negotiation' }],
  },
  'exchange2003-queue-tls.txt': {
    kind: 'delay', format: 'line', mta: 'exchange2003',
    recipients: [{ address: '', command: 'STARTTLS', says: 'does not support TLS' }],
  },
  'exchange2003-delay-dsn.txt': {
    kind: 'delay', format: 'text', mta: 'exchange2003',
    recipients: [{ address: 'someone@example.com', action: 'delayed' }],
  },
  'exchange2003-ndr-447.txt': {
    kind: 'bounce', format: 'text', mta: 'exchange2003',
    recipients: [{ address: 'someone@example.com', status: '4.4.7', action: 'failed', reportingMta: 'server.contoso.com', says: 'Could not deliver the message in the time limit specified' }],
    original: { subject: 'Quarterly figures', date: '2/10/2010 9:12 AM' },
  },
  'exchange2003-delay-dsn.eml': {
    kind: 'delay', format: 'mime', mta: 'exchange2003',
    recipients: [{ address: 'someone@example.com', status: '4.4.7', action: 'delayed', reportingMta: 'mail.contoso.com', willRetryUntil: 'Fri, 12 Feb 2010 09:12:40 -0500' }],
    original: { subject: 'Quarterly figures', from: 'sender@contoso.com', to: ['someone@example.com'], messageId: '000001caaa5e$1f2e4b40$5d8ae1c0$@contoso.com' },
  },
  'exchange2003-ims-ndr.eml': {
    kind: 'bounce', format: 'mime', mta: 'exchange2003',
    recipients: [{ address: 'jsmith@example.net', says: 'The recipient name is not recognized' }],
    original: { subject: 'Project plan', to: ['jsmith@example.net'] },
  },
  // --- Exchange 2007–SE, Microsoft 365 ---
  'exchange2010-ndr.eml': {
    kind: 'bounce', format: 'mime', mta: 'exchange2007',
    recipients: [{ address: 'bernd@contoso.com', status: '5.1.1', replyCode: '550', reportingMta: 'ex10hub01.contoso.local', says: 'RESOLVER.ADR.RecipNotFound' }],
    original: { subject: 'Invoice 4711', from: 'anna@contoso.com' },
  },
  'office365-ndr.eml': {
    kind: 'bounce', format: 'mime', mta: 'office365',
    recipients: [{ address: 'kim@woodgrovebank.com', status: '5.1.10', replyCode: '550', remoteHost: 'mx1.woodgrovebank.com', diagnosticType: 'smtp', says: 'RESOLVER.ADR.RecipientNotFound' }],
    original: { subject: 'Meeting notes', messageId: 'AM8PR04MB1234@fabrikam.com' },
  },
  'office365-pasted.txt': {
    kind: 'bounce', format: 'text', mta: 'office365',
    recipients: [{ address: 'sales@tailspintoys.com', status: '5.7.1', replyCode: '550', reportingMta: 'sn6pr11mb3456.namprd11.prod.outlook.com', says: 'RESOLVER.RST.AuthRequired' }],
  },
  'exchange2016-delay.txt': {
    kind: 'delay', format: 'text', mta: 'exchange2007',
    recipients: [{ address: 'partner@fourthcoffee.com', status: '4.4.2', replyCode: '421', remoteHost: 'mx.fourthcoffee.com', remoteIp: '192.0.2.77', action: 'delayed', says: 'Connection dropped due to SocketError' }],
  },
  'exchange2007-getqueue.txt': {
    kind: 'delay', format: 'line', mta: 'exchange2007',
    recipients: [{ address: '', status: '4.4.2', replyCode: '421', says: 'Primary target IP address responded with', extensions: { 'Outer-Reply': '451 4.4.0', 'Inner-Reply': '421 4.4.2 Connection dropped due to SocketError.' } }],
  },
  'exchange2016-getqueue-led.txt': {
    kind: 'delay', format: 'line', mta: 'exchange2007',
    recipients: [{ address: '', status: '4.7.0', replyCode: '451', remoteIp: '192.0.2.77', says: 'Temporary server error' }],
  },
  'forwarded-inline.txt': {
    kind: 'bounce', format: 'text', mta: 'exchange2007',
    recipients: [{ address: 'orders@northwind.example', status: '5.2.2', replyCode: '552', says: 'recipient mailbox is full' }],
  },
  'html-only-ndr.eml': {
    kind: 'bounce', format: 'mime',
    recipients: [{ address: 'kari@example.dk', status: '5.2.2', replyCode: '552', says: 'Mailbox size limit exceeded' }],
  },
  // --- Postfix ---
  'postfix-bounce.eml': {
    kind: 'bounce', format: 'mime', mta: 'postfix',
    recipients: [
      { address: 'bob@example.net', status: '5.1.1', replyCode: '550', remoteHost: 'mx1.example.net', remoteIp: '198.51.100.25', command: 'RCPT', reportingMta: 'mail.example.org', says: 'User unknown in virtual mailbox table' },
      { address: 'carol@example.com', originalRecipient: 'team@example.org', status: '5.2.2', replyCode: '552', remoteHost: 'mx.example.com', command: 'DATA', says: 'Mailbox full' },
    ],
    original: { subject: 'Rückmeldung zum Angebot', from: 'alice@example.org', to: ['bob@example.net', 'team@example.org'] },
  },
  'postfix-pasted.txt': {
    kind: 'bounce', format: 'text', mta: 'postfix',
    recipients: [{ address: 'ops@partner.example', remoteHost: 'mx.partner.example', remoteIp: '198.51.100.80', command: 'STARTTLS', says: 'TLS is required, but was not offered' }],
  },
  'postfix-delay.eml': {
    kind: 'delay', format: 'mime', mta: 'postfix',
    recipients: [{ address: 'dave@example.net', status: '4.4.1', action: 'delayed', remoteHost: 'mx.example.net', remoteIp: '198.51.100.7', diagnosticType: 'x-postfix', says: 'Connection timed out' }],
    original: { subject: 'Status report' },
  },
  'postfix-log.txt': {
    kind: 'bounce', format: 'line', mta: 'postfix',
    recipients: [
      { address: 'bob@example.net', status: '5.1.1', replyCode: '550', remoteHost: 'mx1.example.net', remoteIp: '198.51.100.25', command: 'RCPT', action: 'failed' },
      { address: 'erin@example.com', status: '4.4.1', action: 'delayed', remoteHost: 'mx.example.com', remoteIp: '203.0.113.9', says: 'Connection timed out' },
    ],
  },
  'postfix-sasl-log.txt': {
    kind: 'delay', format: 'line', mta: 'postfix',
    recipients: [{ address: 'client@example.net', replyCode: '535', status: '5.7.8', command: 'AUTH', remoteHost: 'smtp.provider.example', remoteIp: '192.0.2.200', says: 'SASL authentication failed' }],
  },
  'iso2022jp-bounce.eml': {
    kind: 'bounce', format: 'mime', mta: 'postfix',
    recipients: [{ address: 'sora@example.jp', status: '5.1.1', replyCode: '550', remoteHost: 'mx.example.jp', command: 'RCPT' }],
  },
  'malformed-boundary.eml': {
    kind: 'bounce', format: 'mime', mta: 'postfix',
    recipients: [{ address: 'frida@example.net', status: '5.7.1', replyCode: '554', command: 'RCPT', says: 'Relay access denied' }],
  },
  'forwarded-attached.eml': {
    kind: 'bounce', format: 'mime', mta: 'postfix',
    recipients: [{ address: 'gustav@example.org', status: '5.7.23', replyCode: '550', command: 'DATA', says: 'SPF validation failed' }],
  },
  // --- Sendmail ---
  'sendmail-dsn.eml': {
    kind: 'bounce', format: 'mime', mta: 'sendmail',
    recipients: [{ address: 'student42@uni.example', status: '5.1.1', replyCode: '550', remoteHost: 'mail.uni.example', command: 'RCPT', says: 'User unknown' }],
    original: { subject: 'Exam dates' },
  },
  'sendmail-v5-pasted.txt': {
    kind: 'bounce', format: 'text', mta: 'sendmail',
    recipients: [
      { address: 'ann@oldsite.example', command: 'MAIL', remoteHost: 'mx.oldsite.example', says: 'Domain of sender address does not exist' },
      { address: 'bo@uni.example', replyCode: '550', command: 'RCPT', remoteHost: 'mx.uni.example', says: 'User unknown' },
    ],
    original: { subject: 'cron output' },
  },
  'sendmail-warning.eml': {
    kind: 'delay', format: 'mime', mta: 'sendmail',
    recipients: [{ address: 'dean@faculty.example', status: '4.4.1', action: 'delayed', remoteHost: 'mx.faculty.example', says: 'Connection refused' }],
  },
  // --- Exim ---
  'exim-bounce.eml': {
    kind: 'bounce', format: 'mime', mta: 'exim',
    recipients: [{ address: 'lucy@example.co.uk', status: '5.7.26', replyCode: '550', remoteHost: 'mx.example.co.uk', remoteIp: '203.0.113.40', command: 'DATA', says: 'Gmail requires all senders to authenticate' }],
    original: { subject: 'Tickets', messageId: '20230615081401.GA1234@example.org' },
  },
  'exim-pasted.txt': {
    kind: 'bounce', format: 'text', mta: 'exim',
    recipients: [
      { address: 'info@shop.example', status: '5.1.1', replyCode: '550', remoteHost: 'mail.shop.example', command: 'RCPT' },
      { address: 'hello@typo.example', says: 'Unrouteable address' },
    ],
  },
  'exim-delay.txt': {
    kind: 'delay', format: 'text', mta: 'exim',
    recipients: [{ address: 'lucy@example.co.uk', status: '4.7.1', replyCode: '451', command: 'MAIL', action: 'delayed', says: 'Greylisted' }],
  },
  // --- qmail ---
  'qmail-bounce.eml': {
    kind: 'bounce', format: 'mime', mta: 'qmail',
    recipients: [
      { address: 'hanako@example.ne.jp', status: '5.1.1', replyCode: '550', remoteIp: '192.0.2.150', command: 'RCPT' },
      { address: 'jiro@nowhere.example', status: '5.1.2', says: "couldn't find any host named" },
    ],
    original: { subject: 'Party' },
  },
  'qmail-pasted.txt': {
    kind: 'bounce', format: 'text', mta: 'qmail',
    recipients: [{ address: 'ken@example.com', status: '5.7.1', replyCode: '553', command: 'MAIL', remoteIp: '198.51.100.4', says: 'Sender address rejected' }],
  },
  // --- Google ---
  'gmail-address-not-found.eml': {
    kind: 'bounce', format: 'mime', mta: 'gmail',
    recipients: [{ address: 'jose@empresa.example', status: '5.1.1', replyCode: '550', remoteHost: 'mx.empresa.example', remoteIp: '198.51.100.66', says: 'User unknown' }],
    original: { subject: 'Reunión' },
  },
  'gmail-pasted.txt': {
    kind: 'bounce', format: 'text', mta: 'gmail',
    recipients: [{ address: 'lucy@gmail.com', status: '5.7.26', replyCode: '550', says: 'sender is unauthenticated' }],
  },
  'gmail-delay.txt': {
    kind: 'delay', format: 'text', mta: 'gmail',
    recipients: [{ address: 'kenji@example.jp', action: 'delayed', remoteHost: 'mx.example.jp', remoteIp: '192.0.2.53', says: 'did not accept our requests to connect' }],
  },
  'googlegroups.eml': {
    kind: 'bounce', format: 'mime', mta: 'googlegroups',
    recipients: [{ address: 'book-club@googlegroups.com', says: 'may not have permission to post' }],
  },
  // --- Yahoo, Amazon SES ---
  'yahoo-bounce.eml': {
    kind: 'bounce', format: 'mime', mta: 'yahoo',
    recipients: [{ address: 'alex@example.net', status: '5.2.2', replyCode: '552', command: 'RCPT', says: 'Mailbox full' }],
    original: { subject: 'Photos' },
  },
  'amazonses-dsn.eml': {
    kind: 'bounce', format: 'mime', mta: 'amazonses',
    recipients: [{ address: 'buyer@example.com', status: '4.4.7', reportingMta: 'a8-30.smtp-out.amazonses.com', says: 'Unable to lookup DNS' }],
  },
  'amazonses-sns.txt': {
    kind: 'bounce', format: 'text', mta: 'amazonses',
    recipients: [{ address: 'nobody@example.com', status: '5.1.1', replyCode: '550', remoteIp: '198.51.100.9', extensions: { 'X-SES-Bounce-Type': 'Permanent/General' } }],
  },
  // --- generic RFC 3464, ARF, RFC 3834, non-bounces ---
  'rfc3464-multi.eml': {
    kind: 'bounce', format: 'mime', mta: 'rfc3464',
    recipients: [
      { address: 'member.one@example.com', status: '5.7.1', replyCode: '550', remoteIp: '198.51.100.14', command: 'DATA', says: 'rejected as spam', extensions: { 'X-Vendor-Queue': '8F2E1A', 'Arrival-Date': 'Fri, 21 Jul 2023 08:59:30 +0000' } },
      { address: 'member.two@example.net', action: 'relayed', status: '2.0.0', remoteHost: 'legacy-gw.example.net' },
      { address: 'member.three@example.org', action: 'delayed', status: '4.2.2', replyCode: '452', willRetryUntil: 'Sun, 23 Jul 2023 08:59:30 +0000' },
    ],
  },
  'arf-feedback.eml': {
    kind: 'feedback', format: 'mime', mta: 'arf',
    recipients: [
      { address: 'user@mailbox.example', extensions: { 'Feedback-Type': 'abuse', 'Source-IP': '192.0.2.1', 'Reported-Domain': 'sender.example' }, says: 'email abuse report' },
      { address: 'user2@mailbox.example' },
    ],
    original: { subject: 'Earn money', from: 'somespammer@sender.example' },
  },
  'autoreply.eml': {
    kind: 'autoreply', format: 'mime',
    recipients: [{ address: 'nina@example.se', says: 'on vacation until 7 August' }],
  },
  'not-a-bounce-chat.txt': { kind: 'not-a-bounce', format: 'text', recipients: [] },
  'bare-reply.txt': {
    kind: 'bounce', format: 'line',
    recipients: [{ address: '', status: '5.7.1', replyCode: '554', says: 'blocked using zen.spamhaus.org' }],
  },
};

function check(name: string, ending: LineEnding): void {
  const want = CASES[name];
  const got = parseFixture(name, ending);
  expect(got.kind).toBe(want.kind);
  expect(got.source.format).toBe(want.format);
  if (want.mta) expect(got.source.mta).toBe(want.mta);
  expectFacts(got, want);
}

describe('core bounce fixtures', () => {
  it('has an expectation for every core fixture (long-tail fixtures are tested with their readers, pasted-* in test/parse/pasted)', () => {
    const files = readdirSync(FIXTURES).filter((f) => !f.startsWith('longtail-') && !f.startsWith('pasted-'));
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
  });

  describe.each(Object.keys(CASES))('%s', (name) => {
    it.each<LineEnding>(['LF', 'CRLF', 'CR'])('reads the facts with %s line endings', (ending) => {
      check(name, ending);
    });
  });
});
