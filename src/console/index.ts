// STUB — owned by the CLI/console helper.
import type { Config } from '../config';
export async function runConsole(_config: Config, _io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): Promise<void> {
  throw new Error('console not implemented yet');
}
