/**
 * Other real layouts users paste (inline here because each is a few lines): the KB 284204-era
 * Exchange 2003 NDR with two recipients, Outlook 2010's display-name recipient line, Exchange 2007's
 * "host #reply##" admin line, and the pre-2015 Gmail DSN.
 */
import { parseBytes } from './fixture-helpers';

describe('pasted layouts', () => {
  it('Exchange 2003 NDR with indented blocks and <server #x.y.z> codes (KB 284204 layout)', () => {
    const r = parseBytes(
      'Your message did not reach some or all of the intended recipients.\n\n      Subject:\tTest\n      Sent:\t1/1/2008 12:00 PM\n\nThe following recipient(s) could not be reached:\n\n' +
        '      user@example.com on 1/1/2008 12:00 PM\n            The e-mail account does not exist at the organization this message was sent to.\n            <mail.contoso.com #5.1.1>\n\n' +
        '      other@example.org on 1/1/2008 12:00 PM\n            Could not deliver the message in the time limit specified.  Please retry or contact your administrator.\n            <mail.contoso.com #4.4.7>\n',
      'paste',
    );
    expect(r).toMatchObject({ kind: 'bounce', source: { format: 'text', mta: 'exchange2003' }, original: { subject: 'Test', date: '1/1/2008 12:00 PM' } });
    expect(r.recipients.map((x) => [x.address, x.status, x.reportingMta])).toEqual([
      ['user@example.com', '5.1.1', 'mail.contoso.com'],
      ['other@example.org', '4.4.7', 'mail.contoso.com'],
    ]);
  });

  it('Outlook 2010 NDR with a "Name (address)" recipient line', () => {
    const r = parseBytes(
      "Delivery has failed to these recipients or groups:\n\nJohn Smith (jsmith@example.com)\nThe e-mail address you entered couldn't be found.\n\nDiagnostic information for administrators:\n\nGenerating server: EX01.contoso.local\n\njsmith@example.com\n#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n",
      'paste',
    );
    expect(r.recipients).toEqual([expect.objectContaining({ address: 'jsmith@example.com', status: '5.1.1', replyCode: '550', diagnostic: '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found', reportingMta: 'ex01.contoso.local' })]);
  });

  it('Exchange 2007 admin line with the remote host before the reply', () => {
    const r = parseBytes(
      'Delivery has failed to these recipients or distribution lists:\n\njdoe@fabrikam.com\nThe recipient\'s e-mail address was not found.\n\nDiagnostic information for administrators:\n\nGenerating server: EXCH01.contoso.com\n\njdoe@fabrikam.com\nmx.fabrikam.com #550 5.1.1 <jdoe@fabrikam.com>... User unknown ##\n',
      'paste',
    );
    expect(r.recipients[0]).toMatchObject({ address: 'jdoe@fabrikam.com', remoteHost: 'mx.fabrikam.com', status: '5.1.1', diagnostic: '550 5.1.1 <jdoe@fabrikam.com>... User unknown' });
  });

  it('pre-2015 Gmail DSN, with the remote server named in the technical details', () => {
    const r = parseBytes(
      'Delivery to the following recipient failed permanently:\n\n     nobody@example.org\n\nTechnical details of permanent failure:\nGoogle tried to deliver your message, but it was rejected by the server for the recipient domain example.org by mx.example.org. [192.0.2.3].\n\nThe error that the other server returned was:\n550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in local recipient table\n',
      'paste',
    );
    expect(r.source.mta).toBe('gmail');
    expect(r.recipients[0]).toMatchObject({ address: 'nobody@example.org', status: '5.1.1', remoteHost: 'mx.example.org', remoteIp: '192.0.2.3' });
  });
});
