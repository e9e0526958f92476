/**
 * `npm run build:appsync`: bundles every resolver and pipeline function routed in
 * src/resolvers/index.ts as AppSync deploys JS code (APPSYNC_JS), into dist/appsync/<Type.field>.js
 * and dist/appsync/functions/<name>.js, with dist/appsync/manifest.json describing the resolvers,
 * functions and data sources to create. Fails, naming each file, when a bundle imports anything
 * but @aws-appsync/*, exceeds 32,768 characters, lacks request/response, or breaks an APPSYNC_JS rule.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForAppSync } from './lib/appsync-bundle.ts';
import { checkBundle, lintBundles } from './lib/appsync-checks.ts';
import { planAppSyncExport, type AppSyncCodeEntry, type AppSyncManifest } from './lib/appsync-manifest.ts';
import { loadRoutes, ROOT } from './lib/appsync-routes.ts';

export type { AppSyncCodeEntry, AppSyncManifest } from './lib/appsync-manifest.ts';

/** The export failed; `problems` has one line per problem, each naming its source file. */
export class AppSyncExportError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The resolvers cannot be exported to AppSync:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'AppSyncExportError';
  }
}

/** Bundles and checks `entries` into `outDir`; throws an AppSyncExportError listing every problem. */
export async function exportAppSyncCode(entries: readonly AppSyncCodeEntry[], outDir: string): Promise<void> {
  const problems: string[] = [];
  const written = new Map<string, string>();
  for (const entry of entries) {
    const outfile = join(outDir, entry.file);
    try {
      const bundle = await bundleForAppSync({ source: entry.source, outfile });
      const found = checkBundle(entry.source, bundle);
      problems.push(...found);
      if (found.length > 0) continue;
      await mkdir(dirname(outfile), { recursive: true });
      await writeFile(outfile, bundle.code);
      written.set(outfile, `${entry.source} (bundled as ${entry.file})`);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  problems.push(...(await lintBundles(written)));
  if (problems.length > 0) throw new AppSyncExportError(problems);
}

/** Exports every routed resolver and function into `outDir` (emptied first) and writes manifest.json. */
export async function buildAppSyncBundles(outDir = join(ROOT, 'dist/appsync')): Promise<AppSyncManifest> {
  const { manifest, entries } = planAppSyncExport(await loadRoutes());
  await rm(outDir, { recursive: true, force: true });
  await exportAppSyncCode(entries, outDir);
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const outDir = join(ROOT, 'dist/appsync');
    const manifest = await buildAppSyncBundles(outDir);
    const kinds = Object.values(manifest.resolvers).map((resolver) => resolver.kind);
    const count = (kind: string) => kinds.filter((each) => each === kind).length;
    console.log(
      `${relative(process.cwd(), outDir) || '.'}: ${count('UNIT')} unit and ${count('PIPELINE')} pipeline resolvers, ` +
        `${Object.keys(manifest.functions).length} functions, ${count('LAMBDA')} Lambda resolvers (manifest.json)`,
    );
  } catch (error) {
    console.error(error instanceof AppSyncExportError ? error.message : error);
    process.exitCode = 1;
  }
}
