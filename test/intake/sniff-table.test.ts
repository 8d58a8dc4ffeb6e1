/**
 * looksLikeBounce on real-shaped lines: what people paste into a channel (a line or a few lines cut out
 * of an NDR, a queue, a log, a console) must wake the bot; what people say about email, ordinary mail
 * they paste, and code must not. Each row is one Slack message as the listener sees it.
 *
 * Decisions at the edge, kept here so they are tested:
 *  - a question that merely names a code ("can you check the 550 error on the printer?") is chat — there
 *    are no server words to read; the bot answers it when mentioned.
 *  - a delivered message's log line (status=sent) is not a bounce.
 *  - code that handles SMTP errors is not a bounce, even when it spells a reply code.
 */
import { looksLikeBounce } from '../../src/intake';

const POSITIVE: readonly string[] = [
  // Microsoft 365 enhanced NDR, a line or a section of it
  "Your message to jane@contoso.com couldn't be delivered.\njane wasn't found at contoso.com.",
  'More Info for Email Admins\nStatus code: 550 5.1.10',
  'Error:\t550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
  'Message rejected by:\tSN6PR01MB1234.namprd01.prod.outlook.com',
  'Original Message Details\nCreated Date:\t6/1/2023 2:14:07 PM\nSender Address:\travi@fabrikam.com',
  'Error: 550 5.7.520 Access denied, Your organization does not allow external forwarding. AS(7555)',
  '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.',
  'Your message to kim@gmail.com couldn’t be delivered.', // curly apostrophe from the clipboard
  // Exchange 2007–SE as copied from Outlook
  'Delivery has failed to these recipients or groups:\n\njane@contoso.com',
  '#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
  "Remote Server returned '550 5.7.1 Unable to relay'",
  'Remote Server returned ‘550 5.7.1 Unable to relay’',
  'mail.example.de #<mail.example.de #5.1.1 smtp;550 5.1.1 <bernd@example.de>... User unknown> #SMTP#',
  'mx.fabrikam.com rejected your message to the following email addresses:',
  'Delivery is delayed to these recipients or groups:\n\npartner@fourthcoffee.com',
  "This message hasn't been delivered yet. Delivery will continue to be attempted.",
  // Exchange shell, Queue Viewer, tracking
  'LastError          : 451 4.4.0 Primary target IP address responded with: "421 4.2.1 Unable to connect."',
  'Last error: 451 4.4.0 DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain; nonexistent domain',
  'RecipientStatus         : {[{LRT=};{LED=550 5.1.1 RESOLVER.ADR.RecipNotFound; not found};{FQDN=};{IP=}]}',
  'Reason: [{LED=550 5.4.1 Recipient address rejected: Access denied};{MSG=};{FQDN=};{IP=};{LRT=}]',
  // Exchange 2003
  'someone@example.com on 2/12/2010 9:14 AM\nCould not deliver the message in the time limit specified. Please retry or contact your administrator.\n<server.contoso.com #4.4.7>',
  '> someone@example.com on 2/12/2010 9:14 AM\n> <server.contoso.com #4.4.7>', // a Slack blockquote
  'THIS IS A WARNING MESSAGE ONLY.',
  'The remote SMTP service rejected AUTH negotiation.',
  // Gmail web UI, Workspace
  "Address not found\nYour message wasn't delivered to nosuchuser@example.org because the address couldn't be found, or is unable to receive mail.",
  'Message blocked\nYour message to peter@tailspintoys.com has been blocked. See technical details below for more information.',
  'There was a problem delivering your message to info@northwindtraders.com. See the technical details below.',
  'There was a temporary problem delivering your message to sales@woodgrovebank.com. Gmail will retry for 44 more hours.',
  'The response from the remote server was:\n550 5.1.1 <nosuchuser@example.org>: Recipient address rejected',
  '550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate',
  // Postfix
  '<bob@example.com>: host mx1.example.com[198.51.100.25] said: 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown',
  '(host mx.example.com[192.0.2.1] said: 450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted (in reply to RCPT TO command))',
  '              (connect to mail.example.net[192.0.2.26]:25: Connection timed out)',
  '(delivery temporarily suspended: connect to relay.example.net[203.0.113.7]:587: Connection refused)',
  'Jun  6 11:02:19 mail postfix/smtp[20312]: 4Qx: to=<erin@example.com>, relay=none, delay=30, dsn=4.4.1, status=deferred (connect to mx.example.com[203.0.113.9]:25: Connection timed out)',
  'This is the mail system at host mail.example.org.',
  // Exim, Sendmail, qmail
  '2023-06-06 11:02:18 bob@example.com R=dnslookup T=remote_smtp defer (-44) H=mx.example.com [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<bob@example.com>: 451 4.7.1 Greylisted',
  'Transport: mx.example.com [192.0.2.1] error 110: Connection timed out',
  '** bob@example.com R=dnslookup T=remote_smtp: retry time not reached for any host after a long failure period',
  '                 (Deferred: Connection refused by mx.example.com.)',
  '   ----- The following addresses had permanent fatal errors -----',
  'Hi. This is the qmail-send program at mail.example.es.',
  // Yahoo / AOL, Amazon SES
  'Sorry, we were unable to deliver your message to the following address.\n\n<alex@example.net>:\nRemote host said: 552 5.2.2 Mailbox full [RCPT_TO]',
  'The following message to <nobody@example.com> was undeliverable.\nThe reason for the problem:\n5.1.0 - Unknown address error',
  'An error occurred while trying to deliver the mail to the following recipients:\nnobody@example.com',
  // Slack mangling: escaped brackets, mailto links, a code block, bullets, non-breaking spaces
  '&lt;<mailto:bob@example.net|bob@example.net>&gt;: host <http://mx1.example.net|mx1.example.net>[198.51.100.25] said: 550 5.1.1 user unknown',
  '```LastError : 451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped due to SocketError."```',
  '• Delivery has failed to these recipients or groups:\n• kim@fabrikam.com\n• Remote Server returned ‘552 5.2.2 Mailbox full’',
  'Status\u00a0code:\u00a0550\u00a05.7.23\nMore\u00a0Info\u00a0for\u00a0Email\u00a0Admins',
];

