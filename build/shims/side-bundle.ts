/**
 * A package moved out of the Lambda bundle into a file of its own beside it, loaded on first use.
 * Our code imports the package with `await import()`, but V8 reads and pre-parses every byte of
 * the bundle at cold start, and esbuild bundles a dynamic import inline: in a side bundle it costs
 * nothing until it is required. Our import becomes `require('./<file>')`, resolved next to the
 * bundle at run time, and the side bundle (built from `entry`) is written next to the main output
 * when the build ends, as shims/js-joda.ts does. Imports from inside node_modules are left alone.
 */
import type { BuildOptions, Plugin } from 'esbuild';
import { dirname, join } from 'node:path';

export interface SideBundle {
  /** The esbuild plugin's name. */
  name: string;
  /** The package specifier our code imports. */
  module: string;
  /** The side bundle's file name, beside the main bundle. */
  file: string;
  /** Its entry: a CommonJS module re-exporting only what our code uses. */
  entry: string;
}

/** The esbuild plugin; `sideOptions` are the shared bundle options (target, minify, …). */
export function sideBundle({ name, module, file, entry }: SideBundle, sideOptions: BuildOptions): Plugin {
  const filter = new RegExp(`^${module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
  return {
    name,
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter }, (args) => (/[\\/]node_modules[\\/]/.test(args.importer) ? undefined : { path: `./${file}`, external: true }));
      pluginBuild.onEnd(async (result) => {
        const { outfile, outdir, write } = pluginBuild.initialOptions;
        const directory = outfile ? dirname(outfile) : outdir;
        if (result.errors.length > 0 || !directory || write === false) return;
        await pluginBuild.esbuild.build({ ...sideOptions, entryPoints: [entry], outfile: join(directory, file), sourcemap: false, metafile: false });
      });
    },
  };
}
