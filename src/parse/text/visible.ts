/**
 * What copying does to a report's visible text, undone before the readers see it: browsers and
 * Outlook put non-breaking spaces and curly quotes in the clipboard ("couldn’t", "returned ‘550 …’"),
 * rich-text editors (Slack's among them) turn lines into bullets, chat tools quote a paste with "> "
 * or wrap it in ``` fences. The readers' markers are written in plain ASCII, so one pass here saves
 * every marker an alternative spelling.
 *
 * Linear by construction: single-character classes and literal prefixes, no nested quantifiers.
 */

/** Characters with a plain ASCII stand-in. */
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;
/** Bullets a rich-text editor put at the start of a line ("• ", "◦ ", "▪ "…, nested lists give several),
 *  with the space after each. */
const BULLET = /^([ \t]*)(?:[\u2022\u25e6\u25aa\u25ab\u2023\u2043\u2219\u25cf\u25cb\u25a0\u25a1\u27a2\u25ba][ \t]?)+/gm;
/** A chat blockquote marker at the start of a line. */
const QUOTE_MARK = /^>[ \t]?/;

/** Drop one level of "> " quoting when every non-empty line carries it (a chat blockquote of any length;
 *  the MIME layer already unquotes long forwarded bounces that are mostly quoted). */
function unquoteAll(text: string): string {
  if (!text.startsWith('>') && !text.includes('\n>')) return text;
  const lines = text.split('\n');
  for (const l of lines) if (l.trim() && !QUOTE_MARK.test(l)) return text;
  return lines.map((l) => l.replace(QUOTE_MARK, '')).join('\n');
}

/** Plain-ASCII spaces and quotes, no bullets, no chat quoting, no code fences. */
export function normalizeVisible(text: string): string {
  let out = text;
  // a fence is replaced by a line break so a paste glued to it ("```Your message to …") keeps its first line
  if (out.includes('```')) out = out.replace(/```/g, '\n');
  out = unquoteAll(out);
  if (/[^\x00-\x7f]/.test(out)) {
    out = out.replace(SPACES, ' ').replace(INVISIBLE, '').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(BULLET, '$1');
  }
  return out;
}

/**
 * The subject line Outlook and webmail show above a report, pasted as the first line without its
 * "Subject:" label ("Undeliverable: Board pack"). The words are the ones each system puts in front
 * of the original subject (Exchange in several languages, Postfix, Exim, Sendmail, Gmail).
 */
const SUBJECT_LINE = /^(?:Undeliverable|Undelivered|Unzustellbar|Non remis|Non recapitabile|No se puede entregar|Onbestelbaar|Delivery delayed|Delivery Status Notification|Undelivered Mail Returned to Sender|Mail delivery failed|Returned mail|Warning: could not send message|Delayed Mail|failure notice|Failure Notice)\b[^\n]{0,300}$/;

export function pastedSubjectLine(body: string): string | undefined {
  const start = body.search(/\S/);
  if (start < 0) return undefined;
  const end = body.indexOf('\n', start);
  const first = (end < 0 ? body.slice(start) : body.slice(start, end)).trim();
  return first.length <= 300 && SUBJECT_LINE.test(first) ? first : undefined;
}

/** "Undeliverable: Board pack" → "Board pack": the original's subject, when the prefix says so. */
export function originalSubjectOf(subject: string): string | undefined {
  const m = /^(?:Undeliverable|Unzustellbar|Non remis|Non recapitabile|No se puede entregar|Onbestelbaar|Delivery delayed)\s*:\s*(\S[^\n]*)$/i.exec(subject.trim());
  return m ? m[1].trim() : undefined;
}
