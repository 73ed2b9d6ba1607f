// Unit (`*.spec.ts`) and HTTP end-to-end (`*.e2e-spec.ts`, on a temporary SQLite database).
module.exports = {
  ...require('./jest.esm.js'),
  rootDir: 'src',
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  testTimeout: 30_000,
};
