/**
 * Causes about sender authentication: SPF, DKIM, DMARC and the 2024–2025 bulk-sender rules.
 * These are DNS and signing settings, so most steps are the same everywhere; platform steps cover
 * where each platform turns DKIM on or what its SPF include is.
 */
import type { Cause } from '../types';
import { REF } from './refs';
import { ENABLE_DKIM } from './shared-steps';

export const SENDER_AUTH_CAUSES: Cause[] = [
  {
    id: 'spf-fail',
    title: 'SPF check failed for the sending domain',
    summary:
      'The receiving server checked your domain\'s SPF record and the IP the message came from is not allowed by it, so the message looks forged. This usually happens after mail starts going out through a new service or server that SPF does not list yet, or through a forwarder.',
    reason: 'authfailure',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Look up your SPF record: `dig +short txt example.com` (or `nslookup -type=txt example.com`). There must be exactly one record starting with `v=spf1`.',
        'Find the IP that failed (in the bounce, or in the Authentication-Results header of a test message) and add the service that owns it: `include:` for providers, `ip4:`/`ip6:` for your own servers.',
        'Stay within 10 DNS lookups (include, a, mx, ptr, exists, redirect); remove includes for services you no longer use if the receiver reports "permerror".',
        'If the message was forwarded by another organisation, their server fails your SPF: the forwarder must rewrite the sender (SRS); DKIM signing is what protects you there.',
      ],
      'exchange-online': [
        'Microsoft 365 needs `include:spf.protection.outlook.com` in your SPF record; add `ip4:` entries for any on-premises servers, devices or apps that still send directly to the internet.',
      ],
      'google-workspace': [
        'Google Workspace (including the SMTP relay service) needs `include:_spf.google.com` in your SPF record; add other services that send as your domain.',
      ],
    },
    confirmBy: {
      target: 'sender-domain',
      findings: ['spf-missing', 'spf-invalid', 'spf-multiple', 'spf-too-many-lookups'],
      note: 'The probe shows whether your domain publishes a valid SPF record at all; it cannot know which IPs you send from, so compare the record with the IP in the bounce.',
    },
    references: [REF.rfc7208, REF.ms5723, REF.msSpf, REF.gSpf, REF.gSmtpErrors],
  },
  {
    id: 'dkim-fail',
    title: 'DKIM signature missing or failed',
    summary:
      'The message had no valid DKIM signature for your domain, so the receiver could not verify it really came from you. Signing may be off, the public key may be missing from DNS, or something on the way (a footer, a disclaimer, a gateway) changed the message after it was signed.',
    reason: 'authfailure',
    hard: true,
    actor: 'sender-admin',
    steps: {
      ...ENABLE_DKIM,
      generic: [
        'Send a test to a Gmail address and open "Show original", or read the Authentication-Results header: "dkim=none" means not signed, "dkim=fail (body hash did not verify)" means the message was changed after signing.',
        'Check the key is published: `dig +short txt <selector>._domainkey.example.com` (the selector is the s= value in the DKIM-Signature header).',
        'Turn on signing in every service that sends as your domain, with a key of at least 1024 bits (2048 recommended).',
        'If a gateway or disclaimer adds text after signing, sign after it, or have it re-sign.',
      ],
    },
    references: [REF.rfc6376, REF.gDkim, REF.msDkim, REF.gSenderGuidelines],
  },
  {
    id: 'dmarc-reject',
    title: 'DMARC policy of the From: domain rejected the message',
    summary:
      'The domain in the From: address publishes a DMARC policy of reject (or quarantine), and this message passed neither SPF nor DKIM for a domain matching the From: domain. Mail sent by third-party services without your domain\'s DKIM key, and mail changed by forwarders or mailing lists, are the usual triggers.',
    reason: 'authfailure',
    hard: true,
    actor: 'sender-admin',
    steps: {
      ...ENABLE_DKIM,
      generic: [
        'Look up the policy: `dig +short txt _dmarc.example.com` (p=reject or p=quarantine makes receivers refuse unaligned mail).',
        'Make every service that sends as your domain either sign DKIM with your domain (d=example.com) or use a return-path in your domain that your SPF allows.',
        'Add `rua=mailto:<address>` to the DMARC record to receive reports that show which sources fail; while fixing, p=none stops rejections but also protection.',
        'If the From: domain is not yours (for example sending as @gmail.com through your own server), send from your own domain instead: nobody else can authorise that.',
        'For forwarded or mailing-list mail, the forwarder must keep DKIM intact or use ARC, and lists should rewrite the From: address.',
      ],
    },
    references: [REF.rfc7489, REF.gDmarc, REF.msDmarc, REF.gForwarding, REF.gSmtpErrors, REF.yErrors],
  },
  {
    id: 'auth-records-missing',
    title: 'The sender is not authenticated with SPF or DKIM',
    summary:
      'The receiver requires every sender to pass at least SPF or DKIM, and this message passed neither. Gmail, Yahoo and Microsoft refuse unauthenticated mail since 2024–2025.',
    reason: 'authfailure',
    hard: true,
    actor: 'sender-admin',
    steps: {
      ...ENABLE_DKIM,
      generic: [
        'Publish an SPF record that lists every service and server that sends as your domain (`v=spf1 include:… ip4:… -all`).',
        'Turn on DKIM signing for your domain in each sending service (see your platform).',
        'Publish a DMARC record (at least `v=DMARC1; p=none; rua=mailto:<address>`).',
        'Check with a test message to Gmail ("Show original"): SPF and DKIM should both say PASS.',
      ],
    },
    confirmBy: {
      target: 'sender-domain',
      findings: ['spf-missing', 'dmarc-missing'],
      note: 'The probe of your domain shows whether SPF and DMARC records are published (DKIM keys sit under a selector the probe cannot guess).',
    },
    references: [REF.gSmtpErrors, REF.gSenderGuidelines, REF.rfc7208, REF.rfc6376, REF.yErrors],
  },
  {
    id: 'bulk-sender-requirements',
    title: 'The message does not meet bulk-sender requirements',
    summary:
      'Gmail, Yahoo and Outlook.com apply extra rules to domains that send thousands of messages a day: SPF and DKIM both passing, a DMARC record with aligned From:, valid reverse DNS, TLS, one-click unsubscribe and a low complaint rate. This message failed one of them.',
    reason: 'authfailure',
    hard: true,
    actor: 'sender-admin',
    steps: {
      ...ENABLE_DKIM,
      generic: [
        'Pass both SPF and DKIM, and publish DMARC (p=none is enough) with the From: domain aligned with the SPF or DKIM domain.',
        'Give every sending IP a reverse-DNS name that resolves back to it, and send over TLS.',
        'For marketing or subscribed mail, add RFC 8058 one-click unsubscribe (List-Unsubscribe and List-Unsubscribe-Post headers) and honour unsubscribes within two days.',
        'Keep the spam complaint rate below 0.3 % (Google Postmaster Tools shows it) and send only to people who asked for it.',
        'The bounce\'s code tells which rule failed: Gmail 5.7.26 neither SPF nor DKIM passed (or DMARC failed), 5.7.27 SPF, 5.7.30 DKIM, 5.7.32 From: not aligned, 5.7.40 no DMARC record; Outlook.com 5.7.515.',
      ],
    },
    confirmBy: {
      target: 'sender-domain',
      findings: ['spf-missing', 'dmarc-missing', 'ptr-missing'],
      note: 'The probe of your domain checks the SPF and DMARC records and your servers\' reverse DNS — three of the requirements.',
    },
    references: [REF.gSenderGuidelines, REF.gSenderFaq, REF.olc515, REF.yBestPractices, REF.rfc8058],
  },
];
