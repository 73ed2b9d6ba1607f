// Integration tier: real MariaDB (TEST_DB_URL) started once per run by @inquiry/test-support.
module.exports = {
  ...require('./jest.esm.js'),
  rootDir: 'src',
  testRegex: '\\.int-spec\\.ts$',
  testTimeout: 120_000,
  globalSetup: '@inquiry/test-support/jest-global-setup',
  globalTeardown: '@inquiry/test-support/jest-global-teardown',
};
