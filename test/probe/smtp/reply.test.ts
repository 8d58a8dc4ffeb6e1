/**
 * Reply and EHLO parsing. EHLO shapes follow what the servers send: Postfix 3.7 (observed on this
 * machine), Exchange 2016-style lists with NTLM/GSSAPI and the legacy "AUTH=LOGIN" line that old
 * Outlook-era servers add (RFC 4954 predecessor syntax).
 */
import { parseEhlo, parseReply } from '../../../src/probe/smtp/reply';
import { isGreylisting } from '../../../src/probe/smtp/smtp-findings';
import { usableAddress } from '../../../src/probe/smtp/envelope';
import { planAuthTest } from '../../../src/probe/smtp/auth-test';
import { shortMessage } from '../../../src/probe/smtp/failures';

describe('parseReply', () => {
  test('code and enhanced code of the last line', () => {
    expect(parseReply('535 5.7.8 Error: authentication failed')).toEqual({ code: 535, enhanced: '5.7.8' });
    expect(parseReply('250-mx\n250 2.0.0 ok')).toEqual({ code: 250, enhanced: '2.0.0' });
    expect(parseReply('421 Service not available')).toEqual({ code: 421 });
    expect(parseReply('garbage')).toEqual({ code: 0 });
  });
});

describe('parseEhlo', () => {
  test('Exchange-style list: every AUTH mechanism, legacy AUTH= line merged, SIZE and STARTTLS read', () => {
    const reply = [
      '250-mail.contoso.example Hello [192.0.2.10]',
      '250-SIZE 37748736',
      '250-PIPELINING',
      '250-STARTTLS',
      '250-AUTH GSSAPI NTLM LOGIN',
      '250-AUTH=LOGIN',
      '250 CHUNKING',
    ].join('\n');
    const info = parseEhlo(reply);
    expect(info.auth).toEqual(['GSSAPI', 'NTLM', 'LOGIN']);
    expect(info.size).toBe(37748736);
    expect(info.startTls).toBe(true);
    expect(info.extensions).toEqual(['SIZE 37748736', 'PIPELINING', 'STARTTLS', 'AUTH GSSAPI NTLM LOGIN', 'AUTH=LOGIN', 'CHUNKING']);
  });

  test('no AUTH, no STARTTLS, SIZE without a limit', () => {
    const info = parseEhlo('250-mx.example.test\n250-PIPELINING\n250 SIZE');
    expect(info).toEqual({ extensions: ['PIPELINING', 'SIZE'], auth: [], startTls: false, size: 0 });
  });

  test('a one-line EHLO reply has no extensions', () => {
    expect(parseEhlo('250 mx.example.test').extensions).toEqual([]);
  });
});

describe('isGreylisting', () => {
  test('greylisting replies (postgrey, Exim-style, 4.7.1 "try later")', () => {
    expect(isGreylisting(450, '4.2.0', '450 4.2.0 <a@b>: Recipient address rejected: Greylisted')).toBe(true);
    expect(isGreylisting(451, '4.7.1', '451 4.7.1 Please try again later')).toBe(true);
    expect(isGreylisting(451, undefined, '451 Temporary local problem - greylisted')).toBe(true);
  });
  test('other 4xx and 5xx are not greylisting', () => {
    expect(isGreylisting(450, '4.7.1', '450 4.7.1 Client host rejected: cannot find your hostname')).toBe(false);
    expect(isGreylisting(550, '5.1.1', '550 5.1.1 greylist words in a permanent reply')).toBe(false);
  });
});

describe('usableAddress', () => {
  test('plain addresses pass, command smuggling does not', () => {
    expect(usableAddress('postmaster@example.test')).toBe(true);
    expect(usableAddress('a@b>\r\nDATA')).toBe(false);
    expect(usableAddress('a b@example.test')).toBe(false);
    expect(usableAddress('<a@example.test>')).toBe(false);
    expect(usableAddress('no-at-sign')).toBe(false);
  });
});

describe('planAuthTest', () => {
  test('never over plaintext, never without AUTH, only mechanisms nodemailer can run', () => {
    expect(planAuthTest(false, ['PLAIN'])).toEqual({ run: false, reason: expect.stringContaining('not encrypted') });
    const good = { trusted: true, nameMatches: true };
    expect(planAuthTest(true, ['PLAIN'])).toEqual({ run: false, reason: expect.stringContaining('not trusted') });
    expect(planAuthTest(true, ['PLAIN'], { trusted: false, nameMatches: true, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT' })).toEqual({ run: false, reason: expect.stringContaining('DEPTH_ZERO_SELF_SIGNED_CERT') });
    expect(planAuthTest(true, ['PLAIN'], { trusted: true, nameMatches: false })).toEqual({ run: false, reason: expect.stringContaining('another host name') });
    expect(planAuthTest(true, [], good)).toEqual({ run: false, reason: expect.stringContaining('does not offer AUTH') });
    expect(planAuthTest(true, ['NTLM', 'GSSAPI'], good)).toEqual({ run: false, reason: expect.stringContaining('only NTLM GSSAPI') });
    expect(planAuthTest(true, ['LOGIN', 'PLAIN'], good)).toEqual({ run: true, method: 'PLAIN' });
    expect(planAuthTest(true, ['CRAM-MD5', 'LOGIN'], good)).toEqual({ run: true, method: 'LOGIN' });
  });
});

describe('shortMessage', () => {
  test('OpenSSL errors are cut to their reason phrase', () => {
    const raw = '804C8BAA5D7F0000:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 70\n';
    expect(shortMessage(raw)).toBe('tlsv1 alert protocol version (TLS alert 70)');
    expect(shortMessage('Connection closed unexpectedly ')).toBe('Connection closed unexpectedly');
  });
});
