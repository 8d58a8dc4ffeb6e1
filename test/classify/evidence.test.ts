/** Evidence: normalising words, peeling wrappers, choosing the status code, reading the stage. */
import { normalise, innermostReply, joinContinuations, preferStatus, replyCodeIn, statusIn, stageInWords, buildEvidence } from '../../src/classify/evidence';
import { report } from './helpers';

describe('normalise', () => {
  it('lower-cases, collapses whitespace and drops the diagnostic type label', () => {
    expect(normalise('smtp; 550  5.1.1\r\n  <A@Example.JP>...\tUser Unknown')).toBe('550 5.1.1 <a@example.jp>... user unknown');
    expect(normalise(undefined)).toBe('');
  });

  it('joins a multi-line reply whose lines repeat the code', () => {
    expect(joinContinuations('550-5.7.1 messages with multiple 550-5.7.1 addresses in from: header are not accepted. 550 5.7.1 see help - gsmtp'))
      .toBe('550-5.7.1 messages with multiple addresses in from: header are not accepted. see help - gsmtp');
    expect(joinContinuations('552-this is line one 552-and line two')).toBe('552-this is line one and line two');
    // A single-line reply is left alone.
    expect(joinContinuations('550 5.1.1 user unknown; also see 550 5.1.1 above')).toBe('550 5.1.1 user unknown; also see above');
    expect(joinContinuations('user unknown')).toBe('user unknown');
  });
});

describe('innermostReply', () => {
  it('peels Exchange, Postfix, Exim, qmail and Gmail wrappers, nested', () => {
    expect(innermostReply(normalise('451 4.4.0 Primary target IP address responded with: "421 4.7.0 Try again later." Attempted failover to alternate host')))
      .toBe('421 4.7.0 try again later.');
    expect(innermostReply(normalise("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'"))).toBe('550 5.1.1 resolver.adr.recipnotfound; not found');
    expect(innermostReply(normalise('host mx.example.org[192.0.2.1] said: 550 5.7.1 Relay access denied (in reply to RCPT TO command)'))).toBe('550 5.7.1 relay access denied');
    expect(innermostReply(normalise('SMTP error from remote mail server after RCPT TO:<a@example.org>: host mx.example.org [192.0.2.1]: 550 5.1.1 unknown user'))).toBe('550 5.1.1 unknown user');
    expect(innermostReply(normalise('192.0.2.1 does not like recipient. Remote host said: 550 5.1.1 no such user'))).toBe('550 5.1.1 no such user');
    expect(innermostReply(normalise('Google tried to deliver your message, but it was rejected. The error that the other server returned was: 550 5.2.2 mailbox full'))).toBe('550 5.2.2 mailbox full');
    expect(innermostReply('550 5.1.1 user unknown')).toBe('550 5.1.1 user unknown');
  });
});

describe('codes in the words', () => {
  it('reads the reply code and the first enhanced status code', () => {
    expect(replyCodeIn('550-5.7.1 blocked')).toBe('550');
    expect(replyCodeIn('#550 5.2.2 mailbox full')).toBe('550');
    expect(replyCodeIn('user unknown 550')).toBeUndefined();
    expect(statusIn('550 5.1.1 <a@b>: user unknown')).toBe('5.1.1');
    expect(statusIn('(server.contoso.com #4.4.7)')).toBe('4.4.7');
    expect(statusIn('version 1.2.3.4 of the filter')).toBeUndefined();
    expect(statusIn('ip 192.0.2.1')).toBeUndefined();
  });

  it('prefers the specific code in the words over a generic Status: field', () => {
    expect(preferStatus('5.0.0', '5.1.1', '550')).toBe('5.1.1');
    expect(preferStatus('4.4.7', '5.7.3', undefined)).toBe('5.7.3');
    expect(preferStatus('5.1.1', '5.0.0', '550')).toBe('5.1.1');
    expect(preferStatus('5.2.2', '5.1.1', '550')).toBe('5.2.2');
    // The class has to agree with the reply code.
    expect(preferStatus('4.4.7', '5.1.1', '451')).toBe('4.4.7');
    expect(preferStatus(undefined, '5.7.1', undefined)).toBe('5.7.1');
    expect(preferStatus('5.7.1', undefined, undefined)).toBe('5.7.1');
  });
});

describe('the SMTP stage', () => {
  it('is read from the words when the report has no field for it', () => {
    expect(stageInWords('... (in reply to rcpt to command)')).toBe('RCPT');
    expect(stageInWords('smtp error from remote mail server after mail from:<a@b> size=10:')).toBe('MAIL');
    expect(stageInWords('(in reply to end of data command)')).toBe('DATA');
    expect(stageInWords('connected to 192.0.2.1 but my name was rejected.')).toBe('EHLO');
    expect(stageInWords('192.0.2.1 does not like recipient.')).toBe('RCPT');
    expect(stageInWords('user unknown')).toBe('');
  });

  it('takes the table\'s order, not the text\'s, when the words name two stages', () => {
    // the MAIL wording comes first in the text; the table lists RCPT first, and the table decides
    expect(stageInWords('after mail from:<a@b> the server said 550 (in reply to rcpt to command)')).toBe('RCPT');
    expect(stageInWords('greeting failed, then >>> data')).toBe('DATA');
  });

  it('builds evidence with the field first, the words second', () => {
    const r = report([{ diagnostic: 'host mx.example.org[192.0.2.1] said: 550 5.1.1 user unknown (in reply to RCPT TO command)', status: '5.0.0', remoteHost: 'gmail-smtp-in.l.google.com' }]);
    const ev = buildEvidence(r.recipients[0]!, r);
    expect(ev).toMatchObject({ inner: '550 5.1.1 user unknown', status: '5.1.1', replyCode: '550', command: 'RCPT', provider: 'google', delayed: false });
    const withField = report([{ diagnostic: '550 5.1.1 user unknown (in reply to RCPT TO command)', command: 'DATA' }]);
    expect(buildEvidence(withField.recipients[0]!, withField).command).toBe('DATA');
  });
});
