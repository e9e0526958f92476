/**
 * Builds the bundles a benchmark run compares, side by side in one temporary folder: ours (the
 * production config from build/esbuild.ts), the vanilla baseline, and optional variants of ours.
 */
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildLambda, lambdaBuildOptions } from '../../build/esbuild.ts';
import { JODA_FILE } from '../../build/shims/js-joda.ts';
import { LAMBDA_CLIENT_FILE } from '../../build/shims/lambda-client.ts';
import { TRACER_FILE } from '../../build/shims/tracer.ts';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export interface Bundle {
  name: string;
  file: string;
  metafile: Metafile;
  bytes: number;
  gzipBytes: number;
  /** Files shipped beside the bundle and loaded on first use, with their sizes. */
  lazyFiles: { name: string; bytes: number; gzipBytes: number }[];
  /** Extra environment for processes that load this bundle (e.g. NODE_PATH for externals). */
  env: Record<string, string>;
}

/** A variant of our bundle: the production options with overrides, to measure a change before making it. */
export interface Variant {
  name: string;
  description: string;
  options: BuildOptions;
  env?: Record<string, string>;
}

function describeBundle(name: string, file: string, metafile: Metafile, env: Record<string, string> = {}, lazy: string[] = []): Bundle {
  const code = readFileSync(file);
  const lazyFiles = lazy.filter(existsSync).map((path) => {
    const bytes = readFileSync(path);
    return { name: basename(path), bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
  return { name, file, metafile, bytes: code.length, gzipBytes: gzipSync(code).length, lazyFiles, env };
}

export async function buildOurs(dir: string): Promise<Bundle> {
  const file = join(dir, 'ours.cjs');
  const { metafile } = await buildLambda(file);
  return describeBundle('ours', file, metafile, {}, [join(dir, JODA_FILE), join(dir, LAMBDA_CLIENT_FILE), join(dir, TRACER_FILE)]);
}

/** The baseline as a team bundles it by default: plain esbuild, minified CommonJS, no aliases. */
export async function buildBaseline(dir: string): Promise<Bundle> {
  const file = join(dir, 'baseline.cjs');
  const { metafile } = await build({
    entryPoints: [fromRoot('bench/baseline/handler.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    minify: true,
    metafile: true,
    logLevel: 'warning',
  });
  return describeBundle('baseline', file, metafile);
}

/**
 * The peer (bench/peer): a hand-written Apollo Server + Document Client implementation of the same
 * operations, bundled exactly as ours (the production options of build/esbuild.ts).
 */
export async function buildPeer(dir: string): Promise<Bundle> {
  const file = join(dir, 'peer.cjs');
  const { metafile } = await build({ ...lambdaBuildOptions, entryPoints: [fromRoot('bench/peer/handler.ts')], outfile: file, metafile: true });
  return describeBundle('peer', file, metafile);
}

export async function buildVariant(dir: string, variant: Variant): Promise<Bundle> {
  const file = join(dir, `${variant.name}.cjs`);
  const { metafile } = await build({
    ...lambdaBuildOptions,
    ...variant.options,
    entryPoints: [fromRoot('src/handler.ts')],
    outfile: file,
    metafile: true,
  });
  return describeBundle(variant.name, file, metafile, variant.env);
}

/**
 * Our bundle as it was at a git ref (`--ref=HEAD~1`): that commit's sources and build configuration,
 * taken with `git archive` into `dir`, bundled by its own `buildLambda` with today's node_modules.
 * Compares a code change against the state before it in the same run.
 */
export async function buildAtRef(dir: string, ref: string): Promise<Bundle> {
  const name = `ref:${ref}`;
  const tree = join(dir, `ref-${ref.replace(/[^\w.-]/g, '_')}`);
  mkdirSync(tree, { recursive: true });
  // The engine package too, where the ref has one (packages/engine): the ref's own engine is bundled.
  const hasPackages = execFileSync('git', ['ls-tree', '--name-only', ref, 'packages'], { cwd: fromRoot('.'), encoding: 'utf8' }).trim() !== '';
  const paths = ['src', 'schema', 'build', 'types', 'tsconfig.json', 'package.json', ...(hasPackages ? ['packages'] : [])];
  const archive = execFileSync('git', ['archive', '--format=tar', ref, ...paths], { cwd: fromRoot('.'), maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', tree], { input: archive });
  // Today's node_modules, entry by entry, except the workspace packages, which resolve into the ref's tree.
  const modules = join(tree, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(fromRoot('node_modules'))) {
    if (entry !== '@appsync-lambda') symlinkSync(fromRoot(`node_modules/${entry}`), join(modules, entry));
  }
  if (hasPackages) {
    mkdirSync(join(modules, '@appsync-lambda'));
    symlinkSync(join(tree, 'packages', 'engine'), join(modules, '@appsync-lambda', 'engine'));
  }
  const file = join(tree, 'dist', 'handler.cjs');
  const { buildLambda: buildThen } = (await import(pathToFileURL(join(tree, 'build', 'esbuild.ts')).href)) as typeof import('../../build/esbuild.ts');
  const { metafile } = await buildThen(file);
  return describeBundle(name, file, metafile, {}, [join(tree, 'dist', JODA_FILE), join(tree, 'dist', LAMBDA_CLIENT_FILE), join(tree, 'dist', TRACER_FILE)]);
}
