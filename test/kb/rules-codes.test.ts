/**
 * The code tables (enhanced status codes, reply codes) and the provider table the rules rely on.
 */
import { lookupStatus, lookupSubject, isStatusCode } from '../../src/kb/status-codes';
import { lookupReply } from '../../src/kb/reply-codes';
import { detectProvider, providerByHost, providerByText, providerByDomain, PROVIDERS, PROVIDER_IDS, sampleHost } from '../../src/kb/providers';
import { CAUSE_IDS } from '../../src/kb/cause-ids';
import { REASONS } from '../../src/kb/types';

describe('enhanced status codes', () => {
  it('knows the registered codes and their Sisimai reasons', () => {
    expect(lookupStatus('5.1.1')).toMatchObject({ cause: 'recipient-unknown', strength: 'strong' });
    expect(lookupStatus('5.2.2')).toMatchObject({ cause: 'mailbox-full', strength: 'strong' });
    expect(lookupStatus('4.4.7')).toMatchObject({ cause: 'delivery-expired', strength: 'weak' });
    expect(lookupStatus('5.7.23')).toMatchObject({ cause: 'spf-fail' });
    expect(lookupStatus('5.7.8')).toMatchObject({ cause: 'smart-host-auth-failed' });
    // The registry's X.7.27 is the sender's null MX (RFC 7505); Gmail's 5.7.27 is handled by a provider rule.
    expect(lookupStatus('5.7.27')).toMatchObject({ cause: 'sender-domain-invalid', reason: 'notaccept' });
  });

  it('prefers a class-specific row to the class-agnostic one', () => {
    expect(lookupStatus('4.7.1')?.reason).toBe('blocked');
    expect(lookupStatus('5.7.1')?.reason).toBe('securityerror');
    expect(lookupStatus('4.2.1')?.reason).toBe('blocked');
    expect(lookupStatus('5.2.1')?.reason).toBe('filtered');
  });

  it('falls back to the subject for unregistered codes and ignores malformed ones', () => {
    expect(lookupStatus('5.7.708')).toBeUndefined();
    expect(lookupSubject('5.7.708')).toMatchObject({ reason: 'securityerror' });
    expect(lookupSubject('5.6.99')).toMatchObject({ cause: 'content-malformed' });
    expect(lookupStatus('9.9.9')).toBeUndefined();
    expect(isStatusCode('5.1')).toBe(false);
    expect(isStatusCode('5.1.1')).toBe(true);
  });

  it('maps every row to a known cause and reason', () => {
    for (const code of ['5.1.1', '5.1.2', '5.1.10', '5.2.3', '5.3.4', '5.4.4', '4.4.1', '5.5.3', '5.6.0', '5.7.25', '5.7.26', '5.7.30']) {
      const row = lookupStatus(code);
      expect(row).toBeDefined();
      expect(CAUSE_IDS).toContain(row?.cause);
      if (row?.reason) expect(REASONS).toContain(row.reason);
    }
  });
});

describe('reply codes', () => {
  it('names what a bare reply code says', () => {
    expect(lookupReply('530')).toMatchObject({ cause: 'auth-required', reason: 'securityerror' });
    expect(lookupReply('535')).toMatchObject({ cause: 'smart-host-auth-failed' });
    expect(lookupReply('556')).toMatchObject({ cause: 'null-mx', reason: 'notaccept' });
    expect(lookupReply('503')).toMatchObject({ reason: 'syntaxerror' });
    expect(lookupReply('550')).toMatchObject({ cause: 'unknown', reason: 'onhold' });
    expect(lookupReply('999')).toBeUndefined();
    expect(lookupReply(undefined)).toBeUndefined();
  });
});

describe('providers', () => {
  it('recognises providers by host suffix, longest first', () => {
    expect(providerByHost('gmail-smtp-in.l.google.com')).toBe('google');
    expect(providerByHost('example-com.mail.protection.outlook.com')).toBe('microsoft');
    expect(providerByHost('mta7.am0.yahoodns.net')).toBe('yahoo');
    expect(providerByHost('mx-aol.mail.gm0.yahoodns.net')).toBe('yahoo');
    expect(providerByHost('omr-a015e.mx.aol.com')).toBe('aol');
    expect(providerByHost('mx01.mail.icloud.com')).toBe('apple');
    expect(providerByHost('p3plibsmtp01-01.prod.phx3.secureserver.net')).toBe('godaddy');
    expect(providerByHost('us-smtp-inbound-1.mimecast.com')).toBe('mimecast');
    expect(providerByHost('MX.Example.ORG.')).toBeUndefined();
    expect(providerByHost('notgoogle.com')).toBeUndefined();
  });

  it('recognises a provider by its own wording when the host is unknown', () => {
    expect(providerByText('550-5.7.1 messages with multiple addresses - gsmtp')).toBe('google');
    expect(providerByText('550 5.7.64 tenantattribution; relay access denied [sn1nam02ft0047.eop-nam02.prod.protection.outlook.com]')).toBe('microsoft');
    expect(providerByText('421 4.7.0 [tss04] messages from 192.0.2.25 temporarily deferred')).toBe('yahoo');
    expect(providerByText('550 this ip has sent too many messages this hour. ib504')).toBe('godaddy');
    expect(providerByText('550 5.1.1 user unknown')).toBeUndefined();
  });

  it('falls back to the recipient domain, host first', () => {
    expect(providerByDomain('someone@GMAIL.com')).toBe('google');
    expect(detectProvider({ recipient: 'a@hotmail.com' })).toBe('microsoft');
    expect(detectProvider({ remoteHost: 'mx.example.org', recipient: 'a@gmail.com' })).toBe('google');
    expect(detectProvider({ remoteHost: 'mx01.mail.icloud.com', recipient: 'a@gmail.com' })).toBe('apple');
    expect(detectProvider({})).toBeUndefined();
  });

  it('lists every provider id once with a sample host that maps back to it', () => {
    expect(PROVIDERS.map((p) => p.id).sort()).toEqual([...PROVIDER_IDS].sort());
    for (const id of PROVIDER_IDS) expect(providerByHost(sampleHost(id))).toBe(id);
  });
});
