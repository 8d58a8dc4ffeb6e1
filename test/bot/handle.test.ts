import { commandFromText, handleCommand, initialState, restoreState } from '../../src/bot/handle';
import type { BotReply, ConversationState, HandleDeps } from '../../src/bot/types';
import { ErrorCode, SmtpcheckError } from '../../src/errors';
import { AUTH_LINE, F, fakeEngine, report, userUnknownDiagnosis, type FakeEngine } from './fakes';

function deps(engine: FakeEngine, memory: { bounce?: string } = {}): HandleDeps {
  return { engine, recallBounce: async () => memory.bounce };
}

function expectKind<K extends BotReply['kind']>(reply: BotReply, kind: K): Extract<BotReply, { kind: K }> {
  expect(reply.kind).toBe(kind);
  return reply as Extract<BotReply, { kind: K }>;
}

describe('commandFromText', () => {
  const engine = fakeEngine();
  it('reads one line as a command when it is one', () => {
    expect(commandFromText('probe example.com --port 587', engine)).toEqual({ kind: 'probe', target: 'example.com', port: 587, rcpt: undefined, transcript: false });
    expect(commandFromText('platform ex2003', engine)).toEqual({ kind: 'platform', platform: 'exchange-2003' });
    expect(commandFromText('  recheck ', engine)).toEqual({ kind: 'recheck' });
  });

  it('keeps a usage error for a known verb with bad arguments', () => {
    expect(commandFromText('platform lotus-notes', engine).kind).toBe('usage');
    expect(commandFromText('probe', engine).kind).toBe('usage');
  });

  it('reads a single queue error line that looks like a bounce as a bounce', () => {
    expect(commandFromText(AUTH_LINE, engine)).toEqual({ kind: 'diagnose', text: AUTH_LINE });
  });

  it('calls other single lines unknown rather than a probe usage error', () => {
    expect(commandFromText('hello there, can you help', engine)).toEqual({ kind: 'unknown', text: 'hello there, can you help' });
  });

  it('reads several lines as a pasted bounce, even when the first line looks like an address', () => {
    const paste = 'someone@example.com\nCould not deliver the message in the time limit specified.\n(server.contoso.com #4.4.7)';
    expect(commandFromText(paste, engine)).toEqual({ kind: 'diagnose', text: paste });
  });
});

