/**
 * Authoritative references the catalogue cites, by short key. Every URL comes from the References list in
 * shared/reference/ndr-facts.md or smtp-probe-notes.md, or was checked against public material with the
 * search tool (postfix.org, exim.org, sendmail.org, support.google.com, learn.microsoft.com pages).
 * RFCs use the rfc-editor.org canonical form. Nothing here is guessed: add a key only with a source.
 */
export const REF = {
  // RFCs
  rfc1870: 'https://www.rfc-editor.org/rfc/rfc1870', // SIZE extension
  rfc3207: 'https://www.rfc-editor.org/rfc/rfc3207', // STARTTLS
  rfc3463: 'https://www.rfc-editor.org/rfc/rfc3463', // enhanced status codes
  rfc3464: 'https://www.rfc-editor.org/rfc/rfc3464', // DSN format
  rfc3834: 'https://www.rfc-editor.org/rfc/rfc3834', // auto-replies
  rfc4954: 'https://www.rfc-editor.org/rfc/rfc4954', // SMTP AUTH
  rfc5248: 'https://www.rfc-editor.org/rfc/rfc5248',
  rfc5321: 'https://www.rfc-editor.org/rfc/rfc5321',
  rfc5322: 'https://www.rfc-editor.org/rfc/rfc5322',
  rfc5965: 'https://www.rfc-editor.org/rfc/rfc5965', // ARF feedback reports
  rfc6376: 'https://www.rfc-editor.org/rfc/rfc6376', // DKIM
  rfc6647: 'https://www.rfc-editor.org/rfc/rfc6647', // greylisting BCP
  rfc7208: 'https://www.rfc-editor.org/rfc/rfc7208', // SPF
  rfc7372: 'https://www.rfc-editor.org/rfc/rfc7372',
  rfc7489: 'https://www.rfc-editor.org/rfc/rfc7489', // DMARC
  rfc7504: 'https://www.rfc-editor.org/rfc/rfc7504',
  rfc7505: 'https://www.rfc-editor.org/rfc/rfc7505', // null MX
  rfc7672: 'https://www.rfc-editor.org/rfc/rfc7672', // DANE for SMTP
  rfc8058: 'https://www.rfc-editor.org/rfc/rfc8058', // one-click unsubscribe
  rfc8460: 'https://www.rfc-editor.org/rfc/rfc8460', // TLS-RPT
  rfc8461: 'https://www.rfc-editor.org/rfc/rfc8461', // MTA-STS

  // Microsoft Learn: Exchange Online NDR pages and cmdlets
  msNdr: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online',
  ms447: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-4-4-7-in-exchange-online',
  ms5350: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-0-350-in-exchange-online',
  ms510: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-1-0-in-exchange-online',
  ms511: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-1-1-through-5-1-20-in-exchange-online',
  ms518: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-1-8-in-exchange-online',
  ms5110: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-1-10-in-exchange-online',
  ms541: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-4-1-in-exchange-online',
  ms546: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-4-6-through-5-4-20-in-exchange-online',
  ms5611: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-6-11-in-exchange-online',
  ms571: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-550-5-7-1-in-exchange-online',
  ms5723: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-23-in-exchange-online',
  ms5757: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-57-in-exchange-online',
  ms5764: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-64-in-exchange-online',
  ms57700: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750',
  ms47500: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-451-4-7-500-699-asxxx-in-exchange-online',
  msQuota: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-for-submission-quota-exceeded-in-exchange-online',
  msPrinters: 'https://learn.microsoft.com/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off',
  msSmtpAuth: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  msFwd: 'https://learn.microsoft.com/defender-office-365/outbound-spam-policies-external-email-forwarding',
  // Tenant Allow/Block List: block entries for domains and addresses also stop outbound mail to them (550 5.7.703)
  msTabl: 'https://learn.microsoft.com/defender-office-365/tenant-allow-block-list-about',
  msTablEmail: 'https://learn.microsoft.com/defender-office-365/tenant-allow-block-list-email-spoof-configure',
  msBlockLists: 'https://learn.microsoft.com/defender-office-365/create-block-sender-lists-in-office-365',
  msOnpremNdr: 'https://learn.microsoft.com/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages',
  msSendConn: 'https://learn.microsoft.com/exchange/mail-flow/connectors/send-connectors',
  msSmartHost: 'https://learn.microsoft.com/exchange/mail-flow/connectors/outbound-smart-host-routing',
  msTlsBlog: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/understanding-email-scenarios-if-tls-versions-cannot-be-agreed/ba-p/2065089',
  msSpf: 'https://learn.microsoft.com/defender-office-365/email-authentication-spf-configure',
  msDkim: 'https://learn.microsoft.com/defender-office-365/email-authentication-dkim-configure',
  msDmarc: 'https://learn.microsoft.com/defender-office-365/email-authentication-dmarc-configure',
  msDelist: 'https://sender.office.com/',
  msConnectivity: 'https://testconnectivity.microsoft.com/',
  psSetSendConnector: 'https://learn.microsoft.com/powershell/module/exchange/set-sendconnector',
  psSetOutboundConnector: 'https://learn.microsoft.com/powershell/module/exchange/set-outboundconnector',
  psSetInboundConnector: 'https://learn.microsoft.com/powershell/module/exchange/set-inboundconnector',
  psValidateOutboundConnector: 'https://learn.microsoft.com/powershell/module/exchange/validate-outboundconnector',
  psSetTransportService: 'https://learn.microsoft.com/powershell/module/exchange/set-transportservice',
  psRetryQueue: 'https://learn.microsoft.com/powershell/module/exchange/retry-queue',
  psSetHostedOutboundSpamFilterPolicy: 'https://learn.microsoft.com/powershell/module/exchange/set-hostedoutboundspamfilterpolicy',
  psGetTablItems: 'https://learn.microsoft.com/powershell/module/exchange/get-tenantallowblocklistitems',
  psRemoveTablItems: 'https://learn.microsoft.com/powershell/module/exchange/remove-tenantallowblocklistitems',
  kb329061: 'https://mskb.pkisolutions.com/kb/329061', // Exchange 2003: TLS ticked on a connector for all domains
  msExchTls: 'https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration', // Exchange Server TLS configuration best practices
  kb3029667: 'https://support.microsoft.com/topic/smtp-is-not-transported-over-tls-1-1-or-tls-1-2-protocol-in-an-exchange-server-2010-environment-3fcc404a-012b-fc59-e8fc-c396fece971b', // Exchange 2010 SP3 RU9: SMTP beyond TLS 1.0
  azurePort25: 'https://learn.microsoft.com/azure/virtual-network/troubleshoot-outbound-smtp-connectivity',
  olcPostmaster: 'https://substrate.office.com/ip-domain-management-snds/Postmaster/Troubleshooting',
  olc515: 'https://support.microsoft.com/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef',

  // Google
  gSmtpErrors: 'https://support.google.com/a/answer/3726730',
  gSenderGuidelines: 'https://support.google.com/mail/answer/81126',
  gSenderFaq: 'https://support.google.com/a/answer/14229414',
  gRelay: 'https://support.google.com/a/answer/6140680',
  gRelaySetup: 'https://support.google.com/a/answer/2956491',
  gForwarding: 'https://support.google.com/mail/answer/175365',
  gDkim: 'https://support.google.com/a/answer/174124',
  gSpf: 'https://support.google.com/a/answer/33786',
  gDmarc: 'https://support.google.com/a/answer/2466580',
  gMxValues: 'https://support.google.com/a/answer/174125',
  gPostmasterTools: 'https://support.google.com/mail/answer/9981691',
  gcePort25: 'https://cloud.google.com/compute/docs/tutorials/sending-mail',

  // Yahoo
  yErrors: 'https://senders.yahooinc.com/smtp-error-codes/',
  yBestPractices: 'https://senders.yahooinc.com/best-practices/',

  // Postfix
  pfPostconf: 'https://www.postfix.org/postconf.5.html',
  pfSasl: 'https://www.postfix.org/SASL_README.html',
  pfTls: 'https://www.postfix.org/TLS_README.html',
  pfPostqueue: 'https://www.postfix.org/postqueue.1.html',
  pfPostscreen: 'https://www.postfix.org/postscreen.8.html',
  pfMaillog: 'https://www.postfix.org/MAILLOG_README.html',
  pfSmuggling: 'https://www.postfix.org/smtp-smuggling.html',

  // Exim
  eximSmtpTransport: 'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-the_smtp_transport.html',
  eximAuth: 'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-smtp_authentication.html',
  eximCommandLine: 'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-the_exim_command_line.html',

  // Sendmail
  sendmailAuth: 'https://www.sendmail.org/~ca/email/auth.html',

  // Blocklists, clouds, services
  spamhausLookup: 'https://check.spamhaus.org/',
  spamhausZones: 'https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html',
  spamhausResolverErrors: 'https://www.spamhaus.org/news/article/788/',
  awsPort25: 'https://repost.aws/knowledge-center/ec2-port-25-throttle',
  sesErrors: 'https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-error-messages.html',
  sesQuota: 'https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html',
  sisimai: 'https://github.com/sisimai/p5-sisimai',
} as const;
