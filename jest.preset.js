// Shared Jest setup: SWC compiles TypeScript (type checking is the `typecheck` task) and also
// turns the ESM-only dependencies (franc and its helpers) into CommonJS for Jest's module system.
const esmOnly = [
  'franc',
  'franc-min',
  'franc-all',
  'trigram-utils',
  'n-gram',
  'collapse-white-space',
];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
