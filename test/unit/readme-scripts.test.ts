// The README is the front door: its tables name every npm script the project has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

/** Whether the README shows `npm <name>` or `npm run <name>` in a code span. */
function names(script: string): boolean {
  const escaped = script.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\`npm (?:run )?${escaped}[\` ]`).test(readme);
}

describe('README.md', () => {
  it('names every npm script of package.json', () => {
    const scripts = Object.keys(pkg.scripts);
    expect(scripts.length).toBeGreaterThan(10);
    expect(scripts.filter((script) => !names(script))).toEqual([]);
  });

  it('does not count a script as named when only a longer one is', () => {
    expect(names('bench:prof')).toBe(false);
  });
});
