// The structure's rules (.dependency-cruiser.cjs): no import cycles, no import from the engine into
// the applications built on it or from its core into its adapters, applications on the package
// entry only, resolver files pure AppSync code. Checked with dependency-cruiser on the real sources.
import { cruise } from 'dependency-cruiser';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');

async function violations(paths: string[]) {
  const result = await cruise(paths, { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } });
  const output = result.output as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string; cycle?: unknown[] }> ; totalCruised: number } };
  return output.summary;
}

describe('the import graph', () => {
  it('has no cycle and no forbidden edge in the engine, the API and the examples', async () => {
    const summary = await violations(['packages/engine/src', 'src', 'examples'].filter((path) => existsSync(path)));
    expect(summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`)).toEqual([]);
    // Not vacuous: the engine and the API were read.
    expect(summary.totalCruised).toBeGreaterThan(150);
  }, 120_000);
});
