/**
 * The platform a report suggests the reader runs, from the mail system that wrote it
 * (ParsedReport.source.mta) or the generating server's name. A table, first match wins.
 */
import type { ParsedReport } from '../parse/types';
import type { Platform } from '../kb/types';

const BY_MTA: readonly (readonly [RegExp, Platform])[] = [
  [/^exchange-?200[03]$|^exchange5|^ims$/, 'exchange-2003'],
  [/^exchange(?:-?(?:2007|2010|2013|2016|2019|se|onprem|server))?$/, 'exchange-onprem'],
  [/^(?:office365|outlook|exchange-?online|o365|microsoft365|m365|exo)$/, 'exchange-online'],
  [/^(?:gmail|google|gsuite|googleworkspace|google-workspace|googlegroups)$/, 'google-workspace'],
  [/^postfix$/, 'postfix'],
  [/^exim\d*$/, 'exim'],
  [/^(?:v5)?sendmail$/, 'sendmail'],
];

const BY_HOST: readonly (readonly [RegExp, Platform])[] = [
  [/\.(?:prod|eop-[a-z0-9]+\.prod)\.(?:outlook|protection\.outlook|exchangelabs)\.com$/, 'exchange-online'],
  [/(?:^|\.)(?:google|googlemail)\.com$/, 'google-workspace'],
];

/** The answer for each mail-system name seen (a handful of names recur; the table is static). */
const BY_MTA_SEEN = new Map<string, Platform | undefined>();

function platformOfMta(name: string): Platform | undefined {
  if (BY_MTA_SEEN.has(name)) return BY_MTA_SEEN.get(name);
  const mta = name.toLowerCase().replace(/[\s_]/g, '');
  let found: Platform | undefined;
  if (mta) for (const [re, platform] of BY_MTA) if (re.test(mta)) { found = platform; break; }
  if (BY_MTA_SEEN.size < 256) BY_MTA_SEEN.set(name, found);
  return found;
}

export function platformOf(report: ParsedReport): Platform | undefined {
  const byMta = platformOfMta(report.source.mta ?? '');
  if (byMta) return byMta;
  const host = report.recipients.find((r) => r.reportingMta)?.reportingMta?.toLowerCase();
  if (host) for (const [re, platform] of BY_HOST) if (re.test(host)) return platform;
  return undefined;
}
