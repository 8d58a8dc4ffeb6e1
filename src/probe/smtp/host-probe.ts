/**
 * Session facts → the HostProbe record (the JSON a user or another stage sees).
 */
import type { HostProbe } from '../types';
import type { SessionFacts } from './facts';
import { toSmtpSteps } from './steps';
import type { Transcript } from './transcript';

export function buildHostProbe(f: SessionFacts, transcript: Transcript): HostProbe {
  const host: HostProbe = {
    name: f.target.name,
    ip: f.target.ip,
    port: f.target.port,
    mode: f.mode,
    steps: toSmtpSteps(f.steps, { ms: f.connect.ms, ok: f.connect.ok }),
    ehlo: {},
    auth: {},
    transcript: transcript.lines(),
  };
  const banner = f.steps.find((s) => s.step === 'banner' && s.answered);
  if (banner?.reply) host.banner = banner.reply;
  if (f.ehloBefore) {
    host.ehlo.before = f.ehloBefore.extensions;
    host.auth.before = f.ehloBefore.auth;
  }
  if (f.ehloAfter) {
    host.ehlo.after = f.ehloAfter.extensions;
    host.auth.after = f.ehloAfter.auth;
  }
  const size = f.ehloAfter?.size ?? f.ehloBefore?.size;
  if (size !== undefined) host.size = size;
  if (f.tls || f.legacy?.protocol) {
    host.tls = { ...(f.tls?.protocol ? { protocol: f.tls.protocol } : {}), ...(f.tls?.cipher ? { cipher: f.tls.cipher } : {}) };
    if (f.tls?.cert) host.tls.cert = f.tls.cert;
    if (f.legacy?.protocol) host.tls.legacyProtocol = f.legacy.protocol;
  }
  if (!f.connect.ok) {
    host.error = { code: f.connect.errorCode, message: f.connect.errorMessage ?? 'connection failed', command: 'CONNECT' };
  } else if (f.failure) {
    host.error = { code: f.error?.code ?? f.failure.kind, message: transcript.scrub(f.failure.evidence) };
    if (f.error?.command) host.error.command = f.error.command;
    if (f.error?.response) host.error.response = transcript.scrub(f.error.response);
  }
  return host;
}
