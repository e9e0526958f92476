import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolvers } from '../../src/resolvers/index';

const dir = fileURLToPath(new URL('../../src/resolvers/', import.meta.url));

/** `Type.field.ts` (unit) or `Type.field/index.ts` (pipeline), as the style guide names them. */
function resolverFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === 'index.ts') continue;
    const coordinate = entry.isDirectory() ? entry.name : entry.name.replace(/\.ts$/, '');
    files.set(coordinate, entry.isDirectory() ? `${entry.name}/index.ts` : entry.name);
  }
  return files;
}

describe('src/resolvers/index.ts', () => {
  it('routes exactly the coordinates that have a resolver file', () => {
    expect([...resolverFiles().keys()].sort()).toEqual(Object.keys(resolvers).sort());
  });

  it('names every resolver file Type.field', () => {
    for (const coordinate of resolverFiles().keys()) expect(coordinate).toMatch(/^[A-Z]\w*\.[a-z_]\w*$/);
  });

  it('routes each coordinate to the module in its own file', async () => {
    for (const [coordinate, file] of resolverFiles()) {
      const module: unknown = await import(/* @vite-ignore */ `${dir}${file}`);
      const route = resolvers[coordinate as keyof typeof resolvers];
      expect(route.module, coordinate).toBe(module);
    }
  });
});
