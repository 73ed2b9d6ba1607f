// Cross-package end to end: the service built from source (apps/api, so no stale dist), with
// real Dovecot IMAP and a loopback SMTP server from @inquiry/test-support.
// Run from the repository root: npx jest -c tests/e2e/jest.config.js
module.exports = {
  ...require('../../apps/api/jest.esm.js'),
  rootDir: __dirname,
  testRegex: '\\.e2e-spec\\.ts$',
  testTimeout: 180_000,
  moduleNameMapper: { '^@inquiry/api$': '<rootDir>/../../apps/api/src/index.ts' },
};
