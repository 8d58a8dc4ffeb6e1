/**
 * What copying and chat tools do to a paste must not change what we read from it. Each plain pasted
 * fixture is mangled the ways users' clipboards and Slack mangle text — curly quotes, non-breaking
 * spaces, tabs turned into spaces, bullets, a ``` code block, a "> " blockquote, and Slack's own
 * escaping (& < > as entities, addresses as <mailto:…|…>, host names auto-linked) — and must give the
 * same diagnosis as the clean text: kind, mail system, every recipient fact, the original, the causes.
 */
import { readdirSync } from 'fs';
import { diagnose } from '../../../src/pipeline';
import type { InputOrigin } from '../../../src/intake';
import { FIXTURES, fixtureBytes } from '../fixture-helpers';
import { pastedOrigin } from './helpers';

type Mangle = { name: string; origin: InputOrigin; apply: (text: string) => string };

const ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Host names Slack auto-links when a user types or pastes them (a few TLDs are enough for the test). */
const HOST = /\b(?:[A-Za-z0-9-]+\.)+(?:com|net|org|de|local)\b(?![@\w-])/g;

/** Slack's Events API text for a pasted message: & < > escaped, addresses and host names turned into links. */
function slackEscape(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(ADDRESS, (a) => `\u0000${a}\u0001`).replace(HOST, (h, at: number, all: string) => (all[at - 1] === '\u0000' || all[at - 1] === '@' || all[at - 1] === '.' ? h : `<http://${h}|${h}>`))
    .replace(/\u0000([^\u0001]*)\u0001/g, (_m, a: string) => `<mailto:${a}|${a}>`);
}

const MANGLES: readonly Mangle[] = [
  { name: 'curly quotes', origin: 'paste', apply: (t) => t.replace(/'/g, '\u2019').replace(/"([^"\n]*)"/g, '\u201c$1\u201d') },
  { name: 'non-breaking spaces', origin: 'paste', apply: (t) => t.replace(/ /g, '\u00a0') },
  { name: 'tabs turned into spaces', origin: 'paste', apply: (t) => t.replace(/\t/g, '    ') },
  { name: 'bullets', origin: 'paste', apply: (t) => t.split('\n').map((l) => (l.trim() ? `\u2022 ${l}` : l)).join('\n') },
  { name: 'a code block', origin: 'paste', apply: (t) => '```\n' + t + '\n```' },
  { name: 'a "> " blockquote', origin: 'paste', apply: (t) => t.split('\n').map((l) => `> ${l}`).join('\n') },
  { name: "Slack's escaping and links, in a code block", origin: 'slack', apply: (t) => '```' + slackEscape(t) + '```' },
  { name: "Slack's escaping and links, as a blockquote", origin: 'slack', apply: (t) => slackEscape(t).split('\n').map((l) => `&gt; ${l}`).join('\n') },
];

function signature(text: string, origin: InputOrigin): unknown {
  const d = diagnose(text, { origin });
  return {
    kind: d.kind,
    source: d.source,
    platform: d.platform,
    original: d.original,
    recipients: d.recipients.map((r) => ({ ...r })),
    causes: d.causes.map((c) => c.id),
  };
}

// the fixtures already in Slack's form are mangled versions themselves
const PLAIN = readdirSync(FIXTURES).filter((f) => f.startsWith('pasted-') && pastedOrigin(f) === 'paste');

describe.each(MANGLES)('a paste with $name', (mangle) => {
  it.each(PLAIN)('%s reads the same', (name) => {
    const clean = fixtureBytes(name).toString('utf8');
    expect(signature(mangle.apply(clean), mangle.origin)).toEqual(signature(clean, 'paste'));
  });
});
