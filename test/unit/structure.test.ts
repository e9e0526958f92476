// The structure's rules (.dependency-cruiser.cjs): no import cycles, no import from the engine into
// the applications built on it or from its core into its adapters, everything outside the engine
// (and the engine's own tests) on the package entries only, resolver files pure AppSync code, the
// benchmarks beside the scripts. Checked with dependency-cruiser on the real sources.
import { cruise } from 'dependency-cruiser';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');

/** Everything `npm run lint:structure` reads. */
const PATHS = ['packages/engine', 'src', 'examples', 'test', 'scripts', 'bench'];

/** The engine package's entries (package.json `exports`, and the `@aws-appsync/utils` implementation the aliases name). */
const ENTRIES = ['index.ts', 'realtime.ts', 'testing.ts', 'appsync/utils/index.ts', 'appsync/utils/dynamodb.ts'].map((path) => `packages/engine/src/${path}`);

interface CruiseOutput {
  modules: Array<{ source: string; dependencies: Array<{ resolved: string }> }>;
  summary: { violations: Array<{ rule: { name: string }; from: string; to: string }>; totalCruised: number };
}

let output: CruiseOutput;
beforeAll(async () => {
  const result = await cruise(PATHS, { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } });
  output = result.output as CruiseOutput;
}, 120_000);

describe('the import graph', () => {
  it('has no cycle and no forbidden edge in the engine and its tests, the API, its tests, the scripts, the benchmarks and the examples', () => {
    expect(output.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`)).toEqual([]);
    // Not vacuous: the engine, the API and the tests were read.
    expect(output.summary.totalCruised).toBeGreaterThan(400);
  });

  it('reaches packages/engine/src from outside packages/engine through the package entries only', () => {
    const outside = output.modules.filter((module) => !module.source.startsWith('packages/engine/'));
    const inward = outside.flatMap((module) =>
      module.dependencies.filter((dependency) => dependency.resolved.startsWith('packages/engine/src/')).map((dependency) => `${module.source} → ${dependency.resolved}`),
    );
    // Not vacuous: the application does use the engine.
    expect(inward.length).toBeGreaterThan(10);
    expect(inward.filter((edge) => !ENTRIES.some((entry) => edge.endsWith(` → ${entry}`)))).toEqual([]);
  });
});
