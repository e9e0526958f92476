import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sdk = fileURLToPath(new URL('../../sdk/', import.meta.url));
const pkg = JSON.parse(readFileSync(`${sdk}package.json`, 'utf8')) as Record<string, any>;
const root = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Record<string, any>;

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

  it('is a workspace of the repository, built by npm install (prepare) and packed with its sources', () => {
    expect(root.workspaces).toContain('sdk');
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.files).toEqual(['dist', 'src', 'README.md']);
  });

  it('is imported by name in the repository (the built package), never from sdk/src by path', () => {
    const repo = fileURLToPath(new URL('../../', import.meta.url));
    for (const file of ['test/', 'scripts/', 'bench/', 'src/'].flatMap((dir) => sources(`${repo}${dir}`))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '[./]*sdk\/(src|dist)\b/);
    }
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
