// STUB — owned by the classify helper.
import type { ParsedReport } from '../parse/types';
import type { Diagnosis } from './types';
export function classify(_report: ParsedReport): Diagnosis {
  throw new Error('classify not implemented yet');
}
