// STUB — owned by the parse helper.
import type { RawInput } from '../intake';
import type { ParsedReport } from './types';
export function parseReport(_raw: RawInput): ParsedReport {
  throw new Error('parseReport not implemented yet');
}
