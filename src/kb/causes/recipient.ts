/**
 * Causes about the recipient's address or mailbox. Most are fixed by the sender (use a correct address)
 * or by the recipient's administrator; platform steps appear only where a platform really has a fix on
 * that side, and each platform list says whose side it is for.
 */
import type { Cause } from '../types';
import { REF } from './refs';

export const RECIPIENT_CAUSES: Cause[] = [
  {
    id: 'recipient-unknown',
    title: 'The recipient address does not exist',
    summary:
      'The receiving server says there is no mailbox with this address. The address is mistyped, the person has left, or the mailbox was renamed or removed. Sending again to the same address will fail the same way.',
    reason: 'userunknown',
    hard: true,
    actor: 'sender',
    steps: {
      generic: [
        'Compare the address character by character with a recent message from that person: swapped letters, a missing dot, or the wrong ending (.com instead of .co.uk) are the usual mistakes.',
        'In Outlook, remove the address from the Auto-Complete list (point at the suggestion and press Delete or click ×) and type it again in full: a stale cached entry can point at an old address.',
        'Confirm the current address with the recipient by phone or another channel, then send a new message; do not resend the bounced copy to the same address.',
        'If many addresses at one domain bounce at once, the recipient organisation has probably moved or broken its mail system: tell them, it is theirs to fix.',
        'If you never sent the original message, this is backscatter from someone forging your address: ignore it, and make sure your domain publishes SPF, DKIM and DMARC.',
      ],
      'exchange-onprem': [
        'If the recipient is inside your own organisation, check it exists: `Get-Recipient -Identity <address>` (a typo or a removed mailbox returns nothing).',
        'An NDR that names an `IMCEAEX-…` address means a stale Auto-Complete or cached entry that points at a mailbox\'s old legacyExchangeDN (after a migration or re-creation): add that old value as an X500 proxy address to the current mailbox, or have users clear the Auto-Complete entry.',
      ],
      'exchange-online': [
        'If the recipient is in your own tenant, confirm the user exists and has an Exchange Online licence (Microsoft 365 admin center → Users → Active users) and check `Get-Recipient <address>`.',
        'For `IMCEAEX-…` addresses after a migration, add the old legacyExchangeDN as an X500 proxy address on the mailbox, or have the user remove the Auto-Complete entry.',
      ],
    },
    confirmBy: {
      target: 'recipient-domain',
      findings: ['rcpt-rejected'],
      note: 'A probe with `--rcpt <address>` asks the recipient\'s server about this address at RCPT TO without sending anything; a 550 5.1.1 there settles it.',
    },
    references: [REF.rfc3463, REF.ms511, REF.ms5110, REF.gSmtpErrors],
  },
  {
    id: 'recipient-domain-unknown',
    title: 'The recipient domain does not exist or has no mail server',
    summary:
      'The part of the address after the @ does not exist in DNS, or it has no server that accepts mail. Usually the domain is mistyped; sometimes it has expired or its DNS is broken.',
    reason: 'hostunknown',
    hard: true,
    actor: 'sender',
    steps: {
      generic: [
        'Check the spelling of the domain (gmial.com, outlok.com and missing country endings are common).',
        'Look it up: `nslookup -type=mx <domain>` or `dig mx <domain> +short`. No answer, or NXDOMAIN, means the domain cannot receive mail.',
        'If the domain worked until recently, it may have expired or its DNS may be broken: tell the recipient by phone.',
        'If every external domain fails this way, the problem is your own DNS resolver, not the recipients (see "DNS lookup for the destination failed").',
      ],
      'exchange-onprem': [
        'If the domain resolves from another network but the queue says `SMTPSEND.DNS.NonExistentDomain`, check the transport server\'s DNS: `Get-TransportService | fl Name,*DNS*` (Exchange 2007/2010: `Get-TransportServer`) and the DNS servers on its network adapter.',
      ],
    },
    confirmBy: {
      target: 'recipient-domain',
      findings: ['domain-not-found', 'no-mail-host', 'mx-no-address'],
      note: 'The probe looks up MX and address records for the domain; if there are none, no server anywhere can deliver to it.',
    },
    references: [REF.rfc3463, REF.rfc5321, REF.msOnpremNdr, REF.gSmtpErrors],
  },
  {
    id: 'recipient-moved',
    title: 'The recipient has moved and mail is not forwarded',
    summary:
      'The receiving server says this person no longer receives mail at this address and it does not forward it. Some servers name the new address in their reply.',
    reason: 'hasmoved',
    hard: true,
    actor: 'sender',
    steps: {
      generic: [
        'Read the server\'s words in the bounce: a `551 User not local; please try <…>` reply or a 5.1.6 status often names the new address.',
        'Update your contact entry (and clear the Outlook Auto-Complete entry), then send a new message to the new address.',
        'If no new address is given, contact the person by another channel.',
      ],
    },
    references: [REF.rfc3463, REF.rfc5321],
  },
  {
    id: 'mailbox-disabled',
    title: 'The recipient mailbox is disabled or inactive',
    summary:
      'The mailbox exists but is disabled, suspended or inactive, so it does not accept mail. This is typical after someone leaves, or when an account has gone unused or unpaid for a long time.',
    reason: 'suspend',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Tell the recipient (or their organisation) by another channel that the mailbox refuses mail; only their administrator can re-enable it or forward it.',
        'If the person has left, ask for the address that replaces it and update your contacts and mailing lists.',
        'If the mailbox is in your own organisation, use the steps for your platform.',
      ],
      'exchange-online': [
        'Recipient side: in the Microsoft 365 admin center → Users → Active users, check the user still has a licence that includes Exchange Online; an unlicensed mailbox stops receiving mail after the grace period.',
        'For a leaver, convert the mailbox to a shared mailbox (`Set-Mailbox <user> -Type Shared`) or forward it: `Set-Mailbox <user> -ForwardingSmtpAddress <new address> -DeliverToMailboxAndForward $true`.',
      ],
      'exchange-onprem': [
        'Recipient side: find disconnected mailboxes with `Get-MailboxDatabase | Get-MailboxStatistics | where {$_.DisconnectReason -ne $null} | ft DisplayName,Database,DisconnectReason`.',
        'Reconnect it to its account: `Connect-Mailbox -Identity "<display name>" -Database "<database>" -User <account>`, or give the address to another mailbox as a proxy address.',
      ],
      'google-workspace': [
        'Recipient side: in the Admin console → Directory → Users, check whether the user is suspended (mail to suspended users bounces) and restore them.',
        'For a leaver, add the address as an alternate email (alias) of another user or of a Google group before deleting the account.',
      ],
    },
    references: [REF.rfc3463, REF.gSmtpErrors, REF.msNdr],
  },
  {
    id: 'mailbox-full',
    title: 'The recipient mailbox is full',
    summary:
      'The recipient\'s mailbox has reached its storage limit, so the server cannot store new messages. Nothing is wrong on the sending side; delivery works again once the recipient makes room or gets a bigger quota.',
    reason: 'mailboxfull',
    hard: false,
    actor: 'recipient',
    steps: {
      generic: [
        'Tell the recipient by another channel that their mailbox is full; resend once they have cleaned up.',
        'Send large files as a link (OneDrive, Google Drive, a file-transfer service) rather than as attachments.',
        'If the mailbox is in your own organisation, its administrator can raise the quota or turn on an archive: see your platform\'s steps (they are for the recipient\'s side).',
      ],
      'exchange-online': [
        'Recipient side: check usage with `Get-MailboxStatistics <user> | fl TotalItemSize,TotalDeletedItemSize` and the limits with `Get-Mailbox <user> | fl ProhibitSendReceiveQuota,ArchiveStatus`.',
        'Turn on the archive (`Enable-Mailbox <user> -Archive`, or `Enable-Mailbox <user> -AutoExpandingArchive` where licensed) so retention moves old mail out of the primary mailbox.',
        'Raise the quota up to what the licence allows: `Set-Mailbox <user> -ProhibitSendReceiveQuota 100GB -ProhibitSendQuota 99GB -IssueWarningQuota 98GB`.',
      ],
      'exchange-onprem': [
        'Recipient side: check usage with `Get-MailboxStatistics <user> | fl TotalItemSize,TotalDeletedItemSize` and the limits with `Get-Mailbox <user> | fl *Quota,UseDatabaseQuotaDefaults`.',
        'Raise the limit for that mailbox: `Set-Mailbox <user> -UseDatabaseQuotaDefaults $false -ProhibitSendReceiveQuota 10GB -ProhibitSendQuota 9.5GB -IssueWarningQuota 9GB`, or turn on an archive with `Enable-Mailbox <user> -Archive`.',
      ],
      'exchange-2003': [
        'Recipient side: in Active Directory Users and Computers open the user → Properties → Exchange General → Storage Limits, clear "Use mailbox store defaults" and raise "Prohibit send and receive at (KB)".',
        'Or raise the default for everyone on the mailbox store: System Manager → <server> → <storage group> → Mailbox Store → Properties → Limits.',
      ],
      'google-workspace': [
        'Recipient side: in the Admin console → Directory → Users → the user, check the storage used (Gmail, Drive and Photos share one quota); have the user delete large items or empty Trash, or give them more storage (licence or storage settings).',
      ],
      postfix: [
        'Recipient side: for local mbox/Maildir delivery raise `mailbox_size_limit` (`postconf -e \'mailbox_size_limit = 0\'` removes the limit; default 51200000 bytes) or `virtual_mailbox_limit` for virtual mailboxes, then `postfix reload`.',
        'If the bounce says "Disk quota exceeded" or comes from Dovecot, the limit is the OS quota or Dovecot\'s quota plugin: raise it there.',
      ],
      exim: [
        'Recipient side: raise the `quota` option of the appendfile transport (e.g. `quota = 2G`), or the Dovecot/OS quota if Exim delivers by LMTP, then restart Exim.',
      ],
    },
    references: [REF.rfc3463, REF.gSmtpErrors, REF.pfPostconf],
  },
  {
    id: 'mailbox-limit-exceeded',
    title: 'The message is over a limit of the recipient mailbox',
    summary:
      'The recipient\'s mailbox has a limit of its own — usually the largest message it will accept, sometimes how much mail it accepts in a period — and this message is over it. Smaller messages still get through.',
    reason: 'exceedlimit',
    hard: false,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Send the file as a link, or split it into smaller messages.',
        'If the recipient needs large attachments, their administrator can raise the per-mailbox limit (steps below are for the recipient\'s side).',
      ],
      'exchange-online': [
        'Recipient side: `Get-Mailbox <user> | fl MaxReceiveSize,MaxSendSize`; raise with `Set-Mailbox <user> -MaxReceiveSize 150MB` (150 MB is the Exchange Online maximum).',
      ],
      'exchange-onprem': [
        'Recipient side: `Get-Mailbox <user> | fl MaxReceiveSize`; raise with `Set-Mailbox <user> -MaxReceiveSize 50MB`, and make sure `Get-TransportConfig | fl MaxReceiveSize` and the Receive connector\'s MaxMessageSize are not lower.',
      ],
      'exchange-2003': [
        'Recipient side: in Active Directory Users and Computers open the user → Properties → Exchange General → Delivery Restrictions and raise "Receiving message size".',
      ],
    },
    references: [REF.rfc3463, REF.msOnpremNdr],
  },
  {
    id: 'recipient-not-authorized',
    title: 'The recipient only accepts mail from authenticated or internal senders',
    summary:
      'The recipient — often a distribution group or shared mailbox — is set to accept mail only from people inside its own organisation, so mail from outside is refused. It is a setting on the recipient\'s side, not a fault on yours.',
    reason: 'rejected',
    hard: true,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Ask the recipient\'s administrator to allow external senders for this address, or ask for an address that accepts outside mail.',
        'If the group is in your own organisation and should receive outside mail, use your platform\'s steps.',
      ],
      'exchange-online': [
        'Recipient side: Exchange admin center → Recipients → Groups → the group. A Microsoft 365 group: Settings → "Allow external senders to email this group". A distribution list: Settings → Delivery management → allow senders inside and outside the organisation.',
        'Or in PowerShell: `Set-DistributionGroup <group> -RequireSenderAuthenticationEnabled $false` (Microsoft 365 groups: `Set-UnifiedGroup <group> -RequireSenderAuthenticationEnabled $false`; mailboxes: `Set-Mailbox <user> -RequireSenderAuthenticationEnabled $false`).',
      ],
      'exchange-onprem': [
        'Recipient side: `Set-DistributionGroup <group> -RequireSenderAuthenticationEnabled $false`, or in the EAC: recipients → groups → edit → delivery management → "Senders inside and outside of my organization".',
      ],
      'exchange-2003': [
        'Recipient side: in Active Directory Users and Computers open the group → Properties → Exchange General → Message restrictions and clear "From authenticated users only".',
      ],
      'google-workspace': [
        'Recipient side: Admin console → Directory → Groups → the group → Access settings → "Who can post": include External (anyone on the web).',
      ],
    },
    references: [REF.ms571, REF.rfc3463],
  },
  {
    id: 'recipient-restricted-senders',
    title: 'The recipient (a group or mailbox) accepts mail only from listed senders',
    summary:
      'The recipient accepts mail only from a list of allowed senders (or holds it for a moderator), and you are not on that list. Only the owner or administrator of the recipient can change that.',
    reason: 'policyviolation',
    hard: true,
    actor: 'recipient-admin',
    steps: {
      generic: [
        'Ask the recipient (the owner of the group or mailbox) to add your address to its allowed senders, or to approve your message if it is moderated.',
        'If the group is in your own organisation, use your platform\'s steps.',
      ],
      'exchange-online': [
        'Recipient side: `Get-DistributionGroup <group> | fl AcceptMessagesOnlyFrom*,ModerationEnabled`; add the sender with `Set-DistributionGroup <group> -AcceptMessagesOnlyFromSendersOrMembers @{Add="<sender>"}` (or in the EAC: the group → Settings → delivery management).',
      ],
      'exchange-onprem': [
        'Recipient side: `Get-DistributionGroup <group> | fl AcceptMessagesOnlyFrom*`; add the sender with `Set-DistributionGroup <group> -AcceptMessagesOnlyFromSendersOrMembers @{Add="<sender>"}`.',
      ],
      'exchange-2003': [
        'Recipient side: Active Directory Users and Computers → the group → Properties → Exchange General → Message restrictions → "Only from" → Add the sender (an external sender needs a mail contact).',
      ],
      'google-workspace': [
        'Recipient side: Admin console → Directory → Groups → the group → Access settings: adjust "Who can post" or approve the message in the group\'s moderation queue.',
      ],
    },
    references: [REF.ms571, REF.rfc3463],
  },
];
