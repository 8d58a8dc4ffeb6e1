/**
 * End to end through diagnose(): intake → parse → classify. The messages below are written by us in
 * the shape of real reports: a Postfix RFC 3464 bounce (Postfix bounce(8) template), an Exchange 2003
 * NDR and delay DSN (Microsoft KB 329636, quoted in shared/seed), and an Exchange 2010 queue LastError
 * (KB 979175).
 */
import { diagnose } from '../../src/pipeline';

const POSTFIX_GMAIL_DMARC = [
  'Return-Path: <>',
  'Date: Tue, 10 Sep 2024 10:00:00 +0900 (JST)',
  'From: MAILER-DAEMON@mail.example.jp (Mail Delivery System)',
  'Subject: Undelivered Mail Returned to Sender',
  'To: sender@example.jp',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
  '',
  '--B1',
  'Content-Description: Notification',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'This is the mail system at host mail.example.jp.',
  '',
  "I'm sorry to have to inform you that your message could not",
  'be delivered to one or more recipients. It\'s attached below.',
  '',
  '<kijitora@gmail.com>: host gmail-smtp-in.l.google.com[192.0.2.27] said:',
  "    550-5.7.26 Unauthenticated email from example.jp is not accepted due to",
  "    550-5.7.26 domain's DMARC policy. Please contact the administrator of",
  '    550-5.7.26 example.jp domain if this was a legitimate mail. - gsmtp (in',
  '    reply to end of DATA command)',
  '',
  '--B1',
  'Content-Description: Delivery report',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mail.example.jp',
  '',
  'Final-Recipient: rfc822; kijitora@gmail.com',
  'Original-Recipient: rfc822;kijitora@gmail.com',
  'Action: failed',
  'Status: 5.7.26',
  'Remote-MTA: dns; gmail-smtp-in.l.google.com',
  "Diagnostic-Code: smtp; 550-5.7.26 Unauthenticated email from example.jp is not",
  "    accepted due to 550-5.7.26 domain's DMARC policy. Please contact the",
  '    administrator of 550-5.7.26 example.jp domain if this was a legitimate mail.',
  '    - gsmtp',
  '',
  '--B1--',
  '',
].join('\n');

const EXCHANGE2003_EXPIRY = [
  'Your message did not reach some or all of the intended recipients.',
  '',
  "      Subject:\tSender's subject",
  '      Sent:\t2/10/2010 10:00 AM',
  '',
  'The following recipient(s) could not be reached:',
  '',
  '      someone@example.com on 2/12/2010 10:00 AM',
  '            Could not deliver the message in the time limit specified.  Please retry or contact your administrator.',
  '            <server.contoso.com #4.4.7>',
].join('\n');

describe('diagnose() end to end', () => {
  it('reads a Postfix bounce of a Gmail DMARC refusal', () => {
    const d = diagnose(POSTFIX_GMAIL_DMARC, { origin: 'file' });
    expect(d.recipients).toHaveLength(1);
    expect(d.recipients[0]).toMatchObject({ address: 'kijitora@gmail.com', reason: 'authfailure', cause: 'dmarc-reject' });
    expect(d.causes[0]).toMatchObject({ id: 'dmarc-reject', confidence: 'high' });
    expect(d.platform).toBe('postfix');
  });

  it('reads the story queue line alone', () => {
    const d = diagnose('The remote SMTP service rejected AUTH negotiation');
    expect(d.recipients[0]?.cause).toBe('outbound-auth-mismatch');
    expect(d.causes[0]).toMatchObject({ id: 'outbound-auth-mismatch', rank: 1, confidence: 'high' });
  });

  it('reads an Exchange 2010 queue LastError by its inner reply', () => {
    const d = diagnose('451 4.4.0 Primary target IP address responded with: "451 5.7.3 Cannot achieve Exchange Server authentication." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.');
    expect(d.recipients[0]?.cause).toBe('outbound-auth-mismatch');
  });

  it('offers ranked candidates for a bare Exchange 2003 #4.4.7 NDR', () => {
    const d = diagnose(EXCHANGE2003_EXPIRY);
    expect(d.recipients[0]).toMatchObject({ address: 'someone@example.com', reason: 'expired', cause: 'delivery-expired' });
    expect(d.causes.length).toBeGreaterThanOrEqual(3);
    expect(d.causes[0]?.id).toBe('outbound-auth-mismatch');
    expect(d.causes.every((c) => c.confidence !== 'high')).toBe(true);
    expect(d.platform).toBe('exchange-2003');
  });

  it('names the cause when the same paste also carries the queue error', () => {
    const d = diagnose(`${EXCHANGE2003_EXPIRY}\n\nQueue: Retry, Remote delivery. The remote SMTP service rejected AUTH negotiation`);
    expect(d.recipients[0]?.cause).toBe('outbound-auth-mismatch');
    expect(d.causes[0]).toMatchObject({ id: 'outbound-auth-mismatch', confidence: 'high' });
    expect(d.causes[0]?.why).toMatch(/symptom/);
  });
});
