/**
 * Finishing recipient facts: every fact has one set of fields in one order (absent ones undefined), so
 * the later stages see one object shape; absent fields stay absent in JSON. Facts are shaped like a
 * Postfix DSN recipient (RFC 3464 example fields) and a bare pasted error line.
 */
import { finishFact } from '../../src/parse/merge';

const FULL = {
  address: 'bob@example.net',
  originalRecipient: 'Bob.Alias@example.net',
  action: 'failed' as const,
  status: '5.1.1',
  remoteHost: 'mx1.example.net',
  remoteIp: '198.51.100.25',
  reportingMta: 'mail.example.org',
  diagnostic: '550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
  diagnosticType: 'smtp',
  lastAttemptDate: 'Tue,  6 Jun 2023 11:02:17 +0200 (CEST)',
  extensions: { 'X-Postfix-Sender': 'rfc822; alice@example.org' },
};

describe('finishFact', () => {
  it('gives a bare fact and a full one the same fields in the same order', () => {
    const bare = finishFact({ diagnostic: 'Connection timed out' }, 'delay');
    const full = finishFact(FULL, 'bounce');
    expect(Object.keys(bare)).toEqual(Object.keys(full));
    expect(full).toMatchObject({ status: '5.1.1', replyCode: '550', remoteIp: '198.51.100.25', command: undefined });
    expect(bare).toEqual({ address: '', action: 'delayed', diagnostic: 'Connection timed out' });
  });

  it('leaves absent and empty fields out of JSON', () => {
    const f = finishFact({ address: 'a@example.com', originalRecipient: '', diagnostic: '', extensions: {} }, 'feedback');
    expect(JSON.parse(JSON.stringify(f))).toStrictEqual({ address: 'a@example.com', diagnostic: '' });
  });

  it('takes codes, host and command from the words when the fields are missing', () => {
    const f = finishFact({ address: 'c@example.com', diagnostic: 'host mx.example.com[192.0.2.7] said: 554 5.7.1 Relay access denied (in reply to RCPT TO command)' }, 'bounce');
    expect(f).toMatchObject({ action: 'failed', status: '5.7.1', replyCode: '554', remoteHost: 'mx.example.com', remoteIp: '192.0.2.7', command: 'RCPT' });
  });
});
