/**
 * Precedence: provider wording > generic wording > enhanced status code > reply class, innermost
 * reply first. Replies are real-shaped (vendor documentation and public bounce samples).
 */
import { classify } from '../../src/classify';
import { report, line } from './helpers';

const one = (r: ReturnType<typeof report>) => {
  const d = classify(r);
  expect(d.recipients).toHaveLength(1);
  return d.recipients[0]!;
};

describe('provider wording beats the registry meaning of a reused code', () => {
  const gmail5727 = '550-5.7.27 Your email has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with SPF. Authentication results: SPF domain-name with IP address: 192.0.2.25 = Did not pass. - gsmtp';

  it('reads Gmail 5.7.27 as "SPF did not pass"', () => {
    const r = one(report([{ diagnostic: gmail5727, status: '5.7.27', remoteHost: 'gmail-smtp-in.l.google.com' }]));
    expect(r).toMatchObject({ cause: 'spf-fail', reason: 'authfailure', rule: 'google-spf-did-not-pass' });
  });

  it('knows the reply is Gmail\'s from its "gsmtp" trailer when the host is missing', () => {
    expect(one(line(gmail5727)).cause).toBe('spf-fail');
  });

  it('reads the registry X.7.27 from anyone else as the sender\'s null MX', () => {
    const r = one(report([{ diagnostic: '550 5.7.27 Sender address has null MX', status: '5.7.27', remoteHost: 'mx.example.org' }]));
    expect(r).toMatchObject({ cause: 'sender-domain-invalid', reason: 'notaccept' });
    const bare = one(report([{ diagnostic: '550 5.7.27 rejected', status: '5.7.27', remoteHost: 'mx.example.org' }]));
    expect(bare).toMatchObject({ cause: 'sender-domain-invalid', rule: 'status:5.7.27' });
  });

  it('reads Gmail 5.7.30 as DKIM, Microsoft 5.7.708 as a low-reputation sending IP', () => {
    expect(one(report([{ diagnostic: '550-5.7.30 This mail has been blocked because DKIM does not pass. Gmail requires all large senders to authenticate with DKIM. - gsmtp', remoteHost: 'aspmx.l.google.com' }])).cause).toBe('dkim-fail');
    expect(one(report([{ diagnostic: '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. AS(7230)', remoteHost: 'example-com.mail.protection.outlook.com' }])).cause).toBe('bad-reputation');
  });

  it('does not apply a provider rule to another provider\'s reply', () => {
    // Yahoo's "not accepted for policy reasons" means DMARC at Yahoo; elsewhere it is a generic policy refusal.
    const yahoo = one(report([{ diagnostic: '554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes', remoteHost: 'mta5.am0.yahoodns.net' }]));
    expect(yahoo.cause).toBe('dmarc-reject');
    const other = one(report([{ diagnostic: '554 Message not accepted for policy reasons', remoteHost: 'mx.example.org' }]));
    expect(other).toMatchObject({ cause: 'content-filtered', reason: 'policyviolation' });
  });
});

describe('GoDaddy reuses 5.1.1 for a rate limit', () => {
  it('is not an unknown user', () => {
    const r = one(report([{ diagnostic: '550 5.1.1 This IP has sent too many to too many recipients this hour. IB607', status: '5.1.1', remoteHost: 'p3plibsmtp02-05.prod.phx3.secureserver.net', command: 'RCPT' }]));
    expect(r.reason).not.toBe('userunknown');
    expect(r).toMatchObject({ cause: 'rate-limited', reason: 'speeding', rule: 'godaddy-rate-limit' });
  });
});

