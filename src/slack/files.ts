/**
 * Bounces shared as files (.eml, .txt, an Outlook .msg saved as text): pick the ones worth reading,
 * look them up with files.info when the event carries only an id, and download them with the bot
 * token — bounded in size, and never mistaking Slack's sign-in page for the file.
 * (Missing files:read or a missing Authorization header gets a 302 to an HTML sign-in page;
 * bolt-js issue #2585, slack-notes.md gotcha 6.)
 */
import type { webApi } from '@slack/bolt';
import { ErrorCode, SmtpcheckError } from '../errors';
import { REJECT_FACTOR } from '../intake/limits';
import type { FileRef } from './thread';

/** File names, MIME types and Slack filetypes a bounce arrives as. */
const BOUNCE_EXTENSIONS = /\.(?:eml|txt|msg|text|log|mbox|dsn|ndr)$/i;
const BOUNCE_MIMETYPES = new Set(['message/rfc822', 'message/global', 'text/plain', 'message/delivery-status', 'multipart/report']);
const BOUNCE_FILETYPES = new Set(['email', 'eml', 'text', 'msg']);

export function isBounceCandidate(f: FileRef): boolean {
  if (f.file_access === 'check_file_info' && !f.name) return true; // decide after files.info
  return (f.name !== undefined && BOUNCE_EXTENSIONS.test(f.name))
    || (f.mimetype !== undefined && BOUNCE_MIMETYPES.has(f.mimetype.toLowerCase()))
    || (f.filetype !== undefined && BOUNCE_FILETYPES.has(f.filetype.toLowerCase()));
}

/** A saved email (.eml, Outlook .msg): worth reading even when nobody asked, unlike any .txt. */
export function isEmailFile(f: FileRef): boolean {
  return (f.name !== undefined && /\.(?:eml|msg)$/i.test(f.name)) || (f.mimetype !== undefined && /^message\//i.test(f.mimetype)) || f.filetype === 'email';
}

/** What to tell the person when files.info refuses (Slack's error code → plain words). */
const FILES_INFO_ERRORS: Record<string, string> = {
  file_not_found: 'That file is no longer on Slack (deleted, or shared from somewhere I cannot see). Share it again or paste the bounce text.',
  file_deleted: 'That file was deleted before I could read it. Share it again or paste the bounce text.',
  missing_scope: 'I am not allowed to read files here: the app needs the files:read permission. Ask whoever installed smtpcheck to reinstall it from the manifest.',
  not_allowed_token_type: 'I am not allowed to read files here: the app needs the files:read permission.',
};

/** Full file details; events sometimes carry only `{id, file_access: "check_file_info"}`. */
export async function resolveFile(client: webApi.WebClient, ref: FileRef): Promise<FileRef> {
  if (ref.url_private_download || ref.url_private) return ref;
  try {
    const res = await client.files.info({ file: ref.id });
    return (res.file ?? ref) as FileRef;
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code && FILES_INFO_ERRORS[code]) throw new SmtpcheckError(ErrorCode.BadInput, FILES_INFO_ERRORS[code], { slackError: code });
    throw err;
  }
}

export interface DownloadOptions {
  botToken: string;
  maxBytes: number;
  /** Origins besides Slack's file hosts that may receive the bot token (the configured API base, for tests). */
  extraOrigins?: string[];
  fetchFn?: typeof fetch;
  timeoutMs?: number;
}

const SIGN_IN_PAGE = 'Slack sent its sign-in page instead of the file, so I could not read it. The app needs the files:read permission: ask whoever installed smtpcheck to reinstall it from the manifest.';

/** Only Slack's own file hosts (and the test API's origin) ever see the bot token. */
function tokenMayGoTo(url: URL, extraOrigins: string[]): boolean {
  if (extraOrigins.includes(url.origin)) return true;
  return url.protocol === 'https:' && /(?:^|\.)(?:slack\.com|slack-gov\.com)$/i.test(url.hostname);
}

/**
 * Download a file's bytes. Reads at most `maxBytes + 1` bytes: the intake stage then truncates
 * with a warning, as it does for pastes. Throws SmtpcheckError with a message fit for the user.
 */
export async function downloadFile(file: FileRef, opts: DownloadOptions): Promise<Buffer> {
  const where = file.url_private_download ?? file.url_private;
  if (!where) throw new SmtpcheckError(ErrorCode.BadInput, 'Slack did not say where to download that file. Try sharing it again.');
  const url = new URL(where);
  if (!tokenMayGoTo(url, opts.extraOrigins ?? [])) {
    throw new SmtpcheckError(ErrorCode.BadInput, 'That file is not stored on Slack, so I will not fetch it. Upload the bounce to Slack or paste its text.', { host: url.hostname });
  }
  if (file.size !== undefined && file.size > opts.maxBytes * REJECT_FACTOR) {
    throw new SmtpcheckError(ErrorCode.InputTooLarge, `That file is ${(file.size / 1048576).toFixed(1)} MiB, too large to be a bounce. Share just the bounce (.eml without big attachments) or paste its text.`, { bytes: file.size });
  }
  const res = await (opts.fetchFn ?? fetch)(url, {
    headers: { Authorization: `Bearer ${opts.botToken}` },
    // A redirect here means "sign in": never follow it (and never send the token elsewhere).
    redirect: 'manual',
    signal: AbortSignal.timeout(opts.timeoutMs ?? 15000),
  });
  if (res.status >= 300 && res.status < 400) throw new SmtpcheckError(ErrorCode.BadInput, SIGN_IN_PAGE, { status: res.status });
  if (res.status !== 200) throw new SmtpcheckError(ErrorCode.BadInput, `Slack would not hand over that file (HTTP ${res.status}). Try sharing it again, or paste the bounce text.`, { status: res.status });
  const type = res.headers.get('content-type') ?? '';
  const isHtmlFile = /\.html?$/i.test(file.name ?? '');
  if (/^text\/html/i.test(type) && !isHtmlFile) {
    await res.body?.cancel();
    throw new SmtpcheckError(ErrorCode.BadInput, SIGN_IN_PAGE, { contentType: type });
  }
  return readCapped(res, opts.maxBytes + 1);
}

async function readCapped(res: Response, cap: number): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = Buffer.from(value);
    const room = cap - total;
    chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    total += Math.min(chunk.length, room);
    if (total >= cap) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks, total);
}
