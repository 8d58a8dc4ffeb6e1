/**
 * The reader registry: an ordered table. parseReport tries each reader in turn and takes the first
 * whose detect() matches and whose extract() yields recipients. Order matters only where
 * fingerprints overlap: provider-specific readers before MTA-family readers, the long-tail readers
 * (src/parse/text/longtail, owned separately) after ours, and the generic fallback last.
 */
import { amazonses } from './amazonses';
import { exchange2003, exchange2003Fragment } from './exchange2003';
import { exchange2007, office365 } from './exchange';
import { exchangeOnlineTrace, exchangeShell } from './exchange-shell';
import { exim } from './exim';
import { generic } from './generic';
import { gmail, googlegroups, googleLogSearch } from './google';
import { LONGTAIL_READERS } from './longtail';
import { QUEUE_LISTING_READERS } from './mailq';
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
  googleLogSearch,
  office365, // before exchange2007: same layout, Microsoft-hosted
  exchange2007,
  exchange2003,
  exchangeOnlineTrace, // shell and console output: property lines, not a report
  exchangeShell,
  ...QUEUE_LISTING_READERS, // mailq / postqueue -p
  yahoo,
  qmail,
  exim,
  postfix,
  sendmail,
  exchange2003Fragment, // last: a quoted "<host #5.1.1>" inside another system's report belongs to that system
];

export const READERS: readonly TextReader[] = [...CORE_READERS, ...LONGTAIL_READERS, generic];

export type { TextReader } from './types';
