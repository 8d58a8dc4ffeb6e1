/**
 * HTML → text, light: NDR HTML parts are simple tables and paragraphs, and a full HTML parser
 * (html-to-text) costs more than the rest of the parse. Block elements become line breaks,
 * tags go, entities are decoded. Every step is linear in the input (no regex that can rescan a long
 * run of spaces or an unterminated comment), because this runs on whatever users attach.
 */
const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'",
  copy: '©', reg: '®', hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ent.toLowerCase()] ?? whole;
  });
}

/** Remove <!-- … --> comments (an unterminated one runs to the end). */
function dropComments(html: string): string {
  let out = '';
  let from = 0;
  for (let open = html.indexOf('<!--'); open >= 0; open = html.indexOf('<!--', from)) {
    out += html.slice(from, open);
    const close = html.indexOf('-->', open + 4);
    if (close < 0) return out;
    from = close + 3;
  }
  return out + html.slice(from);
}

const SKIPPED_ELEMENT = /<(\/?)(script|style|head|title)\b[^<>]*>/gi;

/** Remove the content of elements that hold no readable text. */
function dropSkippedElements(html: string): string {
  let out = '';
  let last = 0;
  let skipping: string | undefined;
  for (const m of html.matchAll(SKIPPED_ELEMENT)) {
    const name = m[2].toLowerCase();
    if (!skipping && !m[1]) {
      out += html.slice(last, m.index);
      skipping = name;
    } else if (skipping === name && m[1]) {
      skipping = undefined;
      last = (m.index ?? 0) + m[0].length;
    }
  }
  return skipping ? out : out + html.slice(last);
}

export function htmlToText(html: string): string {
  const text = dropSkippedElements(dropComments(html))
    .replace(/[ \t\r\n\f]+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|tr|li|h[1-6]|table|blockquote|pre|ul|ol)\s*>/gi, '\n')
    .replace(/<(?:p|div|tr|table|blockquote|pre|ul|ol)\b[^<>]*>/gi, '\n')
    .replace(/<\/t[dh]\s*>/gi, ' ')
    .replace(/<[^<>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
