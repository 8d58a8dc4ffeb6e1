'use strict';
/**
 * Lets a plain-Node bench require the TypeScript test helpers it shares with the tests (the fake Slack,
 * the DNS server, the SMTP peers) — including their relative imports — by transpiling test/**.ts in
 * memory with the project's TypeScript. Only files under test/ are handled; nothing is written to disk.
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const TEST_DIR = path.resolve(__dirname, '..', '..', 'test') + path.sep;

function register() {
  if (require.extensions['.ts']) return;
  require.extensions['.ts'] = (module, filename) => {
    if (!filename.startsWith(TEST_DIR)) throw new Error(`bench: refusing to load ${filename} (only test/ helpers)`);
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: filename,
    });
    module._compile(outputText, filename);
  };
}

module.exports = { register };
