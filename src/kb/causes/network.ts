/**
 * Causes about reaching the destination and the state of the servers on the way: null MX, refused and
 * timed-out connections, blocked port 25, DNS, dropped sessions, greylisting and rate limits, remote
 * errors, and the two symptoms (expired, delayed) that say time ran out but not why.
 */
import type { Cause } from '../types';
import { REF } from './refs';
import { FIND_LAST_ERROR, RELAY_VIA_SMART_HOST } from './shared-steps';

export const NETWORK_CAUSES: Cause[] = [
  {
    id: 'null-mx',
    title: 'The recipient domain publishes a null MX: it accepts no mail',
    summary:
      'The recipient domain has a "null MX" record (RFC 7505), which is its owner\'s way of saying it never accepts email. No server can deliver to it; the address is not a mailbox.',
    reason: 'notaccept',
    hard: true,
    actor: 'sender',
    steps: {
      generic: [
        'Check the address: the domain may be a web-only domain or a typo of the real mail domain.',
        'Ask the person for an address at a domain that receives mail, and remove this one from your lists.',
      ],
    },
    confirmBy: {
      target: 'recipient-domain',
      findings: ['null-mx'],
      note: 'The probe reads the domain\'s MX record; a single MX of "0 ." is the null MX.',
    },
    references: [REF.rfc7505, REF.rfc7504],
  },
  {
    id: 'host-not-accepting',
    title: 'The destination does not accept mail',
    summary:
      'The server answered but refused to do mail at all — a 554 or 521 greeting ("no SMTP service here"), or a 421 "service not available" — or it never sent a greeting. It may not be a mail server (an MX pointing at a web server), or it is overloaded or in maintenance.',
    reason: 'notaccept',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Look up the domain\'s MX (`dig mx <domain> +short`) and probe it: the greeting tells whether it is a mail server at all.',
        'Tell the recipient\'s administrator; if the MX points at the wrong host they must fix the record, if the server is down they must restart it.',
        'Your server keeps retrying temporary (421) refusals by itself; a 554/521 greeting fails at once.',
      ],
    },
    confirmBy: {
      target: 'remote-host',
      findings: ['banner-rejected', 'banner-timeout', 'banner-missing', 'ehlo-rejected'],
      note: 'The probe connects and records the server\'s greeting: a 5xx/421 greeting or none at all confirms it does not take mail now.',
    },
    references: [REF.rfc5321, REF.rfc7504],
  },
  {
    id: 'connection-refused',
    title: 'The destination refused the connection',
    summary:
      'Your server reached the destination\'s address, but nothing accepted the connection on port 25 (Windows error 10061, "connection refused"). The mail service there is stopped or listens only internally, or a firewall rejects the connection.',
    reason: 'networkerror',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Probe the destination from outside (`smtpcheck probe <domain>`): refused from everywhere means the fault is at the destination; tell the recipient\'s administrator, with the IP address from the bounce.',
        'If the refusing server is your own smart host or relay, check that its mail service is running and listening on the right port.',
        'Your server keeps retrying by itself until the queue lifetime runs out.',
      ],
      'exchange-onprem': [
        'Recipient side: check the transport service that receives internet mail is running (`Get-Service MSExchangeFrontEndTransport` on Exchange 2013 and later, `Get-Service MSExchangeTransport` on 2007/2010) and that a Receive connector listens on port 25 for all addresses: `Get-ReceiveConnector | fl Name,Bindings,RemoteIPRanges`.',
      ],
      postfix: [
        'Recipient side: `systemctl status postfix`, `ss -ltnp | grep \':25 \'`; `postconf inet_interfaces` must not be `loopback-only` or 127.0.0.1 on a server that receives from the internet.',
      ],
      exim: [
        'Recipient side: `exim -bP daemon_smtp_ports local_interfaces` (Debian: `dc_local_interfaces` in update-exim4.conf.conf must not be 127.0.0.1 only), then restart Exim.',
      ],
      sendmail: [
        "Recipient side: the default sendmail.mc on many distributions listens on 127.0.0.1 only — remove `Addr=127.0.0.1,` from ``DAEMON_OPTIONS(`Port=smtp,Addr=127.0.0.1, Name=MTA')dnl``, rebuild sendmail.cf and restart.",
      ],
    },
    confirmBy: {
      target: 'remote-host',
      findings: ['connect-refused'],
      note: 'The probe connects to port 25 of each MX address; "connection refused" from outside confirms nothing is listening there.',
    },
    references: [REF.msNdr, REF.rfc5321, REF.pfPostconf],
  },
  {
    id: 'connection-timeout',
    title: 'The connection to the destination timed out',
    summary:
      'Your server tried to connect to the destination\'s mail server and got no answer at all before giving up (Windows error 10060, "connection timed out"). The destination server is down or a firewall silently drops the connection — unless your own network blocks outgoing port 25, in which case every destination times out.',
    reason: 'networkerror',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Check whether only this destination times out or all of them: if all external queues are stuck, see "Outbound port 25 is blocked on the sending network".',
        'Test from the sending server: `Test-NetConnection <mx host> -Port 25` (Windows) or `nc -vz -w 10 <mx host> 25`.',
        'Probe from outside with `smtpcheck probe <domain>`: if it times out there too, the destination is down or firewalled — tell the recipient\'s administrator.',
        'Your server keeps retrying until the queue lifetime runs out; nothing needs resending until then.',
      ],
      'exchange-onprem': [
        'Sender side: list the affected queues: `Get-Queue | ft Identity,NextHopDomain,Status,MessageCount,LastError -AutoSize`; then `Test-NetConnection <mx host> -Port 25` from the transport server.',
      ],
      postfix: [
        'Sender side: `postqueue -p` shows "connect to <host>[<ip>]:25: Connection timed out" per message; test with `nc -vz -w 10 <host> 25` from the server.',
      ],
    },
    confirmBy: {
      target: 'remote-host',
      findings: ['connect-timeout', 'mx-unreachable'],
      note: 'The probe connects from outside your network: a timeout there too puts the fault at the destination; a quick connect there means your network is the problem.',
    },
    references: [REF.msOnpremNdr, REF.rfc5321, REF.ms447],
  },
  {
    id: 'port25-blocked',
    title: 'Outbound port 25 is blocked on the sending network',
    summary:
      'Your internet or hosting provider (or your own firewall) blocks outgoing connections to port 25, so your server cannot reach any recipient\'s mail server. Google Cloud blocks it, AWS and Azure restrict it by default, and many home and small-business ISPs do the same to stop spam.',
    reason: 'networkerror',
    hard: false,
    actor: 'sender-admin',
    steps: {
      ...RELAY_VIA_SMART_HOST,
      generic: [
        'Confirm from the sending server: `Test-NetConnection gmail-smtp-in.l.google.com -Port 25` (Windows) or `nc -vz -w 10 gmail-smtp-in.l.google.com 25` times out, while port 587 to a mail provider (e.g. smtp.office365.com) connects.',
        'Check your own firewall\'s outbound rules for port 25 first.',
        'Ask the provider to lift the block if it can (AWS: the port-25 removal request form; Azure: only some subscription types); on Google Cloud plan on a relay over 587 or 465, as its sending-mail guide does.',
        'Otherwise relay all outbound mail through an authenticated smart host on port 587 or 465 (your ISP\'s, your mail provider\'s, or a relay service) — steps per platform below.',
      ],
    },
    confirmBy: {
      target: 'remote-host',
      findings: ['port25-blocked'],
      note: 'Only a test from the sending network settles it: run `smtpcheck probe` on the sending server — port 25 times out to every MX while 587/443 connect. A probe from the Slack bot tests the bot\'s network, not yours.',
    },
    references: [REF.gcePort25, REF.awsPort25, REF.azurePort25, REF.msOnpremNdr],
  },
  {
    id: 'dns-failure',
    title: 'DNS lookup for the destination failed',
    summary:
      'Your server could not look up the destination\'s mail servers in DNS: the lookup failed or timed out. Either your server\'s DNS resolver is broken, or the recipient domain\'s DNS servers are down or misconfigured (broken DNSSEC is a common cause).',
    reason: 'networkerror',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'From the sending server: `nslookup -type=mx <domain>` (Windows) or `dig mx <domain>`.',
        'Compare with a public resolver: `dig @1.1.1.1 mx <domain>`. If the public resolver answers and yours does not, fix your server\'s DNS settings; if both fail (SERVFAIL), the recipient\'s DNS is broken — tell them.',
        'Once DNS works, retry the queue.',
      ],
      'exchange-onprem': [
        'Check what the transport uses: `Get-TransportService | fl Name,*DNS*` (Exchange 2007/2010: `Get-TransportServer`). To use specific resolvers for internet mail: `Set-TransportService <server> -ExternalDNSAdapterEnabled $false -ExternalDNSServers <ip1>,<ip2>` and `Set-SendConnector "<name>" -UseExternalDNSServersEnabled $true`, then `Restart-Service MSExchangeTransport`.',
      ],
      'exchange-2003': [
        'Default SMTP Virtual Server → Properties → Delivery → Advanced → Configure (External DNS Servers): list resolvers that can resolve internet names, then restart the virtual server.',
      ],
      postfix: [
        'Postfix uses /etc/resolv.conf; on Debian its smtp process runs chrooted, so restart Postfix after changing resolv.conf (the chroot copy is refreshed at start). `postqueue -p` shows "Host or domain name not found … try again" while lookups fail temporarily.',
      ],
      exim: [
        'Test routing with `exim -bt user@<domain>`: it shows the MX lookup result or the DNS error.',
      ],
      sendmail: [
        'Test routing with `sendmail -bv user@<domain>`; check /etc/resolv.conf and the `hosts` line in /etc/nsswitch.conf.',
      ],
    },
    confirmBy: {
      target: 'recipient-domain',
      findings: ['dns-error'],
      note: 'The probe resolves the domain\'s MX from smtpcheck\'s own resolver: if it resolves there, your server\'s DNS is at fault; if it fails there too, the domain\'s DNS is.',
    },
    references: [REF.msOnpremNdr, REF.psSetTransportService, REF.rfc5321],
  },
  {
    id: 'connection-dropped',
    title: 'The connection dropped during the SMTP session',
    summary:
      'The connection to the destination was established but broke off in the middle of the conversation. Unstable networks, firewalls doing "SMTP inspection", MTU problems during TLS, and receivers that drop connections they distrust are the usual causes.',
    reason: 'networkerror',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'See at which step it drops (the log says "lost connection … while …" or "connection dropped"); `smtpcheck probe <host> --transcript` shows how far a clean session gets.',
        'Firewalls that inspect SMTP (Cisco ASA `inspect esmtp`, older "fixup smtp") often break STARTTLS and large messages: turn that inspection off on your side and ask the recipient to check theirs.',
        'If it only happens with large messages, test a small one; if it happens only with TLS, suspect an MTU or middlebox problem.',
      ],
    },
    confirmBy: {
      target: 'remote-host',
      findings: ['connection-dropped', 'reply-timeout', 'banner-timeout'],
      note: 'The probe runs a full session without sending a message; where it stops (no greeting, failed TLS) shows where the connection breaks.',
    },
    references: [REF.msOnpremNdr, REF.eximSmtpTransport, REF.rfc5321],
  },
  {
    id: 'greylisted',
    title: 'The receiver is greylisting: it will accept a retry later',
    summary:
      'The receiving server turned down the first attempt on purpose ("try again later") to check that your server is a real mail server that retries. Normal servers retry within minutes and the mail then gets through; no action is needed.',
    reason: 'blocked',
    hard: false,
    actor: 'nobody',
    steps: {
      generic: [
        'Wait: your server retries by itself and the next attempt is normally accepted.',
        'Act only if it never gets through: then your retries come from changing IP addresses (a pool of outbound servers or a cloud service) or retry too fast or give up too soon — ask the recipient to allow your sending IP range.',
      ],
    },
    confirmBy: {
      target: 'recipient-domain',
      findings: ['rcpt-greylisted'],
      note: 'A probe with `--rcpt <address>` gets the same 4xx "try again later" at RCPT TO from a greylisting server; a real sender\'s retry gets through.',
    },
    references: [REF.rfc6647, REF.ms47500],
  },
  {
    id: 'too-many-connections',
    title: 'Too many connections to the receiver at once',
    summary:
      'Your server opened more simultaneous connections to the receiving server than it allows from one sender, so extra connections are refused with a 421 reply. The mail goes through on later retries; lowering your parallelism to that destination stops the errors.',
    reason: 'toomanyconn',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Nothing is lost: the refused messages are retried. To stop the errors, lower the number of parallel connections your server opens to that destination.',
      ],
      'exchange-onprem': [
        'Lower the per-domain connections: `Set-TransportService <server> -MaxPerDomainOutboundConnections 5` (Exchange 2007/2010: `Set-TransportServer`; the default is 20 on older versions, 40 on current ones — check it with `Get-TransportService | fl MaxPerDomainOutboundConnections`).',
      ],
      'exchange-2003': [
        'Default SMTP Virtual Server → Properties → Delivery → Outbound connections: tick "Limit number of connections per domain" and set a small number.',
      ],
      postfix: [
        'Send that destination through a slower transport: in master.cf copy the smtp line as `slow unix - - n - - smtp`, set `slow_destination_concurrency_limit = 2` in main.cf, put `<domain> slow:` in /etc/postfix/transport with `transport_maps = hash:/etc/postfix/transport`, then `postmap /etc/postfix/transport` and `postfix reload`.',
      ],
    },
    references: [REF.rfc5321, REF.psSetTransportService, REF.pfPostconf],
  },
  {
    id: 'rate-limited',
    title: 'The sender is sending too fast and is rate-limited',
    summary:
      'The receiving provider is slowing you down: you sent more messages, or to more recipients, in a short time than it accepts from your IP or domain. It defers the rest with a 4xx reply; sending slower — and a better reputation — removes the limit.',
    reason: 'speeding',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Let your server retry: deferred messages go out as the limit allows.',
        'Spread large sends over time, warm up new IPs gradually, and stop sending to addresses that bounce.',
        'If a normal volume is being limited, look at your reputation (Google Postmaster Tools, Microsoft SNDS) and authentication.',
      ],
      postfix: [
        'Pace one destination: a dedicated `slow` transport in master.cf with `slow_destination_rate_delay = 1s` (and `slow_destination_concurrency_limit = 1`), mapped with `<domain> slow:` in the `transport_maps` table (`postmap` it), then `postfix reload`.',
      ],
      'exchange-onprem': [
        'Lower parallelism to the destination: `Set-TransportService <server> -MaxPerDomainOutboundConnections 5` (Exchange 2007/2010: `Set-TransportServer`). It applies to every domain, so keep it moderate.',
      ],
    },
    references: [REF.gSmtpErrors, REF.olcPostmaster, REF.yErrors, REF.sesQuota],
  },
  {
    id: 'too-many-recipients',
    title: 'The message has more recipients than the receiver takes in one transaction',
    summary:
      'The receiving server accepts only so many recipients per message transaction (452 4.5.3 "too many recipients"; Exchange Online takes 200 per domain per transaction). A correct mail server sends the rest in another transaction; an application or device that sends once to everyone loses the extra recipients.',
    reason: 'toomanyconn',
    hard: false,
    actor: 'sender-admin',
    steps: {
      generic: [
        'If a mail server sent it, nothing is lost: it retries the refused recipients in a new transaction. If an application or device sent it, make it split large recipient lists (or send through your mail server, which splits them).',
        'For large distributions use a distribution list or mailing-list service instead of hundreds of addresses on one message.',
      ],
      postfix: [
        'Postfix handles a 452 by deferring the extra recipients and sending them later; to stay under a receiver\'s limit from the start, lower `smtp_destination_recipient_limit` (default 50) for that destination with a dedicated transport.',
      ],
      'exchange-onprem': [
        'If your own server refused it, the limit is `Get-TransportConfig | fl MaxRecipientEnvelopeLimit` and the Receive connector\'s `MaxRecipientsPerMessage`; raise them only if policy allows.',
      ],
    },
    references: [REF.msNdr, REF.rfc5321, REF.rfc3463],
  },
  {
    id: 'remote-system-error',
    title: 'The receiving server had an internal error',
    summary:
      'The receiving server hit an internal problem while handling the message ("local error in processing", a 451/4.3.0 reply). It is a fault on their side; temporary errors are retried automatically.',
    reason: 'systemerror',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Let your server keep retrying; most of these clear by themselves.',
        'If it persists for hours, tell the recipient\'s administrator, with the exact reply and the time, so they can check their server\'s logs.',
      ],
    },
    references: [REF.rfc3463, REF.rfc5321],
  },
  {
    id: 'remote-storage-full',
    title: 'The receiving server is out of disk space',
    summary:
      'The receiving server says it has no room to accept mail right now (452 4.3.1 "insufficient system storage"). It is a problem on their side and clears when they free space; your server retries in the meantime.',
    reason: 'systemfull',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Let your server retry; tell the recipient\'s administrator if it lasts more than a few hours.',
      ],
      'exchange-onprem': [
        'Recipient side: 452 4.3.1 "Insufficient system resources" is Exchange back pressure — free space on the drive that holds the transport queue database (event IDs 15004–15007 in the Application log name the resource), or move the queue database.',
      ],
      postfix: [
        'Recipient side: free space on the queue file system (`df -h /var/spool/postfix`); Postfix refuses mail when free space drops below `queue_minfree`.',
      ],
    },
    references: [REF.rfc3463, REF.msOnpremNdr, REF.pfPostconf],
  },
  {
    id: 'local-delivery-failed',
    title: 'A local delivery program on the receiving server failed',
    summary:
      'The receiving server accepted the message, but the program that puts mail into the mailbox (procmail, a Dovecot LDA, a script) failed. It is a fault on the recipient\'s server.',
    reason: 'mailererror',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Tell the recipient\'s administrator, with the error text from the bounce (it often contains the program\'s own message and exit code).',
        'If the server is yours, read the delivery agent\'s log and check its permissions, quotas and configuration.',
      ],
      postfix: [
        'Recipient side: check `postconf mailbox_command mailbox_transport virtual_transport` and the local(8)/pipe(8) lines in the mail log for the program\'s exit status.',
      ],
      exim: [
        'Recipient side: the main log shows "Child process of <transport> transport returned <code>" — check that transport\'s command, its user and permissions.',
      ],
    },
    references: [REF.rfc3463, REF.pfPostconf],
  },
  {
    id: 'smtp-syntax-error',
    title: 'The SMTP conversation had a command syntax error',
    summary:
      'The receiving server did not understand a command sent to it, or got commands in the wrong order (500/501/503 replies, "send hello first"). The sending software — usually an application or device with its own SMTP code — is not speaking SMTP correctly.',
    reason: 'syntaxerror',
    hard: true,
    actor: 'sender-admin',
    steps: {
      generic: [
        'Find which software sent it and capture its SMTP session (a transcript or protocol log) to see the command that was refused.',
        'Update or fix the sending software; common faults are skipping EHLO, malformed MAIL FROM/RCPT TO addresses (missing <>), and pipelining commands the server did not offer.',
        'As a workaround, submit through your own mail server, which speaks SMTP correctly to the outside world.',
      ],
    },
    references: [REF.rfc5321, REF.msOnpremNdr],
  },
  {
    id: 'delivery-expired',
    title: 'Delivery retries ran out before the message got through',
    summary:
      'Your server kept retrying for its whole retry period (usually two to five days) and then gave up (#4.4.7, 5.4.300, "retry timeout exceeded"). The expiry only says that time ran out — the real cause is the error each retry got, which the queue or log still shows.',
    reason: 'expired',
    hard: false,
    actor: 'sender-admin',
    steps: {
      ...FIND_LAST_ERROR,
      generic: [
        'Find the error the retries were getting — queue properties or LastError, the mail log\'s deferred reason, or the inner text of the NDR — and fix that cause (the likely candidates are listed with how to tell them apart).',
        'Probe the destination with `smtpcheck probe <domain or host>` to see whether it is reachable, offers TLS and expects authentication.',
        'After the fix, ask users to resend the messages that expired: they are no longer in any queue.',
      ],
    },
    references: [REF.ms447, REF.msOnpremNdr, REF.psSetTransportService, REF.rfc3463, REF.pfMaillog],
  },
  {
    id: 'delivery-delayed',
    title: 'Delivery is delayed; the server is still retrying',
    summary:
      'This is a warning, not a failure: your server could not deliver yet and is still trying. Nothing needs to be resent now; if the cause is not fixed before the retry period ends, a final non-delivery report follows.',
    reason: 'expired',
    hard: false,
    actor: 'nobody',
    steps: {
      ...FIND_LAST_ERROR,
      generic: [
        'Do not resend: the message is still queued and will go out by itself once the problem clears.',
        'If the warning repeats, an administrator should look at the error the queue is getting (queue properties, LastError, or the mail log\'s deferred reason) and fix it before the retry period ends.',
      ],
    },
    references: [REF.rfc3464, REF.ms447, REF.psSetTransportService],
  },
];
