/**
 * Reaching the destination: DNS, connections, timeouts, loops, expiry, the remote system's own
 * trouble, local delivery programs. Most of these are hints: the words are clear but a specific
 * enhanced status code still outranks them. Wordings from MTA sources and Sisimai's keyword lists
 * (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from './types';

export const NETWORK_RULES: readonly TextRule[] = [
  {
    // Gmail's own DNS report: NXDOMAIN for the recipient's domain, and Gmail gave up. Its DSN says 5.x then; the
    // "Message not delivered" page in the Gmail web UI shows no code at all, so a failure without one counts too
    // (Gmail bounces an NXDOMAIN at once; a 4.x DSN or a delay report still reads as a DNS failure, below).
    id: 'gmail-dns-nxdomain-permanent', cause: 'recipient-domain-unknown', tier: 'text', status: ['5.', ''], delayed: false,
    // Bounded gap: an unbounded `.*` rescans to the end from every repeated "dns error:" (quadratic on hostile input).
    pattern: /dns error: .{0,100}lookup of \S+ responded with code nxdomain|dns error: domain name not found/,
    example: "DNS Error: 39857475 DNS type 'mx' lookup of example.comn responded with code NXDOMAIN Domain name not found: example.comn",
    exampleFacts: { status: '5.1.2' },
    source: 'https://github.com/sisimai/go-sisimai/blob/main/rhost/for-gsuite.go',
  },
  {
    id: 'gmail-dns-error', cause: 'dns-failure', reason: 'networkerror', tier: 'text',
    statusNot: ['5.'],
    pattern: /dns error: .{0,100}lookup of \S+ responded with code (?:nxdomain|servfail|noerror)/,
    unless: /doesn't receive email according to|null mx/,
    example: "DNS Error: 39857475 DNS type 'mx' lookup of example.comn responded with code NXDOMAIN Domain name not found: example.comn",
    // Still retrying: RFC 3463's 4.4.3 (directory server failure) is what a temporary DNS failure reports.
    exampleFacts: { status: '4.4.3' },
    source: 'corpus shape: lhost-gmail',
  },
  {
    id: 'sender-null-mx', cause: 'sender-domain-invalid', reason: 'notaccept', tier: 'text',
    pattern: /sender (?:address|domain) (?:has|publishes) (?:a )?null ?mx|null mx .{0,100}sender/,
    example: '550 5.7.27 Sender address has null MX',
    source: 'https://www.rfc-editor.org/rfc/rfc7505',
  },
  {
    id: 'null-mx', cause: 'null-mx', tier: 'text',
    unless: /sender (?:address|domain) (?:has|publishes) (?:a )?null ?mx/,
    pattern: /null ?mx|doesn't receive email according to|does not accept mail \(nullmx\)|host\/domain does not accept mail|domain does not accept mail|\b556 5\.1\.10\b/,
    example: "DNS Error: 80458680 DNS type 'mx' lookup of example.org responded with code NOERROR The domain example.org doesn't receive email according to the administrator: returned Null MX",
    source: 'https://www.rfc-editor.org/rfc/rfc7505',
  },
  {
    id: 'host-not-accepting', cause: 'host-not-accepting', tier: 'hint',
    pattern: /host does not accept mail|mail receiving disabled|no route for current request|smtp protocol returned a permanent error|system not accepting network messages|account inbounds disabled|hosted tenant which has no mail-enabled subscriptions/,
    example: '554 5.3.2 Host does not accept mail',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-notaccept.go',
  },
  {
    id: 'no-mx-record', cause: 'recipient-domain-unknown', reason: 'notaccept', tier: 'text',
    pattern: /no mx record found for domain=|name server: \.: host not found|couldn't find a mail exchanger or ip address|type=mx: malformed or unexpected name server reply/,
    example: "Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)",
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-notaccept.go',
  },
  {
    // A loop the receiving system found in its own configuration (Sisimai counts these as system errors).
    id: 'mail-loop-local-config', cause: 'mail-loop', reason: 'systemerror', tier: 'hint',
    pattern: /loops back to myself|it would create a mail loop|loop was found in the mail exchanger|aliasing\/forwarding loop broken/,
    example: 'mail for example.com loops back to myself',
    source: 'https://github.com/vdukhovni/postfix/blob/master/postfix/src/smtp/smtp_addr.c',
  },
  {
    id: 'mail-loop', cause: 'mail-loop', reason: 'networkerror', tier: 'hint',
    pattern: /hop count exceeded|mail forwarding loop for |maximum forwarding loop count exceeded|message looping|routing loop|too many hops|exceeded \d+ hops|mail loop|too many "?received"? headers|message is looping/,
    unless: /loops back to myself|it would create a mail loop|loop was found in the mail exchanger|aliasing\/forwarding loop broken/,
    example: '554 5.4.6 Hop count exceeded - possible mail loop',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-networkerror.go',
  },
  {
    id: 'dns-failure', cause: 'dns-failure', reason: 'networkerror', tier: 'hint',
    pattern: /dns records for the destination computer could not be found|host name lookup failure|host not found, try again|malformed (?:or unexpected )?name server reply|unable to resolve route |unrouteable mail domain|dns query failed|host lookup did not complete|name service error|nonexistentdomain|temporary dns failure|dns (?:lookup )?(?:timeout|timed out)/,
    example: 'Name service error for domain example.com: Host not found, try again',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-networkerror.go',
  },
  {
    id: 'connection-unreachable', cause: 'connection-refused', reason: 'networkerror', tier: 'hint',
    pattern: /could not connect and send the mail to|host is unreachable|no route to host|network is unreachable|connection refused|socket error code 10061|winsock error code: 10061/,
    unless: /connection refused by/,
    example: 'connect to mx.example.org[192.0.2.10]:25: No route to host',
    source: 'https://github.com/vdukhovni/postfix/blob/master/postfix/src/smtp/smtp_connect.c',
  },
  {
    id: 'greeting-failed', cause: 'host-not-accepting', reason: 'onhold', tier: 'hint',
    pattern: /but greeting failed|while receiving the initial server greeting/,
    example: 'Connected to 192.0.2.1 but greeting failed.',
    source: 'https://cr.yp.to/qmail.html',
  },
  {
    id: 'connection-dropped', cause: 'connection-dropped', reason: 'networkerror', tier: 'hint',
    // "due to": Exchange's own words for a session the network broke, e.g. 421 4.4.2 Connection dropped due to SocketError.
    pattern: /lost connection with \S+ while|conversation with \S+ timed out|remote host closed connection|connection (?:closed|reset|dropped) (?:abruptly|unexpectedly|by|due to)|message ended early/,
    unless: /tls handshake/,
    example: 'lost connection with mx2.example.com[192.0.2.86] while performing the HELO handshake',
    source: 'https://github.com/vdukhovni/postfix/blob/master/postfix/src/smtp/smtp_trouble.c',
  },
  {
    // Exchange 2007+ writes "421 4.2.1 Unable to connect" (or 4.4.x) itself when its own connect to the next hop fails
    // (Winsock 10060 behind it; port 25 blocked on the way out, or the host down), and quotes it in the queue's
    // LastError. The 4.2.1 is Exchange's, not RFC 3463's "mailbox disabled" (status-codes: 4.2.1 yields to networkerror).
    // "Refused" or 10061 beside it is a refusal: connection-unreachable decides then.
    id: 'exchange-unable-to-connect', cause: 'connection-timeout', tier: 'hint',
    pattern: /\b421[ .]4\.(?:2\.1|4\.[12]) unable to connect\b/,
    unless: /refused|10061/,
    example: '451 4.4.0 primary target IP address responded with "421.4.4.2 unable to connect." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.',
    source: 'http://nuangel.net/2013/01/exchange-error-attempted-to-failover/',
  },
  {
    id: 'connection-timeout', cause: 'connection-timeout', reason: 'expired', tier: 'hint',
    pattern: /connection timed out|operation timed out|timed out while|server did not respond|did not accept our requests to connect|wasn't able to establish an smtp connection|unable to connect to remote server|cannot connect to remote server|socket error code 10060|winsock error code: 10060|host not reachable|connection expired|timeout - closing connection/,
    example: 'connect to example.org[203.0.113.225]:25: Connection timed out',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-expired.go',
  },
  {
    id: 'delivery-expired', cause: 'delivery-expired', reason: 'expired', tier: 'hint',
    pattern: /could not find a gateway for|could not deliver for the last \d+ seconds|delivery attempts will continue to be|delivery (?:time )?expired|failed to deliver to domain |giving up on|have been failing for a long time|has been delayed|it has not been collected after|message expired|message timed out|retry time not reached for any host after a long failure period|in the queue too long|unable to deliver message after multiple retries|not reachable within the allowed queue period|could not be delivered for (?:more than )?\S+ days?|not delivered within \S+ days|retry timeout exceeded|could not deliver the message in the time limit specified|delivery failed \d+ attempts|delivery timeout|queue\.expired|cannot send message for \S+ days|was not delivered within/,
    example: 'Could not deliver the message in the time limit specified. Please retry or contact your administrator.',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-expired.go',
  },
  {
    id: 'remote-system-error', cause: 'remote-system-error', reason: 'systemerror', tier: 'hint',
    pattern: /can't create user output file|could not load drd for domain|internal error reading data|internal server error|interrupted system call|encountered an error while being processed|local configuration error|local error in processing|mail system configuration error|queue file write error|recipient deferred because there is no mdb|remote server is misconfigured|server configuration error|service currently unavailable|system config error|temporary local problem|timeout waiting for input|transaction failed |unable to connect \S+ daemon|internal system error|temporary system problem|temporary server error|system incorrectly configured|server busy|pfa agent busy|message failed to be replicated|unable to process (?:connection|command|an email)|esmtp server temporarily not available|service not available|operating system error/,
    example: '451 Could not load DRD for domain (example.com) rcpt (kijitora@example.com)',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-systemerror.go',
  },
  {
    id: 'remote-storage-full', cause: 'remote-storage-full', reason: 'systemfull', tier: 'hint',
    pattern: /mail system full|requested mail action aborted: exceeded storage allocation|insufficient system (?:storage|resources)|insufficient disk space/,
    example: '452 4.3.1 Insufficient system resources',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-systemfull.go',
  },
  {
    id: 'local-mailer-failed', cause: 'local-delivery-failed', reason: 'mailererror', tier: 'hint',
    pattern: / \|\| exit |procmail: |bin\/procmail|bin\/maildrop|command failed: |command died with status |command output:|mailer error|pipe to \|\/|x-unix; |unknown mailer error/,
    example: 'pipe to |/usr/local/bin/filter kijitora@example.com',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-mailererror.go',
  },
];
