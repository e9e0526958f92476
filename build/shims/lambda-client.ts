/**
 * Moves `@aws-sdk/client-lambda` (the Lambda data source's client, about 130 KB minified in the
 * bundle) into `lambda-client.cjs` beside the Lambda bundle. The invoker already imports it with
 * `await import()` on its first call, but V8 reads and pre-parses every byte of the bundle at cold
 * start; in a file of its own it costs nothing for an API without Lambda data sources. Our import
 * becomes `require('./lambda-client.cjs')`, resolved next to the bundle at run time, and the side
 * bundle is written next to the main output when the build ends (as shims/js-joda.ts does).
 */
import type { BuildOptions, Plugin } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAMBDA_CLIENT_FILE = 'lambda-client.cjs';
const entry = fileURLToPath(new URL('./lambda-client-entry.cts', import.meta.url));

/** The esbuild plugin; `sideOptions` are the shared bundle options (target, minify, …). */
export function lazyLambdaClient(sideOptions: BuildOptions): Plugin {
  return {
    name: 'lazy-lambda-client',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^@aws-sdk\/client-lambda$/ }, (args) =>
        /[\\/]node_modules[\\/]/.test(args.importer) ? undefined : { path: `./${LAMBDA_CLIENT_FILE}`, external: true },
      );
      pluginBuild.onEnd(async (result) => {
        const { outfile, outdir, write } = pluginBuild.initialOptions;
        const directory = outfile ? dirname(outfile) : outdir;
        if (result.errors.length > 0 || !directory || write === false) return;
        await pluginBuild.esbuild.build({ ...sideOptions, entryPoints: [entry], outfile: join(directory, LAMBDA_CLIENT_FILE), sourcemap: false, metafile: false });
      });
    },
  };
}
