module.exports = {
  ...require('../../jest.preset.js'),
  rootDir: 'src',
  testRegex: '\\.spec\\.ts$',
};
