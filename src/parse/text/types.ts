/**
 * Contract between the MIME layer and the per-mail-system text readers.
 * A reader recognises one mail system's report (by headers and body wording) and pulls
 * per-recipient facts out of its human-readable text. Readers are data in a registry:
 * a new mail system is one file and one registry line.
 */
import type { OriginalMessage, RecipientFact, ReportKind, SourceFormat } from '../types';

export interface HeaderView {
  /** First value of a header, unfolded and RFC 2047-decoded; undefined when absent. Names are case-insensitive. */
  get(name: string): string | undefined;
  getAll(name: string): string[];
  has(name: string): boolean;
}

export interface MessageView {
  format: SourceFormat;
  /** The report's own headers (an empty view for pasted text without headers). */
  headers: HeaderView;
  /** Subject of the report, '' when none. */
  subject: string;
  /** From of the report, '' when none. */
  from: string;
  /** Decoded human-readable text of the report with LF line endings (text/plain parts, or HTML turned to text);
   *  excludes the returned original message. For pasted text, the whole paste. */
  body: string;
  /** Text of a message/delivery-status part (or an inline block of DSN fields), when present. */
  deliveryStatus?: string;
  /** Headers of the returned original message, when present. */
  originalHeaders?: HeaderView;
}

export interface Extraction {
  /** Recipients in report order. Fields the text does not give are left undefined. */
  recipients: Partial<RecipientFact>[];
  /** Set when the reader knows better than the generic kind detection (e.g. a delay warning). */
  kind?: ReportKind;
  /** Facts about the original message that only the visible text gives ("Subject:", "Sent:" lines of a pasted NDR). */
  original?: OriginalMessage;
}

export interface TextReader {
  /** Mail-system id, reported as source.mta (e.g. 'postfix', 'exchange2003', 'office365'). */
  id: string;
  /** Human name, e.g. 'Exchange Server 2003'. */
  name: string;
  /** Cheap fingerprint test on headers and the start of the body. */
  detect(view: MessageView): boolean;
  /** Per-recipient facts from the text; undefined when the text does not fit after all. */
  extract(view: MessageView): Extraction | undefined;
}
