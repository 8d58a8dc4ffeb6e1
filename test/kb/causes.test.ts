/**
 * The cause catalogue: complete, consistent with the seed table, and written to the house conventions
 * (https references from known authoritative sites, probe finding ids that exist, balanced code spans).
 */
import { CAUSE_IDS, type CauseId } from '../../src/kb/cause-ids';
import { CAUSE_DEFAULTS } from '../../src/kb/cause-defaults';
import { CAUSES, CAUSE_LIST, getCause } from '../../src/kb/causes';
import { REF } from '../../src/kb/causes/refs';
import { PLATFORMS, REASONS, type Platform } from '../../src/kb/types';
import { PLATFORM_INFO, platformForMta } from '../../src/kb/platforms';
import { FINDING_DEFAULTS } from '../../src/probe/findings';
import { stepSegments } from '../../src/explain/steps';

/** Hosts whose pages count as authoritative for this product (vendors, standards bodies, list operators). */
const AUTHORITATIVE_HOSTS = [
  'www.rfc-editor.org', 'www.iana.org', 'learn.microsoft.com', 'support.microsoft.com', 'techcommunity.microsoft.com',
  'sender.office.com', 'testconnectivity.microsoft.com', 'substrate.office.com', 'mskb.pkisolutions.com',
  'support.google.com', 'cloud.google.com', 'senders.yahooinc.com', 'www.postfix.org', 'www.exim.org', 'www.sendmail.org',
  'check.spamhaus.org', 'docs.spamhaus.com', 'www.spamhaus.org', 'repost.aws', 'docs.aws.amazon.com', 'github.com',
];

/** The finding ids the product brief names as the probe's vocabulary. */
const BRIEF_FINDING_IDS = [
  'mx-missing', 'null-mx', 'connect-refused', 'connect-timeout', 'port25-blocked', 'banner-timeout', 'banner-rejected',
  'ehlo-rejected', 'starttls-not-offered', 'starttls-failed', 'tls-legacy-only', 'cert-expired', 'cert-untrusted',
  'cert-name-mismatch', 'auth-not-offered', 'auth-only-after-starttls', 'auth-failed', 'rcpt-rejected', 'ptr-missing',
  'ptr-mismatch', 'spf-missing', 'dmarc-missing', 'mta-sts-invalid', 'dnsbl-listed',
];

describe('cause catalogue: completeness', () => {
  test('every CAUSE_ID has exactly one catalogue entry, and the catalogue has no ids outside CAUSE_IDS', () => {
    const listed = CAUSE_LIST.map((c) => c.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...CAUSE_IDS].sort());
    for (const id of CAUSE_IDS) expect(CAUSES[id]?.id).toBe(id);
  });

  test('getCause returns entries for known ids and undefined for anything else', () => {
    expect(getCause('outbound-auth-mismatch')?.id).toBe('outbound-auth-mismatch');
    expect(getCause('no-such-cause')).toBeUndefined();
    expect(getCause('toString')).toBeUndefined();
  });
});

