/**
 * The sending IP or host: blocklists, reputation, reverse DNS, HELO, dynamic ranges, rate limits,
 * greylisting. Wordings from DNSBL operators, vendor pages and Sisimai's keyword lists
 * (BSD-2, (c) azumakuniyuki).
 */
import type { TextRule } from './types';

export const REPUTATION_RULES: readonly TextRule[] = [
  {
    id: 'ptr-missing', cause: 'ptr-missing', tier: 'text',
    // Gaps are bounded (512: a host name fits): an unbounded `.*` is quadratic on a repeated "dns lookup failure: ".
    pattern: /ip name lookup failed|must have a ptr record|bad dns ptr resource record|cannot find your (?:reverse )?hostname|cannot resolve your address|fix reverse dns for |missing ptr records?|no ptr record|ptr record setup|reverse dns (?:failed|required|lookup for host \S+ failed)|missing reverse dns|no reverse dns|sender ip reverse lookup rejected|does not have a ptr record|forward dns entry does not point to the sending ip|will not accept messages from servers\/devices with no reverse dns|unresolvable relay host name|generic dns ptr-records|domain \S+ mismatches client ip|dns lookup failure: .{0,512} try again later|forbidden by invalid rdns record|unverifyable sending ips|must have a reverse dns record|reverse dns for this ip failed|rejected - no rdns|requires rdns|no rdns|rdns (?:check|lookup) fail/,
    example: '550 5.7.25 The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP.',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-requireptr.go',
  },
  {
    id: 'bad-reputation', cause: 'bad-reputation', tier: 'text',
    pattern: /poor (?:email )?reputation|rate limited due to ip reputation|ip\/domain reputation problems|very low reputation|none\/bad reputation|the sending mta's poor reputation|low reputation of the sending|ip reputation - \(reject\)|reputation (?:is too low|of your ip)/,
    example: '451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-badreputation.go',
  },
  {
    // Microsoft 365 5.7.708 when the reply is not recognised as Microsoft's: the tenant's mail leaves from
    // known low-reputation IPs (new and trial tenants). Not a blocked account (that is 5.1.8 / 5.7.705).
    id: 'ip-traffic-not-accepted', cause: 'bad-reputation', tier: 'text',
    pattern: /traffic not accepted from this ip/,
    example: '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.',
    source: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750',
  },
  {
    id: 'complaints-deferred', cause: 'bad-reputation', tier: 'text',
    pattern: /temporarily deferred due to (?:unexpected volume or )?user complaints/,
    example: '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    source: 'https://senders.yahooinc.com/smtp-error-codes/',
  },
  {
    id: 'ip-blocklisted', cause: 'ip-blocklisted', tier: 'text',
    pattern: /blocked using |blacklisted by|black ?list(?:ed)?\b|block ?list(?:ed)?\b|listed (?:on|in|at) (?:the )?(?:spamhaus|spamcop|sorbs|barracuda|rbl|dnsbl|cbl|uceprotect)|spamhaus|www\.spamcop\.net\/bl\.|barracudacentral\.org|\.abuseat\.org|dnsbl|\brbl\b|is in a black list|rejected based on blacklist|listed as abusive|multi-blacklist|ip temporarily blacklisted|rbl reject|blocked - see https?:\/\/support\.proofpoint\.com\/dnsbl|dynamic\/zombied\/spam ips blocked/,
    unless: /recipient address rejected|blacklisted url/,
    example: '554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.25',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-blocked.go',
  },
  {
    id: 'dynamic-ip', cause: 'dynamic-ip', tier: 'text',
    pattern: /dynamic ips?\b|hosts with dynamic ip|dynamic(?:ally)?[- ]assigned|residential ip|please use the smtp server of your isp|use the smtp relay at your service provider|not authorized to send email directly to our servers|dial-?up|\bpbl\b|policy block list/,
    example: '550 5.7.1 We do not accept mail from dynamic IPs',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-blocked.go',
  },
  {
    id: 'bad-helo', cause: 'bad-helo', tier: 'text',
    pattern: /helo command rejected|helo\/ehlo argument is invalid|empty helo\/ehlo argument|invalid (?:helo|ehlo)|bad helo|helo (?:name|hostname) (?:rejected|invalid)|my name was rejected|helo \/ ehlo requires domain address/,
    example: '504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname',
    source: 'https://github.com/vdukhovni/postfix/blob/master/postfix/src/smtpd/smtpd_check.c',
  },
  {
    id: 'sender-ip-blocked', cause: 'sender-blocked', tier: 'text',
    pattern: / said: 550 blocked|bad sender ip address|banned sending ip|client host rejected: (?:abus detecte|may not be mail exchanger|was not authenticated)|confirm this mail server|connections not accepted from ip addresses|currently sending spam see: |error: no valid recipients from |esmtp not accepting connections|extreme bad ip profile|\bgo away\b|host network not allowed|invalid ip for sending mail of domain|is not allowed to send mail from|mailfrom domain is listed in spamhaus|no access from mail server|not currently accepting mail from your ip|part of their network is on our block list|refused - see http|rejected because the sending mta or the sender has not passed validation|rejecting open proxy|sender ip address rejected|server access forbidden by your ip |sorry, that domain isn't in my list of allowed rcpthosts|looks suspiciously like spammer|to submit messages to this e-mail system has been rejected|too many spams from your ip|too many unwanted messages have been sent|was blocked by |you are not allowed to connect|you are sending spam|your network is temporary blacklisted|your server requires confirmation|access from ip address \S+ blocked|mail server at \S+ is blocked|your access ip\S* has been rejected|ip address blacklisted by recipient|using customer block list|blocked by ldap|access denied, banned sender|rejected by recipient|client host blocked|adresse ip source bloquee|service refused, please try later/,
    example: '550 5.7.1 Too many spams from your IP (192.0.2.1), please visit http://postmaster.free.fr/',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-blocked.go',
  },
  // Refusals before any command. Sisimai names them all "blocked"; the causes differ.
  {
    id: 'refused-at-connect', cause: 'sender-blocked', tier: 'text',
    pattern: /smtp error from remote mail server after initial connection:|service not available, closing transmission channel/,
    example: '421 Service not available, closing transmission channel',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-blocked.go',
  },
  {
    id: 'connection-refused-by-host', cause: 'connection-refused', reason: 'blocked', tier: 'text',
    pattern: /connection refused by/,
    example: 'Deferred: Connection refused by mx.example.jp.',
    source: 'https://github.com/freebsd/freebsd-src/blob/main/contrib/sendmail/src/deliver.c',
  },
  {
    id: 'connection-reset-by-peer', cause: 'connection-dropped', reason: 'blocked', tier: 'text',
    pattern: /connection reset by peer|connection (?:was )?dropped by remote host/,
    example: '421 4.4.2 mx.example.jp: Connection reset by peer',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-blocked.go',
  },
  {
    id: 'rate-limited', cause: 'rate-limited', tier: 'text',
    pattern: /please try again slower|sent from your ip address has been temporarily rate limited|receiving mail at a rate that prevents|receiving mail too quickly|sending (?:too fast|rate exceeded|limit exceeded)|rate limit(?:ed| exceeded)|too many messages (?:in|per|from)|message rate|deferred due to excessive volume|has exceeded (?:the )?(?:permitted|maximum) (?:limits|number of messages)|per hour message receive limit|exceeded their limit for|thread limit exceeded|sent too many messages this hour|too many to too many recipients this hour|frequency of receiving messages is limited|daily (?:user )?sending (?:quota|limit) exceeded|daily smtp relay (?:sending )?limit exceeded|submission quota|daily limit for message recipients|sending quota/,
    unless: /maximum number of connections|concurrent|throttling failure/,
    example: '451 4.7.1 <mx.example.org[192.0.2.2]>: Client host rejected: Please try again slower',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-speeding.go',
  },
  {
    id: 'too-many-connections', cause: 'too-many-connections', tier: 'text',
    pattern: /too many (?:connections|concurrent smtp connections|smtp sessions|sessions from|errors from your ip)|connection rate limit exceeded|maximum connection limit|exceeds per-domain connection limit|has exceeded the max emails per hour |maximum number of connections|trop de connexions|we have already made numerous attempts to deliver this message|(?:ip|connection|domain|sender) frequency limited|max message per connection reached|message threshold exceeded|requested action aborted: try again later|throttling failure: (?:daily message quota|maximum sending rate) exceeded/,
    example: '421 4.7.0 Too many concurrent SMTP connections from this IP address; please try again later.',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-toomanyconn.go',
  },
  {
    id: 'too-many-recipients', cause: 'too-many-recipients', tier: 'text',
    pattern: /too many recipients|message has too many recipients|recipient (?:limit|count) exceeded|contains too many recipients/,
    unless: /this hour|per hour|per day|daily/,
    example: '452 4.5.3 Your message has too many recipients. For more information regarding Google\'s sending limits, visit https://support.google.com/mail/answer/6592',
    source: 'https://github.com/sisimai/go-sisimai/blob/main/reason/why-toomanyconn.go',
  },
  {
    id: 'greylisted', cause: 'greylisted', tier: 'text',
    pattern: /greylist|graylist|grey-list|gray-list|try again later, closing connection|please retry later|temporarily (?:rejected|deferred)\. (?:try|please try) again later/,
    unless: /too many|reputation|complaints|rate/,
    example: '450 4.2.0 <kijitora@example.jp>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.jp.html',
    source: 'http://postgrey.schweikert.ch/help/',
  },
];
