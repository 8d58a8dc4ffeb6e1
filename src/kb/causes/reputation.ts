/**
 * Causes about the sending infrastructure's reputation and identity: blocklists, reverse DNS,
 * dynamic addresses, the HELO name, IPv6.
 */
import type { Cause } from '../types';
import { REF } from './refs';
import { RELAY_VIA_SMART_HOST } from './shared-steps';

export const REPUTATION_CAUSES: Cause[] = [
  {
    id: 'ip-blocklisted',
    title: 'The sending IP address is on a blocklist',
    summary:
      'The receiving server looked up your sending IP address on a DNS blocklist (such as Spamhaus) and found it listed, so it refused the mail. Listings follow spam sent from that address — often a hacked account or an infected device behind the same internet connection — or mark ranges that should not send mail directly.',
    reason: 'blocked',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Read the bounce for the list and the IP it names (e.g. "blocked using zen.spamhaus.org", Barracuda, SpamCop, Microsoft "S3150" or 5.7.606–649).',
        'Look the IP up on the list\'s own site — for Spamhaus https://check.spamhaus.org/ — which says why it is listed and how to ask for removal.',
        'Fix the cause before asking for removal: find hacked accounts (sudden volume, unknown forwarding rules), open relays, and infected machines that share the same public IP.',
        'A Spamhaus PBL listing means the address is an end-user range that should not send directly: relay through your provider\'s smart host instead.',
        'For Microsoft 365 and Outlook.com blocks of your own IP, request delisting at https://sender.office.com/.',
        'If the receiver got an answer in 127.255.255.x, its DNS resolver is misusing Spamhaus (you are not listed): tell the receiving administrator.',
      ],
      'exchange-onprem': [
        'Find the public IP your Send connector\'s mail leaves from (your firewall/NAT address) and look it up on the list.',
        'Look for a spam run: `Get-MessageTrackingLog -Start (Get-Date).AddDays(-1) -EventId SEND -ResultSize Unlimited | group Sender | sort Count -Descending | select -First 10 Count,Name`; reset the password of any account sending unexpectedly.',
      ],
      'exchange-online': [
        'Exchange Online sends from Microsoft\'s own IP ranges, which you cannot delist yourself: if the NDR names a Microsoft IP, open a support case; if it names your on-premises IP, delist that IP.',
        'Check whether a user has been restricted for sending spam (Defender portal → Email & collaboration → Review → Restricted entities): that means a compromised account.',
      ],
      postfix: [
        'Find who sent most: `grep -o \'sasl_username=[^,]*\' /var/log/mail.log | sort | uniq -c | sort -rn | head`; reset the password of any account that sent a flood.',
        'Make sure you are not an open relay: `postconf smtpd_relay_restrictions` must contain `reject_unauth_destination`; check the queue size with `postqueue -p | tail -n 1`.',
      ],
      exim: [
        'Find who sent most: `grep -o \' A=[^ ]*\' /var/log/exim4/mainlog | sort | uniq -c | sort -rn | head` (authenticator and user of each submission); reset any compromised password.',
        'Check that `relay_from_hosts` lists only your own networks, and look at the queue size with `exim -bpc`.',
      ],
    },
    confirmBy: {
      target: 'sender-domain',
      findings: ['dnsbl-listed'],
      note: 'Probing your own domain checks your mail servers\' addresses against DNS blocklists; if your outgoing IP differs from your MX, probe the outgoing host instead.',
    },
    references: [REF.spamhausLookup, REF.spamhausZones, REF.spamhausResolverErrors, REF.msDelist, REF.msNdr],
  },
  {
    id: 'sender-blocked',
    title: 'The receiving organisation blocks the sender',
    summary:
      'The recipient\'s organisation has put your address, your domain or your server on its own block list. Only the recipient\'s administrator can remove that block.',
    reason: 'blocked',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Contact the recipient by another channel and ask their administrator to remove your address, domain or IP from their block list; give them the bounce text, your sending IP and the time.',
        'If you are that recipient\'s administrator, use your platform\'s steps.',
      ],
      'exchange-online': [
        'Recipient side: Defender portal → Email & collaboration → Policies & rules → Threat policies → Tenant Allow/Block Lists: remove the sender\'s domain, address or IP; also check the inbound anti-spam policy\'s blocked senders and domains, and mail flow rules that reject them.',
      ],
      'exchange-onprem': [
        'Recipient side: check `Get-SenderFilterConfig | fl BlockedSenders,BlockedDomains,BlockedDomainsAndSubdomains`, `Get-IPBlockListEntry` and transport rules that reject the sender.',
      ],
      'google-workspace': [
        'Recipient side: Admin console → Apps → Google Workspace → Gmail → Spam, Phishing and Malware → Blocked senders, and Compliance rules that reject the sender.',
      ],
    },
    references: [REF.ms510, REF.msNdr, REF.rfc3463],
  },
  {
    id: 'bad-reputation',
    title: 'The sending IP or domain has a poor reputation',
    summary:
      'The receiving provider rates your sending IP or domain poorly — because of complaints, sudden volume, unknown addresses or missing authentication — and is slowing down or refusing your mail. Microsoft 365\'s 550 5.7.708 is the same at the sending end: Microsoft sends a new or trial tenant\'s mail from known low-reputation IP addresses and refuses it. Reputation recovers slowly once the causes are fixed.',
    reason: 'badreputation',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Authenticate everything you send with SPF, DKIM and DMARC.',
        'Watch your reputation with the providers\' tools: Google Postmaster Tools for Gmail, Microsoft SNDS for Outlook.com; keep the spam complaint rate below 0.3 %.',
        'Send only to people who asked for it, remove addresses that bounce, and honour unsubscribes quickly.',
        'Ramp up volume gradually on a new IP or domain, and slow down when you get 4xx deferrals instead of retrying harder.',
        'Check for a compromised account or a script sending spam from your network.',
        'Microsoft 365 550 5.7.708 ("traffic not accepted from this IP") is about the Microsoft 365 tenant your mail leaves through, not your own IP: its administrator licenses the tenant or asks Microsoft support for an exception (see the Exchange Online steps).',
      ],
      // Stands alone: 5.7.708 comes first for a tenant, and Exchange Online's IPs are Microsoft's, not the tenant's.
      'exchange-online': [
        'If Exchange Online itself refused the mail with 550 5.7.708 "traffic not accepted from this IP", nothing of yours is listed: Microsoft sends a new or trial tenant\'s mail from known low-reputation IP addresses. Buy the licences (end the trial); if you must send before that, ask Microsoft support for an exception (Microsoft 365 admin center → Support → New service request).',
        'Rule out abuse before you ask: Defender portal → Email & collaboration → Review → Restricted entities should list no one, and no inbound connector you did not create (`Get-InboundConnector`) or open relay on premises may send through the tenant.',
        'If another provider (Gmail, Yahoo, Outlook.com) rates the mail poorly: Exchange Online sends from Microsoft\'s shared IP ranges, which you cannot change or delist yourself, so what counts is your domain. Publish SPF (`include:spf.protection.outlook.com`), turn on DKIM signing (Defender portal → Email & collaboration → Policies & rules → Threat policies → Email authentication settings → DKIM), publish DMARC, and watch the domain in Google Postmaster Tools.',
        'Send only to people who asked for it, remove addresses that bounce, and keep newsletters and bulk mail on a service made for them rather than on user mailboxes.',
      ],
    },
    completeSteps: ['exchange-online'],
    references: [REF.ms57700, REF.msNdr, REF.gSenderGuidelines, REF.gPostmasterTools, REF.gSmtpErrors, REF.olcPostmaster, REF.yBestPractices],
  },
  {
    id: 'ptr-missing',
    title: 'The sending IP lacks valid reverse DNS',
    summary:
      'Your sending server\'s public IP address has no reverse-DNS (PTR) name, or that name does not point back to the same IP. Gmail and many other receivers refuse or delay mail from such addresses.',
    reason: 'requireptr',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Find the public IP your mail leaves from (the bounce often names it; otherwise read the first Received: line of a message you sent to an outside mailbox).',
        'Check reverse DNS: `dig -x <ip> +short` (or `nslookup <ip>`) must return a name such as mail.example.com, and `dig +short mail.example.com` must return the same IP.',
        'Ask whoever owns the IP — your ISP or hosting/cloud provider — to set the PTR; you cannot set it in your own DNS zone unless the range is delegated to you.',
        'Make your server introduce itself (EHLO) with that same name.',
      ],
      'exchange-onprem': [
        'Make the Internet Send connector say the PTR name in EHLO: `Set-SendConnector "<name>" -Fqdn mail.example.com`.',
      ],
      'exchange-2003': [
        'Set the name Exchange uses in EHLO: Default SMTP Virtual Server → Properties → Delivery → Advanced → Fully-qualified domain name = the PTR name.',
      ],
      postfix: [
        'Set the EHLO name to the PTR name: `postconf -e \'myhostname = mail.example.com\'` (or `smtp_helo_name`), then `postfix reload`.',
      ],
      exim: [
        'Set `primary_hostname = mail.example.com` (or `helo_data` on the smtp transport) to the PTR name and restart Exim.',
      ],
      sendmail: [
        "Set ``define(`confDOMAIN_NAME', `mail.example.com')dnl`` in sendmail.mc to the PTR name, rebuild sendmail.cf and restart.",
      ],
    },
    confirmBy: {
      target: 'sender-domain',
      findings: ['ptr-missing', 'ptr-mismatch'],
      note: 'The probe checks the PTR of your mail servers\' addresses and whether that name resolves back to the same IP (forward-confirmed reverse DNS).',
    },
    references: [REF.gSenderGuidelines, REF.gSmtpErrors, REF.rfc7372, REF.psSetSendConnector],
  },
  {
    id: 'dynamic-ip',
    title: 'The sending IP looks dynamic or residential',
    summary:
      'Your mail left from an address that belongs to a home, mobile or dynamic range, which receivers do not accept mail from directly. Send through a relay (smart host) with a proper static address instead.',
    reason: 'blocked',
    hard: true,
    actor: 'sender-admin',
    steps: {
      ...RELAY_VIA_SMART_HOST,
      generic: [
        'Relay outbound mail through your ISP\'s or mail provider\'s authenticated smart host (usually port 587) instead of delivering straight to recipients\' servers.',
        'Or get a static business IP with a matching reverse-DNS name from your provider.',
        'Check the IP at https://check.spamhaus.org/: a PBL listing confirms the range is not meant to send mail directly.',
      ],
    },
    references: [REF.spamhausZones, REF.spamhausLookup, REF.olcPostmaster, REF.gSmtpErrors],
  },
  {
    id: 'bad-helo',
    title: 'The sending server introduces itself with an invalid HELO/EHLO name',
    summary:
      'When your server connects it announces a name (HELO/EHLO). That name is not a real, resolvable internet name — for example "localhost", an internal name such as server.domain.local, or one that does not match your IP\'s reverse DNS — so the receiver refuses or distrusts it.',
    reason: 'blocked',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Pick a public name that resolves to your sending IP, ideally the same as its reverse-DNS (PTR) name, e.g. mail.example.com.',
        'Configure your server to use it in HELO/EHLO (see your platform), then check with `smtpcheck probe` or a test message that the Received: header shows it.',
      ],
      'exchange-onprem': [
        'Check `Get-SendConnector | fl Name,Fqdn`: an empty Fqdn makes Exchange use the server\'s internal name. Set it: `Set-SendConnector "<name>" -Fqdn mail.example.com`.',
      ],
      'exchange-2003': [
        'Default SMTP Virtual Server → Properties → Delivery → Advanced → Fully-qualified domain name: enter the public name (mail.example.com).',
      ],
      postfix: [
        '`postconf -e \'myhostname = mail.example.com\'` (Postfix uses `smtp_helo_name`, default `$myhostname`), then `postfix reload`.',
      ],
      exim: [
        'Set `primary_hostname = mail.example.com`, or `helo_data = mail.example.com` on the smtp transport, and restart Exim.',
      ],
      sendmail: [
        "Set ``define(`confDOMAIN_NAME', `mail.example.com')dnl`` in sendmail.mc (sendmail says $j in HELO), rebuild sendmail.cf and restart.",
      ],
    },
    references: [REF.rfc5321, REF.gSmtpErrors, REF.psSetSendConnector, REF.msOnpremNdr],
  },
  {
    id: 'ipv6-not-accepted',
    title: 'The receiver does not accept this mail over IPv6',
    summary:
      'Your server delivered this message over IPv6. The receiver either refuses mail over IPv6, or holds IPv6 senders to stricter checks (reverse DNS plus SPF or DKIM) that this message did not pass.',
    reason: 'blocked',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Give your IPv6 sending address a PTR name that resolves back to it, add it to SPF (`ip6:`), and sign with DKIM.',
        'Or make your server prefer IPv4 for delivery until that is done (see your platform).',
      ],
      postfix: [
        'Prefer IPv4: `postconf -e \'smtp_address_preference = ipv4\'`, or stop using IPv6 for mail with `postconf -e \'inet_protocols = ipv4\'` and `postfix stop && postfix start`.',
      ],
      exim: [
        'Deliver over IPv4 only: `disable_ipv6 = true` in the main configuration, or `dns_ipv4_lookup = <host list>` so Exim looks up only A records for the listed mail-server names (it matches the MX host names, e.g. `*.example.net`, not the recipient domain); then restart Exim.',
      ],
    },
    references: [REF.msNdr, REF.gSenderGuidelines, REF.pfPostconf],
  },
];
