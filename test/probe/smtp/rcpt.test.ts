/**
 * The optional recipient check: MAIL FROM, RCPT TO, RSET, QUIT — never DATA. Replies are recorded verbatim.
 * Peer replies follow Postfix's shapes (smtpd "User unknown in local recipient table", postgrey, access(5)).
 */
import { allCommands, TEST_ADDRESSES, TEST_AUTH } from '../../helpers/smtp-servers';
import { finding, ids, probePeer } from './peer-probe';

afterAll(() => {
  expect(allCommands().length).toBeGreaterThan(0);
  expect(allCommands()).not.toContain('DATA');
});

function verbs(commands: string[]): string[] {
  return commands.map((c) => c.split(/[\s:]/)[0].toUpperCase());
}

describe('recipient check', () => {
  test('accepted → rcpt-accepted; MAIL FROM:<> by default, then RSET and QUIT', async () => {
    const { result, peer } = await probePeer('mx-no-auth', { rcpt: TEST_ADDRESSES.known });
    const f = finding(result, 'rcpt-accepted');
    expect(f.outcome).toBe('pass');
    expect(f.evidence).toMatch(/^250 /);
    expect(peer.commands).toContain('MAIL FROM:<>');
    expect(peer.commands).toContain(`RCPT TO:<${TEST_ADDRESSES.known}>`);
    expect(verbs(peer.commands).slice(-3)).toEqual(['RCPT', 'RSET', 'QUIT']);
    // The transcript shows the real commands, not nodemailer's customAuth mask.
    expect(result.host.transcript).toContain(`C: RCPT TO:<${TEST_ADDRESSES.known}>`);
    expect(result.host.transcript.join('\n')).not.toContain('/* secret */');
    expect(result.host.steps.map((s) => s.step)).toEqual(['connect', 'banner', 'ehlo', 'starttls', 'ehlo-tls', 'mail', 'rcpt', 'rset', 'quit']);
  });

  test('550 5.1.1 → rcpt-rejected with the server\'s words', async () => {
    const { result } = await probePeer('mx-no-auth', { rcpt: TEST_ADDRESSES.unknown, mailFrom: TEST_ADDRESSES.sender });
    const f = finding(result, 'rcpt-rejected');
    expect(f.outcome).toBe('fail');
    expect(f.evidence).toBe(`550 5.1.1 <${TEST_ADDRESSES.unknown}>: Recipient address rejected: User unknown in local recipient table`);
    expect(f.title).toContain('550 5.1.1');
    expect(result.host.steps.find((s) => s.step === 'rcpt')).toMatchObject({ ok: false, reply: f.evidence });
  });

  test('450 4.2.0 greylisting → rcpt-greylisted (warn: retry later)', async () => {
    const { result } = await probePeer('mx-no-auth', { rcpt: TEST_ADDRESSES.greylisted });
    const f = finding(result, 'rcpt-greylisted');
    expect(f.outcome).toBe('warn');
    expect(f.title).toContain('retry later');
    expect(f.evidence).toContain('450 4.2.0');
  });

  test('MAIL FROM 554 → mail-from-rejected, and RCPT is never sent', async () => {
    const { result, peer } = await probePeer('mx-no-auth', { rcpt: TEST_ADDRESSES.known, mailFrom: TEST_ADDRESSES.blockedSender });
    const f = finding(result, 'mail-from-rejected');
    expect(f.outcome).toBe('fail');
    expect(f.evidence).toContain('554 5.7.1');
    expect(verbs(peer.commands)).not.toContain('RCPT');
    expect(verbs(peer.commands).slice(-2)).toEqual(['RSET', 'QUIT']);
    expect(ids(result)).not.toContain('rcpt-rejected');
  });

  test('after a successful AUTH the envelope runs in the authenticated session', async () => {
    const { result, peer } = await probePeer('auth-after-starttls', { auth: TEST_AUTH, rcpt: TEST_ADDRESSES.known });
    expect(ids(result)).toEqual(expect.arrayContaining(['auth-ok', 'rcpt-accepted']));
    const v = verbs(peer.commands);
    expect(v.indexOf('MAIL')).toBeGreaterThan(v.indexOf('AUTH'));
  });

  test('an address that could smuggle a command is not sent at all', async () => {
    const { result, peer } = await probePeer('mx-no-auth', { rcpt: 'a@example.test>\r\nDATA' });
    expect(finding(result, 'rcpt-skipped').title).toContain('cannot be used');
    expect(verbs(peer.commands)).not.toContain('MAIL');
  });

  test('session failing before the envelope → rcpt-skipped', async () => {
    const { result } = await probePeer('starttls-454', { rcpt: TEST_ADDRESSES.known });
    expect(finding(result, 'rcpt-skipped').outcome).toBe('skip');
    expect(ids(result)).toContain('starttls-failed');
  });
});
