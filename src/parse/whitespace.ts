/**
 * Collapsing white space, the most repeated text operation of the engine: a server's words are
 * swept when read, again when the recipient is finished, and again when classified. Text that is
 * already collapsed (the usual case after the first time) is recognised with one scan and returned
 * as it is, instead of being rebuilt by a replace that matches at every single space.
 */

/** White space that `/\s+/g → ' '` would change: any white space but a space, or a space followed by white space. */
const NOT_COLLAPSED = /[^\S ]| \s/;

/** `text.replace(/\s+/g, ' ')`, without the copy when nothing would change. */
export function collapseWhitespace(text: string): string {
  return NOT_COLLAPSED.test(text) ? text.replace(/\s+/g, ' ') : text;
}
