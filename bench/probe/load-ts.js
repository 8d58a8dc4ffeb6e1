'use strict';
/**
 * Load one self-contained TypeScript test helper (e.g. test/helpers/dns-server.ts) into a plain
 * Node bench: transpile it in memory with the project's TypeScript and compile it as a module at
 * its own path, so its `require('dns2')` resolves from the repository's node_modules. Keeps the
 * bench and the tests on the same helper instead of a copy.
 */
const fs = require('fs');
const path = require('path');
const Module = require('module');
const ts = require('typescript');

function loadTs(file) {
  const filename = path.resolve(file);
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  const m = new Module(filename, module);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(path.dirname(filename));
  m._compile(outputText, filename);
  return m.exports;
}

module.exports = { loadTs };
