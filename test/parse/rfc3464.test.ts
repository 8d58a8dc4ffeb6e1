/**
 * RFC 3464 delivery-status fields as real MTAs write them.
 */
import { parseDeliveryStatus, splitDeliveryStatus, parseMta, normalizeAction, findInlineDeliveryStatus } from '../../src/parse/rfc3464';

const DSN = `Reporting-MTA: dns; mail.example.org
X-Postfix-Queue-ID: 4QxYzK1n2bz9sWp
X-Postfix-Sender: rfc822; alice@example.org
Arrival-Date: Tue,  6 Jun 2023 11:02:15 +0200 (CEST)

Final-Recipient: rfc822; bob@EXAMPLE.NET
Original-Recipient: rfc822;Bob.Alias@example.net
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx1.example.net [198.51.100.25]
Diagnostic-Code: smtp; 550 5.1.1 <bob@example.net>: Recipient address
    rejected: User unknown in virtual mailbox table
Last-Attempt-Date: Tue,  6 Jun 2023 11:02:17 +0200 (CEST)
X-Actual-Recipient: rfc822; bob@example.net
`;

describe('parseDeliveryStatus', () => {
  const [r] = parseDeliveryStatus(DSN);

  it('strips type prefixes and lower-cases the domain', () => {
    expect(r.address).toBe('bob@example.net');
    expect(r.originalRecipient).toBe('Bob.Alias@example.net');
    expect(r.remoteHost).toBe('mx1.example.net');
    expect(r.remoteIp).toBe('198.51.100.25');
    expect(r.reportingMta).toBe('mail.example.org');
    expect(r.diagnosticType).toBe('smtp');
  });

  it('joins Diagnostic-Code continuation lines', () => {
    expect(r.diagnostic).toBe('550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown in virtual mailbox table');
  });

  it('keeps per-message and per-recipient vendor fields as extensions', () => {
    expect(r.extensions).toMatchObject({
      'X-Postfix-Queue-ID': '4QxYzK1n2bz9sWp',
      'X-Postfix-Sender': 'rfc822; alice@example.org',
      'Arrival-Date': 'Tue,  6 Jun 2023 11:02:15 +0200 (CEST)',
      'X-Actual-Recipient': 'rfc822; bob@example.net',
    });
    expect(r.lastAttemptDate).toBe('Tue,  6 Jun 2023 11:02:17 +0200 (CEST)');
    expect(r).toMatchObject({ action: 'failed', status: '5.1.1' });
  });

  it('separates recipients written without blank lines, in either field order', () => {
    const rs = parseDeliveryStatus(
      'Reporting-MTA: dns; x.example\n\nFinal-Recipient: rfc822; a@example.com\nOriginal-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\nFinal-Recipient: rfc822; b@example.com\nAction: delayed\nStatus: 4.4.1\nOriginal-Recipient: rfc822; c@example.com\nFinal-Recipient: rfc822; c@example.com\nAction: failed\nStatus: 5.2.2\n',
    );
    expect(rs.map((x) => [x.address, x.action, x.status])).toEqual([
      ['a@example.com', 'failed', '5.1.1'],
      ['b@example.com', 'delayed', '4.4.1'],
      ['c@example.com', 'failed', '5.2.2'],
    ]);
  });

  it('reads a status with trailing words and odd-case prefixes', () => {
    const [x] = parseDeliveryStatus('Final-Recipient: RFC822; <Someone@Example.COM>\nAction: Failed\nStatus: 5.0.0 (permanent failure)\nDiagnostic-Code: X-Unix; 71\n');
    expect(x).toMatchObject({ address: 'Someone@example.com', action: 'failed', status: '5.0.0', diagnostic: '71', diagnosticType: 'x-unix' });
  });

  it('has no per-message block when the DSN starts with a recipient', () => {
    const ds = splitDeliveryStatus('Final-Recipient: rfc822; a@example.com\nAction: failed\n');
    expect(ds.perMessage).toEqual([]);
    expect(ds.recipients).toHaveLength(1);
  });
});

describe('field helpers', () => {
  it.each([
    ['dns; mx.example.com', { host: 'mx.example.com' }],
    ['dns; mx.example.com. [192.0.2.1]', { host: 'mx.example.com', ip: '192.0.2.1' }],
    ['DNS; [192.0.2.22]', { host: '192.0.2.22', ip: '192.0.2.22' }],
    ['dns; mx.empresa.example. (198.51.100.66, the server for the domain empresa.example.)', { host: 'mx.empresa.example', ip: '198.51.100.66' }],
    ['dns; mx.example.com [2001:db8::1]', { host: 'mx.example.com', ip: '2001:db8::1' }],
    ['dns; [IPv6:2001:db8::25]', { host: '2001:db8::25', ip: '2001:db8::25' }],
  ])('parseMta(%s)', (value, want) => {
    expect(parseMta(value)).toEqual(want);
  });

  it.each([['failed', 'failed'], ['Delayed', 'delayed'], ['deliverable', 'delivered'], ['relayed (to non-DSN-aware mailer)', 'relayed'], ['weird', undefined]])('normalizeAction(%s)', (v, want) => {
    expect(normalizeAction(v)).toBe(want);
  });

  it('finds DSN fields written into a text body, not the message headers around them', () => {
    const body = 'X-Original-To: ops@example.org\nSome words.\n\nReporting-MTA: dns; x.example\n\nFinal-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 no\n  such user\n\nBye.\n';
    const text = findInlineDeliveryStatus(body)!;
    expect(text).not.toContain('X-Original-To');
    expect(parseDeliveryStatus(text)[0]).toMatchObject({ address: 'a@example.com', status: '5.1.1', diagnostic: '550 no such user' });
    expect(findInlineDeliveryStatus('no fields here')).toBeUndefined();
  });
});