describe.each(CAUSE_IDS.map((id) => [id] as [CauseId]))('cause %s', (id) => {
  const cause = CAUSES[id];

  test('agrees with the seed table (reason, hard, actor, title)', () => {
    const seed = CAUSE_DEFAULTS[id];
    expect(seed).toBeDefined();
    expect({ reason: cause.reason, hard: cause.hard, actor: cause.actor, title: cause.title })
      .toEqual({ reason: seed.reason, hard: seed.hard, actor: seed.actor, title: seed.title });
    expect(REASONS).toContain(cause.reason);
  });

  test('has a short title and a plain summary of two or three sentences', () => {
    expect(cause.title.length).toBeGreaterThan(0);
    expect(cause.title.length).toBeLessThanOrEqual(80);
    const sentences = cause.summary.split(/(?<=[.!?])\s+(?=[A-Z"(])/).filter(Boolean);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
  });

  test('has non-empty generic steps, only known platforms, and no empty step', () => {
    expect(cause.steps.generic.length).toBeGreaterThan(0);
    for (const [platform, steps] of Object.entries(cause.steps)) {
      expect(PLATFORMS).toContain(platform as Platform);
      expect(steps!.length).toBeGreaterThan(0);
      for (const step of steps!) {
        expect(step.trim().length).toBeGreaterThan(10);
        expect(step.length).toBeLessThanOrEqual(700);
      }
    }
    for (const p of cause.completeSteps ?? []) expect(cause.steps[p]?.length).toBeGreaterThan(0);
  });

  test('code spans are balanced in every step (renderers rely on it)', () => {
    for (const steps of Object.values(cause.steps)) {
      for (const step of steps!) {
        const prose = stepSegments(step).filter((s) => !s.code).map((s) => s.text).join('');
        expect(prose).not.toContain('`');
      }
    }
  });

  test('references are unique https URLs on authoritative hosts', () => {
    expect(cause.references.length).toBeGreaterThan(0);
    expect(new Set(cause.references).size).toBe(cause.references.length);
    for (const ref of cause.references) {
      const url = new URL(ref);
      expect(url.protocol).toBe('https:');
      expect(AUTHORITATIVE_HOSTS).toContain(url.hostname);
    }
  });

  test('confirmBy, when present, names finding ids the probe really emits', () => {
    if (!cause.confirmBy) return;
    expect(['remote-host', 'recipient-domain', 'sender-domain']).toContain(cause.confirmBy.target);
    expect(cause.confirmBy.findings.length).toBeGreaterThan(0);
    for (const f of cause.confirmBy.findings) expect(Object.keys(FINDING_DEFAULTS)).toContain(f);
    expect(cause.confirmBy.note.length).toBeGreaterThan(20);
  });
});

describe('cause catalogue: the story cause (outbound-auth-mismatch)', () => {
  const c = CAUSES['outbound-auth-mismatch'];
  const text = (p: Platform) => (c.steps[p] ?? []).join('\n');

  test('Exchange 2003: Anonymous access on the virtual server (Delivery tab) and on each SMTP connector (Advanced tab)', () => {
    const ex = text('exchange-2003');
    expect(ex).toMatch(/Default SMTP Virtual Server → Properties → Delivery tab → Outbound Security → select Anonymous access/);
    expect(ex).toMatch(/SMTP connector → Properties → Advanced tab → Outbound Security → select Anonymous access/);
    expect(ex).toMatch(/rejected AUTH negotiation/);
    expect(ex).toMatch(/smart host/i);
    expect(ex).toMatch(/Force Connection/);
    expect(ex).toMatch(/resend/i);
  });

  test('Exchange 2007–SE: Set-SendConnector with DNS routing or the smart host\'s mechanism and credential', () => {
    const ex = text('exchange-onprem');
    expect(ex).toContain('-DNSRoutingEnabled $true');
    expect(ex).toContain('-SmartHostAuthMechanism');
    expect(ex).toContain('BasicAuthRequireTLS');
    expect(ex).toContain('-AuthenticationCredential (Get-Credential)');
    expect(ex).toContain('-Port 587');
    expect(ex).toMatch(/Get-Queue/);
    expect(ex).toMatch(/Retry-Queue -Identity <server>\\<queue>/);
  });

  test('Exchange Online: outbound connectors cannot authenticate to a smart host', () => {
    expect(text('exchange-online')).toMatch(/no SMTP AUTH credential setting/);
    expect(text('exchange-online')).toContain('Get-OutboundConnector');
  });

  test('Postfix, Exim and sendmail: authenticate only to the relay', () => {
    expect(text('postfix')).toContain('smtp_sasl_auth_enable = no');
    expect(text('postfix')).toContain('smtp_sasl_password_maps');
    expect(text('postfix')).toContain('smtp_tls_security_level = encrypt');
    expect(text('exim')).toMatch(/hosts_require_auth = smtp\.example\.net/);
    expect(text('sendmail')).toMatch(/AuthInfo:smtp\.example\.net/);
  });

  test('Exchange 2007–SE: DNS routing is switched without clearing smart hosts on the same line (docs: SmartHosts needs DNSRoutingEnabled $false)', () => {
    const ex = text('exchange-onprem');
    expect(ex).toContain('`Set-SendConnector "<name>" -DNSRoutingEnabled $true`');
    expect(ex).not.toMatch(/-DNSRoutingEnabled \$true[^`]*-SmartHosts/);
    expect(ex).not.toContain('-SmartHosts $null');
  });

  test('Exchange 2007–SE: protocol log, retry of every Retry queue, resubmit after a routing change, 2007/2010 cmdlet names', () => {
    const ex = text('exchange-onprem');
    expect(ex).toContain('-ProtocolLoggingLevel Verbose');
    expect(ex).toContain('SendProtocolLogPath');
    expect(ex).toContain(`Retry-Queue -Filter "Status -eq 'Retry'"`);
    expect(ex).toContain('-Resubmit $true');
    expect(ex).toMatch(/Exchange 2007\/2010: `Get-TransportServer`/);
    expect(ex).toMatch(/Hub Transport → Send Connectors/);
    expect(ex).toMatch(/`ExternalAuthoritative` only for a link secured by other means/);
  });

  test('Exchange 2003, Postfix and Exim: a way to see the AUTH exchange itself', () => {
    expect(text('exchange-2003')).toMatch(/General → Enable logging/);
    expect(text('postfix')).toContain("debug_peer_list = smtp.example.net");
    expect(text('exim')).toContain('exim -d -M <message-id>');
  });

  test('Google Workspace: SMTP relay path uses the current Admin console labels', () => {
    expect(text('google-workspace')).toContain('Apps → Google Workspace → Gmail → Routing → SMTP relay service');
    expect(text('google-workspace')).toMatch(/Require SMTP Authentication/);
  });

  test('confirmed on the remote host by auth-not-offered / auth-only-after-starttls, and platform steps stand alone', () => {
    expect(c.confirmBy).toMatchObject({ target: 'remote-host', findings: ['auth-not-offered', 'auth-only-after-starttls'] });
    expect(c.completeSteps).toEqual(expect.arrayContaining(['exchange-2003', 'exchange-onprem', 'postfix']));
  });
});

describe('cause catalogue: platform coverage follows who acts', () => {
  test('recipient-unknown has no Postfix/Exim/sendmail steps for the sender', () => {
    const c = CAUSES['recipient-unknown'];
    expect(c.steps.postfix).toBeUndefined();
    expect(c.steps.exim).toBeUndefined();
    expect(c.steps.sendmail).toBeUndefined();
  });

  test('steps for recipient-side causes say they are for the recipient\'s side', () => {
    for (const c of CAUSE_LIST.filter((x) => x.actor === 'recipient' || x.actor === 'recipient-admin')) {
      expect(c.steps.generic.join(' ')).toMatch(/recipient|their|destination|receiv/i);
    }
    for (const p of ['exchange-online', 'exchange-onprem', 'exchange-2003', 'google-workspace'] as Platform[]) {
      expect(CAUSES['mailbox-full'].steps[p]?.[0]).toMatch(/^Recipient side:/);
    }
  });

  test('every brief finding id and every reference key is used somewhere or defined once', () => {
    for (const id of BRIEF_FINDING_IDS) expect(Object.keys(FINDING_DEFAULTS)).toContain(id);
    const urls = Object.values(REF);
    expect(new Set(urls).size).toBe(urls.length);
  });
});

describe('cause catalogue: commands use names and values the products accept', () => {
  const allSteps = CAUSE_LIST.flatMap((c) => Object.entries(c.steps).flatMap(([p, steps]) => steps!.map((step) => ({ id: c.id, p, step }))));
  const exchangeSteps = allSteps.filter((x) => x.p === 'exchange-onprem' || x.p === 'generic');
  const onlySteps = (re: RegExp) => allSteps.filter((x) => re.test(x.step));

  test('-SmartHostAuthMechanism values are the five the Set-SendConnector reference lists', () => {
    const allowed = ['None', 'BasicAuth', 'BasicAuthRequireTLS', 'ExchangeServer', 'ExternalAuthoritative'];
    const used = allSteps.flatMap((x) => [...x.step.matchAll(/-SmartHostAuthMechanism (\w+)/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(3);
    for (const v of used) expect(allowed).toContain(v);
  });

  test('-TlsSettings / -TlsAuthLevel values are EncryptionOnly, CertificateValidation or DomainValidation', () => {
    const used = allSteps.flatMap((x) => [...x.step.matchAll(/-Tls(?:Settings|AuthLevel) (\w+)/g)].map((m) => m[1]));
    for (const v of used) expect(['EncryptionOnly', 'CertificateValidation', 'DomainValidation']).toContain(v);
  });

  test('no step sets SmartHosts to $null, and Get-SendConnector never takes a wildcard identity', () => {
    for (const x of allSteps) {
      expect(x.step).not.toContain('-SmartHosts $null');
      expect(x.step).not.toMatch(/Get-SendConnector "[^"]*\*"/);
    }
  });

  test('every Exchange 2007–SE step that uses *-TransportService also names the 2007/2010 cmdlet', () => {
    const uses = exchangeSteps.filter((x) => /(?:Get|Set)-TransportService/.test(x.step));
    expect(uses.length).toBeGreaterThan(2);
    for (const x of uses) expect(`${x.id}: ${x.step}`).toMatch(/TransportServer/);
  });

  test('the Postfix wrapper-mode step also requires encryption (postconf(5): smtp_tls_wrappermode needs encrypt)', () => {
    for (const x of onlySteps(/smtp_tls_wrappermode/)) expect(x.step).toContain('smtp_tls_security_level = encrypt');
  });

  // postconf(5) is the authority for parameter names; use the installed Postfix when there is one.
  const postconfDefaults = (() => {
    try {
      return require('node:child_process').execFileSync('postconf', ['-d'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }) as string;
    } catch {
      return '';
    }
  })();
  const knownPostfixParameters = new Set(postconfDefaults.split('\n').map((l) => l.split(' =')[0]).filter(Boolean));
  (postconfDefaults ? test : test.skip)('every Postfix parameter set with postconf -e exists in this Postfix (postconf -d)', () => {
    const names = allSteps
      .filter((x) => x.p === 'postfix' || x.p === 'generic')
      .flatMap((x) => [...x.step.matchAll(/postconf -e ([^`]+)`/g)].flatMap((m) => [...m[1].matchAll(/'([a-z0-9_]+) =/g)].map((n) => n[1])));
    // `postconf name1 name2` (show current values) must name real parameters too.
    names.push(...allSteps.flatMap((x) => [...x.step.matchAll(/`postconf ((?:[a-z][a-z0-9_]+ ?)+)`/g)].flatMap((m) => m[1].trim().split(' '))));
    expect(names.length).toBeGreaterThan(15);
    // Master.cf service parameters (slow_*) are derived from a transport name, not listed by postconf -d.
    for (const n of names.filter((n) => !n.startsWith('slow_'))) expect(knownPostfixParameters).toContain(n);
  });
});

describe('platform display names', () => {
  test('every platform has a name and an admin tool', () => {
    for (const p of PLATFORMS) {
      expect(PLATFORM_INFO[p].name.length).toBeGreaterThan(0);
      expect(PLATFORM_INFO[p].adminTool.length).toBeGreaterThan(0);
    }
    expect(PLATFORM_INFO['exchange-2003'].adminTool).toMatch(/Exchange System Manager/);
  });

  test('report writers map to platforms; unknown writers do not', () => {
    expect(platformForMta('exchange2003')).toBe('exchange-2003');
    expect(platformForMta('Office365')).toBe('exchange-online');
    expect(platformForMta('postfix')).toBe('postfix');
    expect(platformForMta('qmail')).toBeUndefined();
    expect(platformForMta(undefined)).toBeUndefined();
  });
});
