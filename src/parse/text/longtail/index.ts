/**
 * Long-tail mail-system readers, in the order the registry should try them (after the readers for the
 * major systems). Where fingerprints overlap the more specific reader comes first: vendor readers that
 * reuse a common MTA's text (Zimbra, Proofpoint, Sophos on Postfix/Sendmail/Exim) come before the
 * unnamed shapes, and GMX before 1&1 (same frame, GMX is recognised by its headers).
 *
 * LONGTAIL_PRIORITY_READERS is the subset whose fingerprint is a vendor's mark on top of a major MTA's
 * text (a Zimbra or pphosted.com host over Postfix/Sendmail wording, GMX headers over Exim-like text,
 * the boxed X3 report that shares Gmail's old sentence, IronPort's text that Amazon SES once reused).
 * Registered before the major readers they stay specific; after them the major reader answers first
 * and the vendor is lost (facts are the same, the platform advice is not).
 */
import type { TextReader } from '../types';
import { activehunterReader } from './activehunter';
import { amavisReader } from './amavis';
import { amazonworkmailReader } from './amazonworkmail';
import { aolReader } from './aol';
import { apachejamesReader } from './apachejames';
import { barracudaReader } from './barracuda';
import { bigfootReader } from './bigfoot';
import { biglobeReader } from './biglobe';
import { courierReader } from './courier';
import { dominoReader } from './domino';
import { dragonflyReader } from './dragonfly';
import { einsundeinsReader } from './einsundeins';
import { ezwebReader } from './ezweb';
import { facebookReader } from './facebook';
import { fmlReader } from './fml';
import { gmxReader } from './gmx';
import { imailserverReader } from './imailserver';
import { ironportReader } from './ironport';
import { kddiReader } from './kddi';
import { kerioReader } from './kerio';
import { mailfoundryReader } from './mailfoundry';
import { mailmarshalReader } from './mailmarshal';
import { mcafeeReader } from './mcafee';
import { mdaemonReader } from './mdaemon';
import { messagelabsReader } from './messagelabs';
import { messagingserverReader } from './messagingserver';
import { mfilterReader } from './mfilter';
import { mimecastReader } from './mimecast';
import { mtanoticeReader } from './mtanotice';
import { mxlogicReader } from './mxlogic';
import { notesReader } from './notes';
import { opensmtpdReader } from './opensmtpd';
import { powermtaReader } from './powermta';
import { proofpointReader } from './proofpoint';
import { qmailcloneReader } from './qmailclone';
import { receivingsesReader } from './receivingses';
import { smailReader, telekomReader } from './smail';
import { sendgridReader } from './sendgrid';
import { sophosReader } from './sophos';
import { surfcontrolReader } from './surfcontrol';
import { trendmicroReader } from './trendmicro';
import { verizonReader } from './verizon';
import { x1Reader } from './x1';
import { x3Reader } from './x3';
import { x6Reader } from './x6';
import { yandexReader } from './yandex';
import { zimbraReader } from './zimbra';
import { zohoReader } from './zoho';

/** Vendor marks over a major MTA's text; none of them matched any other family in the public corpus. */
export const LONGTAIL_PRIORITY_READERS: TextReader[] = [
  x3Reader,
  ironportReader,
  amazonworkmailReader,
  dragonflyReader,
  gmxReader,
  einsundeinsReader,
  mxlogicReader,
  sendgridReader,
  yandexReader,
  zimbraReader,
  proofpointReader,
  sophosReader,
  bigfootReader,
  activehunterReader,
];

export const LONGTAIL_READERS: TextReader[] = [
  // Recognised by their own headers or wording first.
  dragonflyReader,
  courierReader,
  dominoReader,
  notesReader,
  imailserverReader,
  mcafeeReader,
  mfilterReader,
  mxlogicReader,
  surfcontrolReader,
  trendmicroReader,
  mdaemonReader,
  kerioReader,
  ironportReader,
  mimecastReader,
  messagelabsReader,
  barracudaReader,
  amavisReader,
  activehunterReader,
  mailfoundryReader,
  mailmarshalReader,
  facebookReader,
  aolReader,
  ezwebReader,
  kddiReader,
  biglobeReader,
  bigfootReader,
  fmlReader,
  gmxReader,
  einsundeinsReader,
  yandexReader,
  zohoReader,
  powermtaReader,
  sendgridReader,
  amazonworkmailReader,
  receivingsesReader,
  verizonReader,
  apachejamesReader,
  opensmtpdReader,
  telekomReader,
  smailReader,
  messagingserverReader,
  // Vendors that write a common MTA's text: after the readers above, before the unnamed shapes.
  zimbraReader,
  proofpointReader,
  sophosReader,
  // Unnamed MTAs known only by their text.
  x1Reader,
  x3Reader,
  x6Reader,
  mtanoticeReader,
  qmailcloneReader,
];
