/**
 * Reads the routing table (`src/resolvers/index.ts`) as the runtime sees it — kinds, data sources,
 * the functions each pipeline names (from the function table, `src/functions/index.ts`) — and learns which source file each routed module comes from, so that
 * every resolver and pipeline function can be bundled on its own for APPSYNC_JS.
 */
import { build, type Plugin } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appsyncAliases } from '../../build/aliases.ts';
import type { DataSourceRef, ResolverDefinition } from '@appsync-lambda/engine';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The export name under which each loaded resolver or function module carries its source path. */
const SOURCE_TAG = '__appsyncSource';

/** One pipeline step, by name, with the file its module comes from. */
export interface RoutedFunction {
  name: string;
  kind: 'JS' | 'LAMBDA';
  /** Source file relative to the project root. */
  source: string;
  dataSource?: DataSourceRef;
}

/** One routed coordinate, with the file of its module. */
export interface RoutedResolver {
  coordinate: string;
  kind: ResolverDefinition['kind'];
  /** Source file relative to the project root. */
  source: string;
  dataSource?: DataSourceRef;
  /** Direct Lambda resolvers invoked with arrays of events (AppSync's `maxBatchSize`). */
  maxBatchSize?: number;
  functions: RoutedFunction[];
}

// Appends `export const __appsyncSource = '<file>'` to every resolver and function module, so the
// module objects held by the routing table name their own files.
const tagSources: Plugin = {
  name: 'appsync-source-tag',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/](resolvers|functions)[\\/].*\.ts$/ }, async ({ path }) => {
      const source = relative(ROOT, path).split('\\').join('/');
      const contents = `${await readFile(path, 'utf8')}\nexport const ${SOURCE_TAG} = ${JSON.stringify(source)};\n`;
      return { contents, loader: 'ts' };
    });
  },
};

/** Leaves installed packages external, except the engine (a workspace package shipped as TypeScript here). */
const packagesExceptEngine: Plugin = {
  name: 'packages-except-engine',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, ({ path }) => (path.startsWith('@appsync-lambda/') || path.startsWith('@aws-appsync/') || path.startsWith('/') ? undefined : { path, external: true }));
  },
};

function sourceOf(module: unknown, what: string): string {
  const source = (module as Record<string, unknown> | undefined)?.[SOURCE_TAG];
  if (typeof source !== 'string') throw new Error(`${what}: its module is not a file under src/resolvers or src/functions`);
  return source;
}

/** Loads `src/resolvers/index.ts` (bundled with the runtime aliases) and lists every route with its source files. */
export async function loadRoutes(index = join(ROOT, 'src/resolvers/index.ts')): Promise<RoutedResolver[]> {
  const cacheDir = join(ROOT, 'node_modules/.cache/appsync-export');
  await mkdir(cacheDir, { recursive: true });
  // Inside the project so that the external packages the runtime imports resolve from node_modules.
  const outfile = join(cacheDir, `routes-${process.pid}-${Date.now()}.mjs`);
  const result = await build({
    entryPoints: [index],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    alias: appsyncAliases,
    // The engine is bundled from its sources; every other package stays external.
    conditions: ['appsync-engine-source'],
    loader: { '.graphql': 'text' },
    plugins: [packagesExceptEngine, tagSources],
    write: false,
    outfile,
    logLevel: 'silent',
  });
  await writeFile(outfile, result.outputFiles[0]!.contents);
  try {
    const { resolvers } = (await import(pathToFileURL(outfile).href)) as { resolvers: Record<string, ResolverDefinition> };
    return Object.entries(resolvers).map(([coordinate, definition]) => describeRoute(coordinate, definition));
  } finally {
    await rm(outfile, { force: true });
  }
}

function describeRoute(coordinate: string, definition: ResolverDefinition): RoutedResolver {
  const source = sourceOf(definition.module, coordinate);
  switch (definition.kind) {
    case 'UNIT':
      return { coordinate, kind: 'UNIT', source, dataSource: definition.dataSource, functions: [] };
    case 'LAMBDA':
      return { coordinate, kind: 'LAMBDA', source, functions: [], ...('maxBatchSize' in definition ? { maxBatchSize: definition.maxBatchSize } : {}) };
    case 'PIPELINE':
      return {
        coordinate,
        kind: 'PIPELINE',
        source,
        functions: definition.functions.map((step) => ({
          name: step.name,
          kind: step.kind,
          source: sourceOf(step.module, `${coordinate} → ${step.name}`),
          ...(step.kind === 'JS' ? { dataSource: step.dataSource } : {}),
        })),
      };
  }
}
