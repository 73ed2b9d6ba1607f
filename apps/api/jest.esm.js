// Nest 12 and a few of its dependencies ship ES modules only. Node 20 can `require()` them,
// Jest's module system cannot, so SWC compiles them to CommonJS like our own sources.
const preset = require('../../jest.preset.js');

const esmOnly = [
  'franc',
  'franc-min',
  'franc-all',
  'trigram-utils',
  'n-gram',
  'collapse-white-space',
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  'imapflow',
];

module.exports = {
  ...preset,
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
};
