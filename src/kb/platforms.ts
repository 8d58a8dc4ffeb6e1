/**
 * How each platform is named to a user, and what its administrators work in — so an answer can say
 * "in Exchange System Manager" rather than "in your admin tool".
 */
import type { Platform } from './types';

export interface PlatformInfo {
  /** Display name, e.g. "Exchange Server 2007–SE". */
  name: string;
  /** Versions or editions the steps are written for. */
  versions: string;
  /** Where an administrator of this platform makes the changes the steps describe. */
  adminTool: string;
}

export const PLATFORM_INFO: Readonly<Record<Platform, PlatformInfo>> = {
  'exchange-2003': {
    name: 'Exchange Server 2003',
    versions: 'Exchange 2000 and 2003',
    adminTool: 'Exchange System Manager (and Active Directory Users and Computers)',
  },
  'exchange-onprem': {
    name: 'Exchange Server (on-premises)',
    versions: 'Exchange 2007, 2010, 2013, 2016, 2019 and Subscription Edition',
    adminTool: 'Exchange Management Shell, the Exchange admin center (EAC, 2013 and later) and the Exchange Management Console (2007/2010)',
  },
  'exchange-online': {
    name: 'Exchange Online (Microsoft 365)',
    versions: 'Microsoft 365 / Office 365',
    adminTool: 'Exchange admin center, Microsoft Defender portal and Exchange Online PowerShell',
  },
  'google-workspace': {
    name: 'Google Workspace (Gmail)',
    versions: 'Google Workspace editions',
    adminTool: 'Google Admin console (admin.google.com)',
  },
  postfix: {
    name: 'Postfix',
    versions: 'Postfix 3.x',
    adminTool: 'main.cf/master.cf via postconf, with postqueue and postsuper',
  },
  exim: {
    name: 'Exim',
    versions: 'Exim 4 (Debian/Ubuntu exim4 packaging noted where it differs)',
    adminTool: 'the Exim configuration file (Debian: update-exim4.conf) and the exim command line',
  },
  sendmail: {
    name: 'Sendmail',
    versions: 'Sendmail 8.x',
    adminTool: 'sendmail.mc (built into sendmail.cf with m4) and the maps in /etc/mail',
  },
  generic: {
    name: 'Any mail system',
    versions: 'any',
    adminTool: 'your mail system\'s administration tools',
  },
};

/**
 * Which platform a report's writer suggests (ParsedReport.source.mta → Platform). The names follow
 * parse/text's reader ids; unknown writers give undefined so callers fall back to 'generic'.
 */
const MTA_PLATFORM: Readonly<Record<string, Platform>> = {
  exchange2003: 'exchange-2003',
  exchange2000: 'exchange-2003',
  exchange2007: 'exchange-onprem',
  exchange: 'exchange-onprem',
  office365: 'exchange-online',
  exchangeonline: 'exchange-online',
  gmail: 'google-workspace',
  google: 'google-workspace',
  googleworkspace: 'google-workspace',
  postfix: 'postfix',
  exim: 'exim',
  sendmail: 'sendmail',
};

export function platformForMta(mta: string | undefined): Platform | undefined {
  if (!mta) return undefined;
  return MTA_PLATFORM[mta.toLowerCase().replace(/[^a-z0-9]/g, '')];
}
