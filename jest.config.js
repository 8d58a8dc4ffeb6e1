/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 30000,
  // Integration suites share loopback servers; keep the machine's 2 cores from thrashing.
  maxWorkers: 2,
};
