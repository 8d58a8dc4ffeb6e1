/**
 * What the parse stage extracts from a bounce, before any judgement about causes.
 * Field names follow RFC 3464 where one exists, so a DSN maps onto them one to one.
 */

/** What kind of report a message is. Only bounce and delay carry failures. */
export type ReportKind = 'bounce' | 'delay' | 'delivered' | 'feedback' | 'autoreply' | 'not-a-bounce';

/** How the input reached us: full MIME source, pasted visible text, or a one-line error. */
export type SourceFormat = 'mime' | 'text' | 'line';

/** RFC 3464 Action values. */
export type DsnAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

/** The message that bounced, as far as the report shows it. */
export interface OriginalMessage {
  subject?: string;
  messageId?: string;
  from?: string;
  to?: string[];
  date?: string;
}

/** One recipient's facts, in the words of the report. Nothing here is inferred. */
export interface RecipientFact {
  /** Final-Recipient (address only, lower-cased domain), '' when the report names none. */
  address: string;
  originalRecipient?: string;
  action?: DsnAction;
  /** Enhanced status code, `class.subject.detail` (RFC 3463). */
  status?: string;
  /** Basic SMTP reply code, e.g. '550'. */
  replyCode?: string;
  /** Host that refused or deferred the message (Remote-MTA, or the host named in the text). */
  remoteHost?: string;
  /** IP address of the remote host when the report gives one. */
  remoteIp?: string;
  /** Host that wrote the report (Reporting-MTA / "Generating server"). */
  reportingMta?: string;
  /** SMTP stage of the failure: CONN, EHLO, HELO, STARTTLS, AUTH, MAIL, RCPT, DATA. */
  command?: string;
  /** The server's own words (Diagnostic-Code text or the reply quoted in the body). */
  diagnostic: string;
  /** Diagnostic-Code type, e.g. 'smtp', 'x-unix'. */
  diagnosticType?: string;
  lastAttemptDate?: string;
  willRetryUntil?: string;
  /** Vendor extension fields kept verbatim (X-Postfix-Sender, X-Exim-*, X-Display-Name …). */
  extensions?: Record<string, string>;
}

/** Everything the parse stage produced from one input. */
export interface ParsedReport {
  kind: ReportKind;
  source: {
    format: SourceFormat;
    /** Which mail system wrote the report, e.g. 'postfix', 'exchange2003', 'office365' (see parse/text). */
    mta?: string;
  };
  /** The bounce message's own headers, when the input had them. */
  headers?: { subject?: string; from?: string; date?: string; messageId?: string };
  original?: OriginalMessage;
  /** Recipients in the order the report lists them. */
  recipients: RecipientFact[];
  /** The human-readable part of the report, decoded, for classification context. Bounded in size. */
  text: string;
  /** Problems met while reading (undecodable charset, truncated input …). */
  warnings: string[];
}
