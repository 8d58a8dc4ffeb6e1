import { parseCliArgs, UsageError } from '../../src/cli/args';

function usage(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseCliArgs', () => {
  it('reads diagnose with files, stdin and output formats', () => {
    expect(parseCliArgs(['diagnose', 'a.eml', 'b.eml', '--jsonl'])).toEqual({ kind: 'diagnose', inputs: ['a.eml', 'b.eml'], format: 'jsonl' });
    expect(parseCliArgs(['diagnose', '-', '--json'])).toEqual({ kind: 'diagnose', inputs: ['-'], format: 'json' });
    expect(parseCliArgs(['diagnose'])).toEqual({ kind: 'diagnose', inputs: ['-'], format: 'text' });
    expect(parseCliArgs(['diagnose', '--', '--odd-name.eml'])).toEqual({ kind: 'diagnose', inputs: ['--odd-name.eml'], format: 'text' });
  });

  it('accepts platform names and their aliases, with a space or an equals sign', () => {
    expect(parseCliArgs(['diagnose', 'x', '--platform', 'exchange-2003'])).toMatchObject({ platform: 'exchange-2003' });
    expect(parseCliArgs(['diagnose', 'x', '--platform=o365'])).toMatchObject({ platform: 'exchange-online' });
    expect(usage(['diagnose', 'x', '--platform', 'notes'])).toMatch(/Unknown platform "notes". Use one of: exchange-2003, /);
    expect(usage(['diagnose', 'x', '--platform'])).toBe('--platform needs a value.');
  });

  it('reads probe with its options', () => {
    expect(parseCliArgs(['probe', 'example.com', '--port', '587', '--rcpt', 'a@example.com', '--json', '--transcript']))
      .toEqual({ kind: 'probe', target: 'example.com', port: 587, rcpt: 'a@example.com', json: true, transcript: true });
    expect(parseCliArgs(['probe', '-p', '25', 'mx.example.com'])).toEqual({ kind: 'probe', target: 'mx.example.com', port: 25, json: false, transcript: false });
  });

  it('refuses bad probe arguments with a sentence saying what to type', () => {
    expect(usage(['probe'])).toMatch(/probe needs a target/);
    expect(usage(['probe', 'a.com', 'b.com'])).toMatch(/One target at a time/);
    expect(usage(['probe', 'a.com', '--port', '70000'])).toMatch(/--port needs a port number/);
    expect(usage(['probe', 'a.com', '--port', '25x'])).toMatch(/--port needs a port number/);
    expect(usage(['probe', 'a.com', '--rcpt', 'nobody'])).toMatch(/--rcpt needs an email address/);
    expect(usage(['probe', 'a.com', '--jsonl'])).toBe('Unknown option --jsonl for probe. Run smtpcheck help.');
  });

  it('refuses conflicting or repeated inputs', () => {
    expect(usage(['diagnose', 'a', '--json', '--jsonl'])).toMatch(/either --json or --jsonl/);
    expect(usage(['diagnose', '-', '-'])).toMatch(/only once/);
    expect(usage(['diagnose', '--json=yes'])).toBe('--json takes no value.');
  });

  it('knows help, version and unknown commands', () => {
    for (const argv of [[], ['help'], ['--help'], ['-h'], ['diagnose', '--help'], ['probe', '-h']]) expect(parseCliArgs(argv)).toEqual({ kind: 'help' });
    for (const argv of [['--version'], ['-V'], ['version']]) expect(parseCliArgs(argv)).toEqual({ kind: 'version' });
    expect(usage(['diagnos'])).toMatch(/^Unknown command "diagnos"/);
  });
});