describe('wrappers: the innermost reply decides', () => {
  it('reads the reply inside Exchange\'s 451 4.4.0 "Primary target IP address responded with"', () => {
    const r = one(report([{
      diagnostic: '451 4.4.0 Primary target IP address responded with: "550 5.1.1 <kijitora@example.org>: Recipient address rejected: User unknown in virtual mailbox table." Attempted failover to alternate host, but that did not succeed.',
      status: '4.4.0', replyCode: '451',
    }]));
    expect(r).toMatchObject({ cause: 'recipient-unknown', reason: 'userunknown' });
  });

  it('reads the reply inside a Postfix "host X said:" and the stage from "(in reply to …)"', () => {
    const r = one(report([{ diagnostic: 'host mx.example.org[192.0.2.1] said: 550 5.7.1 <kijitora@example.org>: Relay access denied (in reply to RCPT TO command)', status: '5.0.0' }]));
    expect(r).toMatchObject({ cause: 'relay-denied', reason: 'norelaying', status: '5.0.0' });
  });

  it('reads the reply inside an Exim "SMTP error from remote mail server after …"', () => {
    const r = one(report([{ diagnostic: 'SMTP error from remote mail server after MAIL FROM:<shironeko@example.org> SIZE=1543: host mx.example.jp [192.0.2.20]: 553 5.1.8 <shironeko@example.org>... Domain of sender address shironeko@example.org does not exist' }]));
    expect(r).toMatchObject({ cause: 'sender-domain-invalid', reason: 'rejected' });
  });
});

describe('generic wording beats the status code, the status code beats the reply class', () => {
  it('lets a specific wording override a generic 5.7.1', () => {
    const r = one(report([{ diagnostic: '550 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org', status: '5.7.1', command: 'RCPT' }]));
    expect(r).toMatchObject({ cause: 'ip-blocklisted', reason: 'blocked' });
  });

  it('keeps a strong code when the words only mention an unrelated generic refusal', () => {
    const r = one(report([{ diagnostic: '552 5.2.2 <kijitora@example.jp>... Mailbox Full', status: '5.2.2', command: 'RCPT' }]));
    expect(r).toMatchObject({ cause: 'mailbox-full', reason: 'mailboxfull' });
  });

  it('falls back to the status code when the words say nothing known', () => {
    const r = one(report([{ diagnostic: '550 5.1.1 rejected (see http://example.org/help)', status: '5.1.1' }]));
    expect(r).toMatchObject({ cause: 'recipient-unknown', reason: 'userunknown', rule: 'status:5.1.1', hard: true });
  });

  it('falls back to the reply code when there is no status code either', () => {
    expect(one(line('530 5.5.1 Please identify yourself first'))).toMatchObject({ cause: 'auth-required', reason: 'securityerror' });
    expect(one(line('556 example.org takes no mail'))).toMatchObject({ cause: 'null-mx', reason: 'notaccept', rule: 'reply:556' });
    const bare = one(line('554 see you later'));
    expect(bare).toMatchObject({ cause: 'unknown', reason: 'onhold', rule: 'reply:554' });
  });

  it('says undefined when there is nothing at all', () => {
    expect(one(report([{ diagnostic: '' }], { text: '' }))).toMatchObject({ cause: 'unknown', reason: 'undefined' });
  });

  it('marks a 4xx refusal as not hard even for a hard cause', () => {
    const r = one(report([{ diagnostic: '450 4.1.1 <kijitora@example.org>: Recipient address rejected: User unknown in virtual alias table', status: '4.1.1', command: 'RCPT' }]));
    expect(r).toMatchObject({ cause: 'recipient-unknown', hard: false });
  });
});

describe('the SMTP stage changes what "user unknown" means', () => {
  it('is an unknown recipient at RCPT, a filter after DATA', () => {
    expect(one(report([{ diagnostic: '550 Unknown user kijitora@example.net', command: 'RCPT' }]))).toMatchObject({ reason: 'userunknown', cause: 'recipient-unknown' });
    expect(one(report([{ diagnostic: '550 Unknown user kijitora@example.net', command: 'DATA' }]))).toMatchObject({ reason: 'filtered', cause: 'content-filtered' });
    // An explicit address status still wins after DATA.
    expect(one(report([{ diagnostic: '550 5.1.1 <kijitora@example.net>... User unknown', status: '5.1.1', command: 'DATA' }]))).toMatchObject({ reason: 'userunknown' });
  });
});
