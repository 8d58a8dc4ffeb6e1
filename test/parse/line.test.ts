/**
 * One-line errors from queue viewers and logs.
 */
import { readLines, LINE_FORMATS } from '../../src/parse/line';

describe('readLines', () => {
  it('reads the Exchange 2003 queue status of the story', () => {
    expect(readLines('The remote SMTP service rejected AUTH negotiation.')).toEqual({
      mta: 'exchange2003',
      kind: 'delay',
      recipients: [{ address: '', diagnostic: 'The remote SMTP service rejected AUTH negotiation.', command: 'AUTH' }],
    });
  });

  it('joins the "Retry, Remote delivery" status box line with the reason', () => {
    const r = readLines('Retry, Remote delivery\nThe remote SMTP service does not support TLS.');
    expect(r?.recipients).toEqual([{ address: '', diagnostic: 'The remote SMTP service does not support TLS.', command: 'STARTTLS' }]);
  });

  it('keeps both the wrapper and the inner reply of a Get-Queue LastError', () => {
    const r = readLines('451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped due to SocketError." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.');
    expect(r?.mta).toBe('exchange2007');
    expect(r?.recipients[0]).toMatchObject({ status: '4.4.2', replyCode: '421', extensions: { 'Outer-Reply': '451 4.4.0', 'Inner-Reply': '421 4.4.2 Connection dropped due to SocketError.' } });
    expect(r?.recipients[0].diagnostic).toMatch(/^451 4\.4\.0 Primary target/);
  });

  it('reads Postfix, Sendmail and Exim log lines', () => {
    const r = readLines(
      [
        'Jun  6 11:02:17 mail postfix/smtp[1]: ABC: to=<bob@example.net>, relay=mx1.example.net[198.51.100.25]:25, delay=2, dsn=5.1.1, status=bounced (host mx1.example.net[198.51.100.25] said: 550 5.1.1 user unknown (in reply to RCPT TO command))',
        'Jun  6 11:03:00 mail sm-mta[2]: 35K: to=<carl@example.org>, delay=00:00:05, xdelay=00:00:05, mailer=esmtp, pri=120, relay=mx.example.org. [192.0.2.8], dsn=4.0.0, stat=Deferred: Connection refused by mx.example.org.',
        '2023-06-06 11:04:00 1qB-0003 ** dora@example.com R=dnslookup T=remote_smtp H=mx.example.com [203.0.113.9]: SMTP error from remote mail server after RCPT TO:<dora@example.com>: 550 5.1.1 no such user',
      ].join('\n'),
    );
    expect(r?.kind).toBe('bounce');
    expect(r?.recipients.map((x) => [x.address, x.status, x.remoteHost, x.remoteIp])).toEqual([
      ['bob@example.net', '5.1.1', 'mx1.example.net', '198.51.100.25'],
      ['carl@example.org', '4.0.0', 'mx.example.org', undefined],
      ['dora@example.com', undefined, 'mx.example.com', '203.0.113.9'],
    ]);
  });

  it('joins a multi-line reply into one line', () => {
    const r = readLines('550-5.7.26 This mail has been blocked because the sender is\n550-5.7.26 unauthenticated. Gmail requires all senders to authenticate\n550 5.7.26 with either SPF or DKIM.');
    expect(r?.recipients).toHaveLength(1);
    expect(r?.recipients[0]).toMatchObject({ replyCode: '550', status: '5.7.26' });
    expect(r?.recipients[0].diagnostic).toBe('550 5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.');
  });

  it('reads a bare 4xx reply as a delay', () => {
    expect(readLines('451 4.7.1 Greylisted, try again later')).toMatchObject({ kind: 'delay', recipients: [{ replyCode: '451', status: '4.7.1' }] });
  });

  it('declines text that is not only error lines', () => {
    expect(readLines('Hi team,\n550 5.1.1 user unknown\nany idea?')).toBeUndefined();
    expect(readLines('')).toBeUndefined();
  });

  it('describes every format', () => {
    for (const f of LINE_FORMATS) expect(f.what).toBeTruthy();
  });
});
