/**
 * Bundles one resolver or pipeline function for the APPSYNC_JS runtime, with the esbuild options
 * AWS documents for it ("Bundling, TypeScript, and source maps for the APPSYNC_JS runtime"): one
 * ESM file, target esnext, platform node, `@aws-appsync/*` left as imports (the runtime provides
 * them), an inline source map without the sources' content.
 */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from './appsync-routes.ts';

/** The only modules APPSYNC_JS code may import: AppSync provides them. */
export const APPSYNC_MODULES: readonly string[] = ['@aws-appsync/utils', '@aws-appsync/utils/dynamodb'];

/** AWS's recommended options for APPSYNC_JS code (plus the import guard below). */
export const appsyncBuildOptions: BuildOptions = {
  bundle: true,
  format: 'esm',
  target: 'esnext',
  platform: 'node',
  external: ['@aws-appsync/*'],
  sourcemap: 'inline',
  sourcesContent: false,
  minify: false,
  write: false,
  metafile: true,
  logLevel: 'silent',
};

/**
 * What to bundle: a module that exports `request` and `response` — a unit resolver, a pipeline's
 * before/after module, or a pipeline function (a pipeline's function list is routing, not code).
 */
export interface AppSyncBundleInput {
  /** Source file relative to the project root. */
  source: string;
  /** Output file (absolute): source map paths are relative to it. */
  outfile: string;
}

/** An import of something other than `@aws-appsync/*`. */
export interface ForbiddenImport {
  path: string;
  importer: string;
}

/** One bundle: its code, esbuild's metafile, and the imports the guard refused. */
export interface AppSyncBundle {
  code: string;
  metafile: Metafile;
  /** Every import APPSYNC_JS cannot satisfy: the module, and the file (relative to the root) importing it. */
  forbiddenImports: ForbiddenImport[];
}

// Any bare import (a package or a node: builtin) other than @aws-appsync/* is recorded and kept
// external, so the failure names the import instead of bundling a whole SDK.
function importGuard(forbidden: ForbiddenImport[]): Plugin {
  return {
    name: 'appsync-import-guard',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
        // sideEffects: false drops the imports of modules whose code was tree-shaken away.
        if (APPSYNC_MODULES.includes(path)) return { path, external: true, sideEffects: false };
        forbidden.push({ path, importer: importer.startsWith(ROOT) ? importer.slice(ROOT.length) : importer });
        return { path, external: true };
      });
    },
  };
}

/** Bundles one module as AppSync would run it; esbuild failures are rethrown naming the source. */
export async function bundleForAppSync({ source, outfile }: AppSyncBundleInput): Promise<AppSyncBundle> {
  const forbiddenImports: ForbiddenImport[] = [];
  try {
    const result = await build({ ...appsyncBuildOptions, entryPoints: [join(ROOT, source)], outfile, plugins: [importGuard(forbiddenImports)] });
    return { code: result.outputFiles![0]!.text, metafile: result.metafile!, forbiddenImports };
  } catch (error) {
    const messages = (error as { errors?: { text: string }[] }).errors?.map((message) => message.text) ?? [String(error)];
    throw new Error(`${source}: esbuild cannot bundle it: ${messages.join('; ')}`, { cause: error });
  }
}
