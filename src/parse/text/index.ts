/**
 * The reader registry: an ordered table. parseReport tries each reader in turn and takes the first
 * whose detect() matches and whose extract() yields recipients. Order matters only where
 * fingerprints overlap: provider-specific readers before MTA-family readers, the long-tail readers
 * (src/parse/text/longtail, owned separately) after ours, and the generic fallback last.
 */
import { amazonses } from './amazonses';
import { exchange2003 } from './exchange2003';
import { exchange2007, office365 } from './exchange';
import { exim } from './exim';
import { generic } from './generic';
import { gmail, googlegroups } from './google';
import { LONGTAIL_READERS } from './longtail';
import { postfix } from './postfix';
import { qmail } from './qmail';
import { sendmail } from './sendmail';
import type { TextReader } from './types';
import { yahoo } from './yahoo';

/** Readers for the major mail systems, most specific first. */
export const CORE_READERS: readonly TextReader[] = [
  amazonses, // JSON notifications and SES DSN wording
  googlegroups, // before gmail: same sender, different report
  gmail,
  office365, // before exchange2007: same layout, Microsoft-hosted
  exchange2007,
  exchange2003,
  yahoo,
  qmail,
  exim,
  postfix,
  sendmail,
];

export const READERS: readonly TextReader[] = [...CORE_READERS, ...LONGTAIL_READERS, generic];

export type { TextReader } from './types';
