/**
 * Symptom candidates: every symptom that does not name a cause has a ranked list of real causes,
 * each with what tells it apart; the #4.4.7 list covers the causes the reference material names.
 */
import { BOOST_BONUS, candidatesFor, SYMPTOM_CANDIDATES } from '../../src/kb/candidates';
import { CAUSE_IDS, type CauseId } from '../../src/kb/cause-ids';
import { CAUSES } from '../../src/kb/causes';

const listFor = (symptom: CauseId) => SYMPTOM_CANDIDATES.find((s) => s.symptom === symptom)?.candidates ?? [];

describe('symptom candidate tables', () => {
  test('cover the symptoms that do not name a cause', () => {
    const symptoms = SYMPTOM_CANDIDATES.map((s) => s.symptom);
    expect(symptoms).toEqual(expect.arrayContaining(['delivery-expired', 'delivery-delayed', 'connection-timeout', 'connection-dropped', 'unknown']));
    expect(new Set(symptoms).size).toBe(symptoms.length);
  });

  test.each(SYMPTOM_CANDIDATES.map((s) => [s.symptom, s] as const))('%s: real causes, ranked by weight, each with a tellApart', (_symptom, entry) => {
    expect(entry.candidates.length).toBeGreaterThanOrEqual(4);
    const ids = entry.candidates.map((c) => c.cause);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of entry.candidates) {
      expect(CAUSE_IDS).toContain(c.cause);
      expect(CAUSES[c.cause]).toBeDefined();
      expect(c.weight).toBeGreaterThan(0);
      expect(c.weight).toBeLessThan(BOOST_BONUS);
      expect(c.tellApart.length).toBeGreaterThan(40);
      if (c.boostWhen) expect(c.boostWhen.global).toBe(false); // .test() must not carry lastIndex between calls
    }
    const weights = entry.candidates.map((c) => c.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  test('symptoms that are not causes themselves never list themselves', () => {
    for (const symptom of ['delivery-expired', 'delivery-delayed', 'unknown'] as CauseId[]) {
      expect(listFor(symptom).map((c) => c.cause)).not.toContain(symptom);
    }
  });

  test('#4.4.7 covers the causes the reference names, including the Exchange 2007+ ones', () => {
    const ids = listFor('delivery-expired').map((c) => c.cause);
    expect(ids).toEqual(expect.arrayContaining([
      'outbound-auth-mismatch', 'connection-timeout', 'port25-blocked', 'dns-failure', 'tls-version-unsupported',
      'connection-refused', 'greylisted', 'rate-limited',
      'relay-denied', // wrong Send connector routing type (DNS vs smart host)
      'bad-helo', // EHLO FQDN differs from PTR
    ]));
    expect(ids[0]).toBe('outbound-auth-mismatch');
    const byCause = new Map(listFor('delivery-expired').map((c) => [c.cause, c.tellApart]));
    expect(byCause.get('outbound-auth-mismatch')).toMatch(/rejected AUTH negotiation/);
    expect(byCause.get('outbound-auth-mismatch')).toMatch(/smtpcheck probe/);
    expect(byCause.get('port25-blocked')).toMatch(/every MX.*587\/443/);
    expect(byCause.get('relay-denied')).toMatch(/DNSRoutingEnabled/);
    expect(byCause.get('bad-helo')).toMatch(/Fqdn/);
  });
});

describe('candidatesFor', () => {
  const exchange2003Expiry = 'Could not deliver the message in the time limit specified. Please retry or contact your administrator. <server.contoso.com #4.4.7>';

  test('a bare Exchange 2003 expiry boosts nothing: the table order stands', () => {
    const ranked = candidatesFor('delivery-expired', exchange2003Expiry);
    expect(ranked.map((c) => c.cause)).toEqual(listFor('delivery-expired').map((c) => c.cause));
    expect(ranked.map((c) => c.weight)).toEqual(listFor('delivery-expired').map((c) => c.weight));
  });

  test('report words raise the matching candidate to the top', () => {
    const timeout = candidatesFor('delivery-expired', '451 4.4.0 Primary target IP address responded with: "421 4.4.1 Connection timed out"');
    expect(timeout[0].cause).toBe('connection-timeout');
    expect(timeout[0].weight).toBe(listFor('delivery-expired').find((c) => c.cause === 'connection-timeout')!.weight + BOOST_BONUS);

    const dns = candidatesFor('delivery-expired', '451 4.4.0 DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain');
    expect(dns[0].cause).toBe('dns-failure');

    const tls = candidatesFor('delivery-expired', '451 4.4.0 SMTPSEND.SuspiciousRemoteServerError; TLS negotiation failed');
    expect(tls[0].cause).toBe('tls-version-unsupported');
  });

  test('does not modify the table it reads', () => {
    const before = listFor('delivery-expired').map((c) => c.weight);
    candidatesFor('delivery-expired', 'connection timed out');
    expect(listFor('delivery-expired').map((c) => c.weight)).toEqual(before);
  });

  test('returns nothing for a cause that is not a symptom', () => {
    expect(candidatesFor('recipient-unknown', 'anything')).toEqual([]);
  });
});
