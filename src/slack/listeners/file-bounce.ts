/**
 * A bounce shared as a file, from a channel message or the message shortcut: look it up, download it
 * with the bot token (size-limited, no sign-in pages), and answer in the message's thread like a paste.
 */
import { SmtpcheckError } from '../../errors';
import { renderError } from '../../render/blockkit';
import type { AuditFields } from '../audit';
import { takeTurn, type Bot } from '../conversation';
import { downloadFile, isBounceCandidate, isEmailFile, resolveFile } from '../files';
import { tellPrivately, type Place } from '../post';
import { latestEnvelope, type FileRef, type Thread } from '../thread';

export interface SharedFile {
  /** The message the file is on. */
  ts: string;
  ref: FileRef;
  /** Someone asked the bot (DM, mention, shortcut): answer even when it turns out not to be a bounce. */
  addressed: boolean;
  /** The thread the message is in, when it is a reply. */
  thread?: Thread;
}

export async function answerFile(bot: Bot, place: Place, f: SharedFile, fields: AuditFields): Promise<void> {
  let bytes: Buffer;
  let fileId = f.ref.id;
  let emailFile = false;
  try {
    const file = await resolveFile(place.client, f.ref);
    fileId = file.id;
    if (!isBounceCandidate(file)) { fields.outcome = 'ignored'; return; }
    emailFile = isEmailFile(file);
    bytes = await downloadFile(file, { botToken: bot.config.slack!.botToken, maxBytes: bot.config.maxInputBytes, extraOrigins: bot.fileOrigins });
  } catch (err) {
    if (!(err instanceof SmtpcheckError)) throw err;
    await tellPrivately(place, renderError(err.message));
    fields.outcome = 'private';
    fields.reply = 'error';
    return;
  }
  const text = bytes.toString('latin1');
  // An unaddressed .txt that is not a bounce is just a file someone shared; a saved email is always read.
  if (!f.addressed && !emailFile && !bot.engines.text.looksLikeBounce(text)) { fields.outcome = 'ignored'; return; }
  const current = f.thread ? latestEnvelope(f.thread, bot.me) : undefined;
  const result = await takeTurn(bot, place, { kind: 'diagnose', text }, {
    ...(current ? { envelope: current.envelope } : {}),
    input: 'file-bytes-as-latin1',
    newSource: { ts: f.ts, file: fileId },
    reactTo: f.ts,
    silentIfNotBounce: !f.addressed,
  });
  fields.reply = result.reply.kind;
  fields.outcome = result.delivered;
}
