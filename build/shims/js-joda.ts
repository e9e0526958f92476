/**
 * Moves js-joda (about 1.1 MB minified, mostly the IANA zone database) out of the Lambda bundle
 * into `js-joda.cjs` beside it. joda.ts already requires it lazily, but V8 still reads and
 * pre-parses every byte of the bundle at cold start; in a file of its own it costs nothing until
 * a time-formatting function first runs. Our imports of `@js-joda/*` become
 * `require('./js-joda.cjs')[name]`, resolved next to the bundle at run time, and the side bundle
 * is written next to the main output when the build ends.
 */
import type { BuildOptions, Plugin } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const JODA_FILE = 'js-joda.cjs';
const entry = fileURLToPath(new URL('./js-joda-entry.cts', import.meta.url));

function outputDirectory(options: BuildOptions): string | undefined {
  if (options.outfile) return dirname(options.outfile);
  return options.outdir;
}

/** The esbuild plugin; `sideOptions` are the shared bundle options (target, minify, …). */
export function lazyJodaShim(sideOptions: BuildOptions): Plugin {
  return {
    name: 'lazy-js-joda',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^@js-joda\// }, (args) =>
        /[\\/]node_modules[\\/]/.test(args.importer) ? undefined : { path: args.path, namespace: 'lazy-js-joda' },
      );
      pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy-js-joda' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`./${JODA_FILE}`)})[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
      pluginBuild.onResolve({ filter: new RegExp(`^\\./${JODA_FILE.replace('.', '\\.')}$`) }, (args) =>
        args.namespace === 'lazy-js-joda' ? { path: args.path, external: true } : undefined,
      );
      pluginBuild.onEnd(async (result) => {
        const directory = outputDirectory(pluginBuild.initialOptions);
        if (result.errors.length > 0 || !directory || pluginBuild.initialOptions.write === false) return;
        // The running instance's API: under serverless-esbuild a fresh import of esbuild can fail to start its service.
        await pluginBuild.esbuild.build({ ...sideOptions, entryPoints: [entry], outfile: join(directory, JODA_FILE), sourcemap: false, metafile: false });
      });
    },
  };
}
