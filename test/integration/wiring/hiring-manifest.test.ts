// The hiring API's own build:appsync manifest, read back by fromAppSyncManifest with each code
// file's module loaded from the source file the manifest names, reproduces the routing table of
// src/resolvers/index.ts: the same coordinates, kinds, modules, data sources and pipeline functions.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planAppSyncExport, type AppSyncManifest } from '../../../scripts/lib/appsync-manifest';
import { loadRoutes, ROOT } from '../../../scripts/lib/appsync-routes';
import { resolvers as hiringResolvers } from '../../../src/resolvers/index';
import { fromAppSyncManifest, type Wiring } from '@appsync-lambda/engine';

describe('fromAppSyncManifest on the hiring API’s manifest', () => {
  let manifest: AppSyncManifest;
  let wiring: Wiring;

  beforeAll(async () => {
    ({ manifest } = planAppSyncExport(await loadRoutes()));
    // What a deployment would do with the bundle: code path → the module of the file it was built from.
    const sourceOf = new Map<string, string>();
    for (const resolver of Object.values(manifest.resolvers)) sourceOf.set(resolver.kind === 'LAMBDA' ? resolver.source : resolver.code, resolver.source);
    for (const step of Object.values(manifest.functions)) sourceOf.set(step.kind === 'LAMBDA' ? step.source : step.code, step.source);
    const loaded = new Map<string, unknown>();
    for (const [path, source] of sourceOf) loaded.set(path, await import(join(ROOT, source)));
    wiring = fromAppSyncManifest(manifest, { loadModule: (path) => loaded.get(path) });
  });

  it('routes exactly the coordinates of src/resolvers/index.ts', () => {
    expect(Object.keys(wiring.resolvers).sort()).toEqual(Object.keys(hiringResolvers).sort());
    // Not vacuous: the API routes unit resolvers and pipelines.
    expect(new Set(Object.values(wiring.resolvers).map((resolver) => resolver.kind))).toEqual(new Set(['UNIT', 'PIPELINE']));
  });

  it('gives each coordinate the same kind, module, data source and pipeline functions as the routing table', () => {
    for (const [coordinate, expected] of Object.entries(hiringResolvers)) {
      const wired = wiring.resolvers[coordinate]!;
      expect(wired.kind, coordinate).toBe(expected.kind);
      expect(wired.module, coordinate).toBe(expected.module);
      if (wired.kind === 'UNIT' && expected.kind === 'UNIT') expect(wired.dataSource, coordinate).toEqual(expected.dataSource);
      if (wired.kind === 'PIPELINE' && expected.kind === 'PIPELINE') {
        expect(wired.functions.map((step) => [step.kind, step.name]), coordinate).toEqual(expected.functions.map((step) => [step.kind, step.name]));
        wired.functions.forEach((step, index) => {
          const want = expected.functions[index]!;
          expect(step.module, `${coordinate} → ${step.name}`).toBe(want.module);
          if (step.kind === 'JS' && want.kind === 'JS') expect(step.dataSource, `${coordinate} → ${step.name}`).toEqual(want.dataSource);
        });
      }
    }
    expect(wiring.resolvers).toEqual(hiringResolvers);
  });

  it('leaves the tables to the runtime’s configuration unless named, and takes them when named', () => {
    expect(wiring.tables).toEqual({});
    expect(Object.keys(manifest.dataSources)).toContain('main');
    expect(fromAppSyncManifest(manifest, { loadModule: () => ({ request: () => ({}), response: () => null, handler: () => null }), tables: { main: 'hiring-prod' } }).tables).toEqual({ main: 'hiring-prod' });
  });
});
