import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sdk = fileURLToPath(new URL('../../sdk/', import.meta.url));
const pkg = JSON.parse(readFileSync(`${sdk}package.json`, 'utf8')) as Record<string, any>;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(`${dir}${entry.name}/`) : entry.name.endsWith('.ts') ? [`${dir}${entry.name}`] : [],
  );
}

describe('@hiring/sdk package', () => {
  it('is an ES module package exporting its types', () => {
    expect(pkg).toMatchObject({ name: '@hiring/sdk', type: 'module' });
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(pkg.scripts.build).toMatch(/^tsc /);
  });

  it('depends on nothing of the server: graphql as a peer, typed-document-node for the types, graphql-ws (no dependencies of its own) for subscriptions', () => {
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['@graphql-typed-document-node/core', 'graphql-ws']);
    expect(Object.keys(pkg.peerDependencies ?? {})).toEqual(['graphql']);
  });

  it('imports only graphql, typed-document-node, graphql-ws and its own modules', () => {
    for (const file of sources(`${sdk}src/`)) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]!);
      for (const specifier of imports) {
        expect(specifier, file).toMatch(/^(graphql|graphql-ws|@graphql-typed-document-node\/core|\.\/[\w./-]+\.js)$/);
      }
    }
  });
});
