/**
 * The start of a worker thread's source that loads the project's TypeScript directly: `.ts` files are
 * transpiled in memory on require (as ts-jest does for the suites; isolatedModules makes per-file enough),
 * and `src(path)` requires a file under src/. The worker must get `workerData.root`, the project root.
 * Used by the killable workers that catch runaway regular expressions, so they test src/, never a stale dist/.
 */
export const TS_WORKER_PRELUDE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Module = require('node:module');
const ts = require(require.resolve('typescript', { paths: [workerData.root] }));
Module._extensions['.ts'] = (m, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  m._compile(outputText, filename);
};
const src = (p) => require(workerData.root + '/src/' + p);
`;
