/**
 * Helpers for the parse tests: load a bounce fixture as the bytes a user would give us. Text fixtures
 * start with "# Shape: …" comment lines saying where their shape comes from; those lines are not part
 * of the paste and are removed here.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readInput, type InputOrigin } from '../../src/intake';
import { parseReport } from '../../src/parse';
import type { OriginalMessage, ParsedReport, RecipientFact } from '../../src/parse/types';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'bounces');

export function fixtureBytes(name: string): Buffer {
  const raw = readFileSync(join(FIXTURES, name));
  if (!name.endsWith('.txt')) return raw;
  return Buffer.from(raw.toString('utf8').replace(/^(?:#[^\n]*\n)+/, ''), 'utf8');
}

export type LineEnding = 'LF' | 'CRLF' | 'CR';

export function withLineEndings(bytes: Buffer, ending: LineEnding): Buffer {
  const lf = bytes.toString('latin1').replace(/\r\n?/g, '\n');
  const out = ending === 'LF' ? lf : lf.replace(/\n/g, ending === 'CRLF' ? '\r\n' : '\r');
  return Buffer.from(out, 'latin1');
}

export function parseBytes(bytes: Buffer | string, origin: InputOrigin = 'file'): ParsedReport {
  return parseReport(readInput(bytes, { origin }));
}

export function parseFixture(name: string, ending: LineEnding = 'LF'): ParsedReport {
  return parseBytes(withLineEndings(fixtureBytes(name), ending), name.endsWith('.txt') ? 'paste' : 'file');
}

/** An expected recipient: fact fields to match, and `says`, words its diagnostic must contain. */
export type ExpectedRecipient = Partial<RecipientFact> & { says?: string };

/** The recipients in report order with the expected facts, and the returned original's fields. */
export function expectFacts(
  got: { recipients: readonly Partial<RecipientFact>[]; original?: Partial<OriginalMessage> },
  want: { recipients: readonly ExpectedRecipient[]; original?: Partial<OriginalMessage> },
): void {
  expect(got.recipients).toHaveLength(want.recipients.length);
  want.recipients.forEach((r, i) => {
    const { says, ...fields } = r;
    expect(got.recipients[i]).toMatchObject(fields);
    if (says) expect(got.recipients[i].diagnostic).toContain(says);
  });
  if (want.original) expect(got.original).toMatchObject(want.original);
}
