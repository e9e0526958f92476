/**
 * The structure's rules, checked by `npm run lint:structure` (and by test/unit/structure.test.ts):
 * no import cycles; the engine (packages/engine) knows nothing of the applications built on it;
 * the engine's core knows nothing of its transport adapters; applications reach the engine only
 * through its package entry; resolver and pipeline-function files stay pure AppSync code.
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: { pathNot: 'node_modules' }, to: { circular: true } },
    {
      name: 'engine-imports-no-app',
      comment: 'The engine is a library: it imports nothing of the hiring API, the examples, the tests or the scripts.',
      severity: 'error',
      from: { path: '^packages/engine/' },
      to: { path: '^(src|examples|test|scripts|bench|schema|sdk)/' },
    },
    {
      name: 'core-imports-no-adapter',
      comment: "The engine's core takes a transport-neutral request; transports (adapters/) sit beside it, not below.",
      severity: 'error',
      from: { path: '^packages/engine/src/', pathNot: '^packages/engine/src/(adapters/|index\\.ts$)' },
      to: { path: '^packages/engine/src/adapters/' },
    },
    {
      name: 'apps-use-the-entry',
      comment: 'Applications use the engine through its package entry only.',
      severity: 'error',
      from: { path: '^(src|examples)/' },
      to: { path: '^packages/engine/src/', pathNot: '^packages/engine/src/(index\\.ts|appsync-utils/)' },
    },
    {
      name: 'resolvers-are-appsync-code',
      comment: 'Resolver and pipeline-function modules import only @aws-appsync/* (aliased to the engine), the data builders and generated types.',
      severity: 'error',
      from: { path: '^src/(resolvers|functions)/', pathNot: '^src/(resolvers|functions)/index\\.ts$' },
      to: { pathNot: '^(src/(data|generated)/|packages/engine/src/appsync-utils/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      conditionNames: ['appsync-engine-source', 'import', 'require', 'node', 'default'],
      exportsFields: ['exports'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json'],
    },
  },
};
