/**
 * Which enhanced status code does a report mean? The Status: field, a code in the server's own text
 * and the reply code can disagree; a specific code in the text usually beats a generic field.
 * The rows follow the reasoning of Sisimai's smtp/status/prefer.go (BSD-2-Clause,
 * github.com/sisimai/go-sisimai), written here as an ordered table: the first row that applies decides.
 */

type Pick = 'field' | 'text';

interface PreferRow {
  /** Why this row exists (kept next to the rule so the table documents itself). */
  why: string;
  applies: (field: string, text: string, reply: string) => boolean;
  pick: Pick;
}

const hasZeroSubjectDetail = (code: string) => code.indexOf('.0.0') > 0;
const hasZeroPart = (code: string) => code.indexOf('.0') > 0;

export const PREFER_ROWS: readonly PreferRow[] = [
  {
    why: 'the classes differ and the reply code sides with the field',
    applies: (f, t, r) => r !== '' && f[0] !== t[0] && r[0] === f[0],
    pick: 'field',
  },
  {
    why: 'the classes differ and the reply code sides with the text',
    applies: (f, t, r) => r !== '' && f[0] !== t[0] && r[0] === t[0],
    pick: 'text',
  },
  { why: 'they agree', applies: (f, t) => f === t, pick: 'field' },
  { why: 'the field is X.0.0 and the text is more specific', applies: (f, t) => hasZeroSubjectDetail(f) && !hasZeroSubjectDetail(t), pick: 'text' },
  { why: 'both are X.0.0', applies: (f) => hasZeroSubjectDetail(f), pick: 'field' },
  { why: 'the field is X.Y.0 or X.0.Z and the text has no zero part', applies: (f, t) => hasZeroPart(f) && !hasZeroPart(t), pick: 'text' },
  { why: 'the text code is X.0.0', applies: (_f, t) => hasZeroSubjectDetail(t), pick: 'field' },
  { why: '4.4.7 (expired) hides the real error', applies: (f) => f === '4.4.7', pick: 'text' },
  { why: '4.7.0 often means "too many errors", the text says which', applies: (f) => f === '4.7.0', pick: 'text' },
  { why: '5.3.Z is a catch-all system error', applies: (f) => f.startsWith('5.3.'), pick: 'text' },
  { why: 'X.5.1/X.5.2/X.5.4/X.5.5 are protocol catch-alls', applies: (f) => /^\d\.5\.[1245]$/.test(f), pick: 'text' },
  { why: '5.1.1 stands unless the text is more specific', applies: (f, t) => f === '5.1.1' && (hasZeroPart(t) || t.startsWith('5.5.')), pick: 'field' },
  { why: '5.1.1 in the field, a different specific code in the text', applies: (f) => f === '5.1.1', pick: 'text' },
  { why: '5.1.3 (bad syntax) given for a policy refusal', applies: (f, t) => f === '5.1.3' && t.startsWith('5.7.'), pick: 'text' },
];

/** The preferred status code; '' only when both are empty. */
export function preferStatus(field: string | undefined, text: string | undefined, reply?: string): string {
  const f = field ?? '';
  const t = text ?? '';
  if (!f) return t;
  if (!t) return f;
  if (f.length < 5) return t;
  if (t.length < 5) return f;
  const r = reply ?? '';
  for (const row of PREFER_ROWS) {
    if (row.applies(f, t, r)) return row.pick === 'field' ? f : t;
  }
  return f;
}
