/**
 * The structure's rules, checked by `npm run lint:structure` (and by test/unit/structure.test.ts):
 * no import cycles anywhere; the engine (packages/engine) knows nothing of the applications built
 * on it; inside the engine, folders are floors and imports only run down them (ENGINE_FLOORS);
 * everything outside the engine, and the engine's own tests, reach it through its package entries
 * only; resolver and pipeline-function files stay pure AppSync code.
 */
const ENGINE = '^packages/engine/src/';

/** The package's entries: `.` (index.ts), the subpaths realtime and testing, and the `@aws-appsync/utils` implementation. */
const ENGINE_ENTRIES = `${ENGINE}(index|realtime|testing|appsync/utils/(index|dynamodb))\\.ts$`;

/**
 * The engine's floors, lowest first. A module may import its own floor and the floors below it,
 * never one above: `core` imports no other folder, `adapters` may import every floor, and the
 * package's entry files at the top (index.ts and the subpaths realtime.ts, testing.ts) import anything.
 */
const ENGINE_FLOORS = ['core', 'appsync', 'data-sources', 'auth', 'limits', 'execution', 'realtime/service', 'realtime/publish', 'wiring', 'adapters'];

const floorRules = ENGINE_FLOORS.map((floor, index) => ({
  name: `engine-floor-${floor.replace('/', '-')}`,
  comment: `The engine's ${floor}/ imports only ${index === 0 ? 'itself' : `itself and ${ENGINE_FLOORS.slice(0, index).join(', ')}`}: no import runs back up.`,
  severity: 'error',
  from: { path: `${ENGINE}${floor}/` },
  to: { path: `${ENGINE}(${ENGINE_FLOORS.slice(index + 1).join('|')})/|${ENGINE}[^/]+\\.ts$` },
}));

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: { pathNot: 'node_modules' }, to: { circular: true } },
    {
      name: 'engine-imports-no-app',
      comment: 'The engine is a library: it imports nothing of the hiring API, the examples, the tests or the scripts.',
      severity: 'error',
      from: { path: '^packages/engine/' },
      to: { path: '^(src|examples|test|scripts|bench|schema|sdk|playground)/' },
    },
    {
      name: 'engine-folders-only',
      comment: 'Every engine module lives in one of its floors, except the package entries (index.ts, realtime.ts, testing.ts).',
      severity: 'error',
      from: { path: ENGINE, pathNot: `${ENGINE}((${ENGINE_FLOORS.join('|')})/|(index|realtime|testing)\\.ts$)` },
      to: {},
    },
    ...floorRules,
    {
      name: 'outside-uses-the-entries',
      comment: "Everything outside the engine package (the app, its tests, scripts, bench, examples) reaches it through its package entries only.",
      severity: 'error',
      from: { pathNot: '^packages/engine/' },
      to: { path: ENGINE, pathNot: ENGINE_ENTRIES },
    },
    {
      name: 'engine-tests-use-the-entries',
      comment: "The engine's tests (packages/engine/test) import it as its users do: through its entries, `testing` for the internals a unit test checks.",
      severity: 'error',
      from: { path: '^packages/engine/test/' },
      to: { path: ENGINE, pathNot: ENGINE_ENTRIES },
    },
    {
      name: 'packages-import-no-app',
      comment: 'The workspace packages beside the engine (DynamoDB Local, test support) are libraries too: they import nothing of the hiring API, the examples, the tests or the scripts.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^(src|examples|test|scripts|bench|schema|sdk|playground)/' },
    },
    {
      name: 'top-level-runs-down',
      comment: 'bench/ and scripts/ are tools beside each other; the benchmarks do not import the scripts.',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'resolvers-are-appsync-code',
      comment: 'Resolver and pipeline-function modules import only @aws-appsync/* (aliased to the engine), the data builders and generated types.',
      severity: 'error',
      from: { path: '^src/(resolvers|functions)/', pathNot: '^src/(resolvers|functions)/index\\.ts$' },
      to: { pathNot: '^(src/(data|generated)/|packages/engine/src/appsync/utils/)' },
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