const NEGATIVE: readonly string[] = [
  // chat about email
  'our email bounced yesterday, any idea?',
  'can you check the 550 error on the printer?',
  'did anyone get the quarterly email? mine bounced around lol',
  'the bounce rate on the newsletter is up 5% this week',
  'is exchange down again? outlook keeps saying disconnected',
  'I think the message couldn\'t be delivered because of the holiday, will resend tomorrow',
  'anyone know why gmail puts our invoices in spam?',
  'we are moving the MX records to Microsoft 365 on Friday night',
  'the delivery of the new laptops has been delayed until next week',
  'Reminder: the mail server maintenance window is Sunday 02:00-04:00',
  'who owns the postmaster mailbox these days?',
  'I got an NDR earlier, will paste it when I find it',
  'SPF is set to -all now, DKIM next',
  'port 25 is blocked on the new VPC, use 587 for the relay',
  'meeting moved to 5.30, see you in room 550',
  'we upgraded to version 5.1.1 yesterday and email looks fine',
  'ticket 4471: user says Outlook freezes when opening attachments',
  'thanks! that fixed it, mail is flowing again',
  'Can we get the Exchange queue numbers for the weekly report?',
  'lol the printer emailed me 40 scans at once',
  // ordinary mail pasted into the channel
  'Hi team,\n\nPlease find attached the Q3 report. Let me know if you can\'t open it.\n\nThanks,\nRavi',
  'From: Jane Doe <jane@contoso.com>\nSent: Thursday, June 1, 2023 2:14 PM\nTo: Ravi Patel\nSubject: Board pack\n\nHi Ravi, here is the board pack for Thursday.',
  'Your order #4711 has shipped and will be delivered on Tuesday.',
  'Your package delivery has been delayed due to weather. We apologise for the inconvenience.',
  'Your message has been delivered to the recipient.',
  'Out of office: I am away until 7 August with limited access to email.',
  'Your mailbox is almost full. Please delete old items to free up space.',
  'Welcome to Microsoft 365! Your account jane@contoso.com is ready.',
  'Your verification code is 550123. It expires in 10 minutes.',
  'Invoice 2023-551 is overdue. Please remit payment within 5 days.',
  // code and configuration snippets
  "if (err.responseCode === 550) { logger.warn('recipient rejected', err.message); }",
  'except smtplib.SMTPRecipientsRefused as e:\n    print(e.recipients)',
  'transporter.sendMail({ from: "a@example.com", to: "b@example.com", subject: "test" })',
  'relayhost = [smtp.office365.com]:587\nsmtp_sasl_auth_enable = yes\nsmtp_tls_security_level = encrypt',
  'Set-SendConnector "Internet" -SmartHosts smtp.isp.example.net -SmartHostAuthMechanism BasicAuth',
  'v=spf1 include:spf.protection.outlook.com -all',
  'dig +short mx contoso.com\n0 contoso-com.mail.protection.outlook.com.',
  'const STATUS = /^[245]\\d\\d$/; // reply codes',
  'SELECT status, count(*) FROM deliveries WHERE status = 550 GROUP BY status;',
  'Jun  6 11:02:17 mail postfix/smtp[20311]: 4QxYz: to=<bob@example.net>, relay=mx1.example.net[198.51.100.25]:25, delay=2.1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F8E7D)',
  'curl -v telnet://mx.example.com:25',
  '',
];

describe('looksLikeBounce on real-shaped pastes', () => {
  it('has at least 40 rows each way', () => {
    expect(POSITIVE.length).toBeGreaterThanOrEqual(40);
    expect(NEGATIVE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(POSITIVE)('says yes to %s', (text) => {
    expect(looksLikeBounce(text)).toBe(true);
  });

  it.each(NEGATIVE)('says no to %s', (text) => {
    expect(looksLikeBounce(text)).toBe(false);
  });
});
