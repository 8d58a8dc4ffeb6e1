/**
 * Undo what Slack does to a pasted bounce before we read it: Slack wraps links and addresses in
 * <…|…> markup, escapes & < > as entities, and users paste inside ``` code fences.
 * See Slack's "Formatting text for app surfaces" (message text escaping) and ../shared/reference/slack-notes.md.
 */

/** One rule per kind of Slack markup; the first capture-aware replacement wins. */
const MARKUP_RULES: { pattern: RegExp; replace: (inner: string, label: string | undefined) => string }[] = [
  // <mailto:a@b|a@b> → a@b (the address, not the label, which Slack may shorten)
  { pattern: /^mailto:/i, replace: (inner) => inner.replace(/^mailto:/i, '') },
  // <#C123|general> → #general
  { pattern: /^#/, replace: (inner, label) => (label ? `#${label}` : inner) },
  // <@U123> / <@U123|name> → @name or @U123
  { pattern: /^@/, replace: (inner, label) => (label ? `@${label}` : inner) },
  // <!here>, <!subteam^S1|@team>, <!date^…|fallback> → readable fallback
  { pattern: /^!/, replace: (inner, label) => label ?? `@${inner.slice(1)}` },
  // <http://x|label> and <http://x> → http://x. Slack also auto-links bare host names
  // (<http://mx.example.com|mx.example.com>): then the label is what the user typed, so keep it.
  { pattern: /^[a-z][a-z0-9+.-]*:/i, replace: (inner, label) => (label && isAutoLink(inner, label) ? label : inner) },
];

function isAutoLink(url: string, label: string): boolean {
  const bare = url.replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/i, '').replace(/\/$/, '');
  return bare.toLowerCase() === label.replace(/\/$/, '').toLowerCase();
}

function unwrapMarkup(text: string): string {
  return text.replace(/<([^<>\s|][^<>|]*)(?:\|([^<>]*))?>/g, (whole, inner: string, label: string | undefined) => {
    for (const rule of MARKUP_RULES) {
      if (rule.pattern.test(inner)) return rule.replace(inner, label);
    }
    return whole;
  });
}

function decodeEntities(text: string): string {
  // &amp; last, so "&amp;lt;" (a literal "&lt;" typed by the user) stays "&lt;". Slack itself escapes only
  // & < >; the others come from bridges and clients that paste HTML-escaped text.
  if (!text.includes('&')) return text;
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
}

/** Slack's ">>>" quotes everything after it (mrkdwn); a Sendmail transcript line ">>> RCPT To:" is not a quote. */
function stripBlockQuoteStart(text: string): string {
  const m = /^(?:>>>|&gt;&gt;&gt;)[ \t]*(?:\r?\n)?/.exec(text);
  if (!m || /^(?:RCPT|MAIL|DATA|EHLO|HELO|QUIT|STARTTLS|AUTH|RSET|BDAT)\b/i.test(text.slice(m[0].length))) return text;
  return text.slice(m[0].length);
}

/** Remove ``` fences wherever they sit: users wrap the bounce in them, often with no line break
 *  ("```Reporting-MTA: …"), so a fence is replaced by a line break and nothing after it is eaten. */
function stripCodeFences(text: string): string {
  // starts with the literal fence: a pattern that starts with [ \t]* would rescan long runs of spaces
  return text.replace(/```(?:[ \t]*\r?\n)?/g, '\n');
}

export function unescapeSlack(text: string): string {
  return decodeEntities(unwrapMarkup(stripBlockQuoteStart(stripCodeFences(text)))).replace(/^\n+/, '');
}