describe('handleCommand', () => {
  it('diagnoses a paste with the platform the report suggests and remembers its causes', async () => {
    const engine = fakeEngine();
    const reply = expectKind(await handleCommand({ kind: 'diagnose', text: AUTH_LINE }, initialState(), deps(engine)), 'diagnosis');
    expect(reply.platform).toBe('exchange-2003');
    expect(reply.platformSource).toBe('report');
    expect(reply.otherPlatforms).toEqual(expect.arrayContaining(['exchange-onprem', 'postfix']));
    expect(reply.otherPlatforms).not.toContain('exchange-2003');
    expect(reply.otherPlatforms).not.toContain('generic');
    // No platform chosen by the user: explain takes the report's own.
    expect(engine.calls.explainPlatforms).toEqual([undefined]);
    expect(reply.explanation.causes[0].steps.join('\n')).toMatch(/Outbound Security, select Anonymous access/);
    expect(reply.suggestedProbe).toMatchObject({ target: 'mx.example.com' });
    expect(reply.state.diagnosis).toEqual({ kind: 'bounce', causes: ['outbound-auth-mismatch'], suggestedProbe: { target: 'mx.example.com' } });
  });

  it('uses the platform chosen earlier in the conversation over the report\'s', async () => {
    const engine = fakeEngine();
    const reply = expectKind(await handleCommand({ kind: 'diagnose', text: AUTH_LINE }, { v: 1, platform: 'postfix' }, deps(engine)), 'diagnosis');
    expect(reply.platform).toBe('postfix');
    expect(reply.platformSource).toBe('chosen');
  });

  it('re-explains the conversation\'s bounce for another platform', async () => {
    const engine = fakeEngine();
    const memory = { bounce: AUTH_LINE };
    const first = await handleCommand({ kind: 'diagnose', text: AUTH_LINE }, initialState(), deps(engine, memory));
    const second = expectKind(await handleCommand({ kind: 'platform', platform: 'exchange-onprem' }, first.state, deps(engine, memory)), 'diagnosis');
    expect(second.trigger).toBe('platform');
    expect(second.platform).toBe('exchange-onprem');
    expect(second.otherPlatforms).toContain('exchange-2003');
    expect(second.state.platform).toBe('exchange-onprem');
    expect(engine.calls.explainPlatforms).toEqual([undefined, 'exchange-onprem']);
    expect(second.explanation.causes[0].steps.join('\n')).toMatch(/SmartHostAuthMechanism None/);
    expect(second.explanation.causes[0].steps.join('\n')).not.toMatch(/Outbound Security/);
  });

  it('only records the platform when there is no bounce yet', async () => {
    const reply = expectKind(await handleCommand({ kind: 'platform', platform: 'exim' }, initialState(), deps(fakeEngine())), 'notice');
    expect(reply.message).toMatch(/Exim/);
    expect(reply.state.platform).toBe('exim');
  });

  it('shows every fact for details, and says what to do when there is no bounce', async () => {
    const engine = fakeEngine();
    const memory = { bounce: '550 5.1.1 user unknown' };
    const first = await handleCommand({ kind: 'diagnose', text: memory.bounce }, initialState(), deps(engine, memory));
    const details = expectKind(await handleCommand({ kind: 'details' }, first.state, deps(engine, memory)), 'details');
    expect(details.diagnosis).toEqual(userUnknownDiagnosis());
    expect(expectKind(await handleCommand({ kind: 'details' }, initialState(), deps(engine)), 'notice').message).toMatch(/paste/i);
  });

  it('answers text that is not a bounce with a friendly reply and keeps the state', async () => {
    const state: ConversationState = { v: 1, platform: 'postfix' };
    const reply = expectKind(await handleCommand({ kind: 'diagnose', text: 'lunch at noon?\nsee you' }, state, deps(fakeEngine())), 'not-understood');
    expect(reply.why).toBe('not-a-bounce');
    expect(reply.state).toBe(state);
    const unknown = expectKind(await handleCommand({ kind: 'unknown', text: 'hi' }, state, deps(fakeEngine())), 'not-understood');
    expect(unknown.message).toMatch(/help/);
  });

  it('turns input errors into an error reply with the engine\'s message', async () => {
    const reply = expectKind(await handleCommand({ kind: 'diagnose', text: 'BINARY' }, initialState(), deps(fakeEngine())), 'error');
    expect(reply.code).toBe(ErrorCode.BinaryInput);
    expect(reply.message).toMatch(/binary/);
  });

  it('turns a refused target into an error reply, and a crash into a safe generic one', async () => {
    const engine = fakeEngine();
    engine.probe = async () => { throw new SmtpcheckError(ErrorCode.TargetRefused, 'example.internal resolves to a private address; smtpcheck does not probe those.'); };
    const refused = expectKind(await handleCommand({ kind: 'probe', target: 'example.internal', transcript: false }, initialState(), deps(engine)), 'error');
    expect(refused.code).toBe(ErrorCode.TargetRefused);
    engine.probe = async () => { throw new TypeError('cannot read properties of undefined (secret internals)'); };
    const logged: unknown[] = [];
    const crash = expectKind(await handleCommand({ kind: 'probe', target: 'example.com', transcript: false }, initialState(), {
      ...deps(engine), logger: { debug() {}, info() {}, warn() {}, error: (m, f) => logged.push([m, f]) },
    }), 'error');
    expect(crash.code).toBe(ErrorCode.Internal);
    expect(crash.message).not.toMatch(/secret internals/);
    expect(logged).toHaveLength(1);
  });

  it('probes, then rechecks the same target and says what changed', async () => {
    const engine = fakeEngine([report([F.mxOk, F.tlsFail]), report([F.mxOk, { ...F.tlsFail, outcome: 'pass', title: 'STARTTLS works' }])]);
    const first = expectKind(await handleCommand({ kind: 'probe', target: 'example.com', port: 25, transcript: false }, initialState(), deps(engine)), 'probe');
    expect(first.comparedTo).toBeUndefined();
    expect(first.state.probe).toMatchObject({ target: 'example.com', port: 25, outcome: 'fail' });
    const stored = JSON.parse(JSON.stringify(first.state));
    const second = expectKind(await handleCommand({ kind: 'recheck' }, stored, deps(engine)), 'probe');
    expect(second.trigger).toBe('recheck');
    expect(engine.calls.probes.map((p) => [p.target, p.opts.port])).toEqual([['example.com', 25], ['example.com', 25]]);
    expect(second.comparedTo?.outcome).toBe('fail');
    expect(second.comparedTo?.changes).toEqual([{ change: 'changed', id: 'starttls-failed', host: F.tlsFail.host, title: 'STARTTLS works', before: 'fail', after: 'pass' }]);
    expect(second.state.probe?.outcome).toBe('pass');
  });

  it('says whether a probe confirms the conversation\'s diagnosis', async () => {
    const noAuth = { id: 'auth-not-offered', outcome: 'pass' as const, title: 'No SMTP AUTH offered', host: F.authNone.host, evidence: 'EHLO: PIPELINING, STARTTLS' };
    const engine = fakeEngine([report([F.mxOk, noAuth], { target: 'mx.example.com', kind: 'host' })]);
    const memory = { bounce: AUTH_LINE };
    const diagnosed = await handleCommand({ kind: 'diagnose', text: AUTH_LINE }, initialState(), deps(engine, memory));
    const probed = expectKind(await handleCommand({ kind: 'recheck' }, diagnosed.state, deps(engine, memory)), 'probe');
    expect(engine.calls.probes[0].target).toBe('mx.example.com');
    expect(probed.evidence).toMatchObject({ verdict: 'confirmed', cause: 'outbound-auth-mismatch' });
    expect(probed.evidence?.line).toMatch(/no AUTH/);
    // Without a diagnosis in the conversation there is nothing to confirm.
    const alone = expectKind(await handleCommand({ kind: 'probe', target: 'mx.example.com', transcript: false }, initialState(), deps(engine, memory)), 'probe');
    expect(alone.evidence).toBeUndefined();
  });

  it('compares a new probe only with an earlier run of the same probe', async () => {
    const engine = fakeEngine([report([F.tlsFail])]);
    const first = await handleCommand({ kind: 'probe', target: 'example.com', transcript: false }, initialState(), deps(engine));
    const other = expectKind(await handleCommand({ kind: 'probe', target: 'example.org', transcript: false }, first.state, deps(engine)), 'probe');
    expect(other.comparedTo).toBeUndefined();
    const again = expectKind(await handleCommand({ kind: 'probe', target: 'example.org', transcript: true }, other.state, deps(engine)), 'probe');
    expect(again.comparedTo?.changes).toEqual([]);
    expect(again.showTranscript).toBe(true);
  });

  it('rechecks the probe a diagnosis suggested when nothing was probed yet, and otherwise says what to do', async () => {
    const engine = fakeEngine();
    const diagnosed = await handleCommand({ kind: 'diagnose', text: AUTH_LINE }, initialState(), deps(engine));
    expectKind(await handleCommand({ kind: 'recheck' }, diagnosed.state, deps(engine)), 'probe');
    expect(engine.calls.probes[0].target).toBe('mx.example.com');
    expect(expectKind(await handleCommand({ kind: 'recheck' }, initialState(), deps(engine)), 'notice').message).toMatch(/probe/);
  });

  it('shows the kept transcript of the last probe, or runs the probe again when none was kept', async () => {
    const engine = fakeEngine();
    const probed = expectKind(await handleCommand({ kind: 'probe', target: 'example.com', transcript: false }, initialState(), deps(engine)), 'probe');
    const kept = expectKind(await handleCommand({ kind: 'transcript' }, probed.state, { engine, recallProbe: async () => probed.report }), 'transcript');
    expect(kept.rerun).toBe(false);
    expect(kept.hosts[0]).toEqual({ label: 'mx.example.com[192.0.2.10]:25', lines: probed.report.hosts[0].transcript });
    expect(kept.dns[0]).toMatchObject({ type: 'MX' });
    expect(engine.calls.probes).toHaveLength(1);
    const rerun = expectKind(await handleCommand({ kind: 'transcript' }, probed.state, { engine }), 'transcript');
    expect(rerun.rerun).toBe(true);
    expect(engine.calls.probes).toHaveLength(2);
    expect(expectKind(await handleCommand({ kind: 'transcript' }, initialState(), { engine }), 'notice').message).toMatch(/No probe/);
  });

  it('passes the cancel signal to the probe and reports a cancelled probe as such', async () => {
    const engine = fakeEngine();
    const controller = new AbortController();
    engine.probe = async (_t, opts) => {
      controller.abort();
      expect(opts.signal).toBe(controller.signal);
      throw new Error('aborted');
    };
    const reply = expectKind(await handleCommand({ kind: 'probe', target: 'example.com', transcript: false }, initialState(), { engine, signal: controller.signal }), 'error');
    expect(reply.message).toMatch(/cancelled/);
  });

  it('answers help and empty input with the command list, and usage with its message', async () => {
    const help = expectKind(await handleCommand({ kind: 'help' }, initialState(), deps(fakeEngine())), 'help');
    expect(help.commands.map((c) => c.usage.split(' ')[0])).toEqual(expect.arrayContaining(['probe', 'recheck', 'transcript', 'platform', 'details']));
    expect((await handleCommand({ kind: 'empty' }, initialState(), deps(fakeEngine()))).kind).toBe('help');
    expect(expectKind(await handleCommand({ kind: 'usage', message: 'Usage: x' }, initialState(), deps(fakeEngine())), 'usage').message).toBe('Usage: x');
  });

  it('keeps the conversation state small enough for Slack message metadata', async () => {
    const engine = fakeEngine();
    const memory = { bounce: AUTH_LINE };
    let state = (await handleCommand({ kind: 'diagnose', text: AUTH_LINE }, initialState(), deps(engine, memory))).state;
    state = (await handleCommand({ kind: 'platform', platform: 'exchange-onprem' }, state, deps(engine, memory))).state;
    state = (await handleCommand({ kind: 'probe', target: 'user@example.com', rcpt: 'user@example.com', transcript: false }, state, deps(engine, memory))).state;
    expect(Buffer.byteLength(JSON.stringify(state))).toBeLessThan(2048);
    expect(restoreState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});

describe('restoreState', () => {
  it('starts afresh from anything that is not a state of ours', () => {
    expect(restoreState(undefined)).toEqual({ v: 1 });
    expect(restoreState({ v: 2, platform: 'postfix' })).toEqual({ v: 1 });
    expect(restoreState({ v: 1, platform: 'lotus', probe: { target: 3 } })).toEqual({ v: 1 });
  });
});
