module.exports = {
  ...require('../../jest.preset.js'),
  rootDir: 'src',
  testRegex: '\\.int-spec\\.ts$',
  testTimeout: 120_000,
};
