/**
 * `npm run build:playground`: bundles the GraphQL playground (GraphiQL 5, React, Monaco and its
 * three web workers) into one script and one stylesheet, content-hashed and pre-gzipped, plus the
 * page template. The Lambda serves them from disk (src/http/playground.ts); none of it is in the
 * Lambda bundle.
 *
 * Output (default dist/playground/): index.html, graphiql-<hash>.js.gz, graphiql-<hash>.css.gz
 * and manifest.json (what was built from which inputs, so `ensurePlayground` can skip a rebuild).
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Where the build writes by default, and where the Lambda looks unless PLAYGROUND_DIR says otherwise. */
export const defaultPlaygroundDir = fromRoot('dist/playground');

export interface PlaygroundManifest {
  fingerprint: string;
  script: string;
  stylesheet: string;
  /** Served file name (without .gz) → uncompressed and gzipped sizes in bytes. */
  files: Record<string, { bytes: number; gzipBytes: number }>;
}

const workerEntries = {
  editorWorker: 'monaco-editor/esm/vs/editor/editor.worker.js',
  jsonWorker: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphqlWorker: 'monaco-graphql/esm/graphql.worker.js',
};

const common = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: 'es2022',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'error',
  write: false,
} as const satisfies BuildOptions;

/** The inputs whose change calls for a rebuild: the entry sources, this script, GraphiQL's version. */
function fingerprint(): string {
  const hash = createHash('sha256');
  const sources = readdirSync(fromRoot('playground')).sort().map((name) => `playground/${name}`);
  for (const file of [...sources, 'scripts/build-playground.ts', 'node_modules/graphiql/package.json']) {
    hash.update(file).update(readFileSync(fromRoot(file)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function bundleWorker(specifier: string): Promise<string> {
  const result = await build({
    ...common,
    stdin: { contents: `import '${specifier}';`, resolveDir: fromRoot('.'), loader: 'js' },
    format: 'iife',
  });
  return result.outputFiles[0]!.text;
}

/** `virtual:playground-workers`: each worker bundle as a string the page starts from a blob URL. */
function workersPlugin(sources: Record<string, string>): Plugin {
  return {
    name: 'playground-workers',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^virtual:playground-workers$/ }, (args) => ({ path: args.path, namespace: 'workers' }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'workers' }, () => ({
        contents: Object.entries(sources).map(([name, text]) => `export const ${name} = ${JSON.stringify(text)};`).join('\n'),
        loader: 'js',
      }));
    },
  };
}

/** Writes through a temporary file, so a concurrent reader never sees half a file. */
function writeAtomically(path: string, data: string | Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/** Bundles the playground into `outDir` and removes what an earlier build left there. */
export async function buildPlayground(outDir = defaultPlaygroundDir): Promise<PlaygroundManifest> {
  const inputs = fingerprint();
  const workers = Object.fromEntries(
    await Promise.all(Object.entries(workerEntries).map(async ([name, entry]) => [name, await bundleWorker(entry)] as const)),
  );
  const result = await build({
    ...common,
    entryPoints: { graphiql: fromRoot('playground/index.tsx') },
    outdir: outDir,
    format: 'iife',
    jsx: 'automatic',
    loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl' },
    plugins: [workersPlugin(workers)],
  });

  mkdirSync(outDir, { recursive: true });
  const manifest: PlaygroundManifest = { fingerprint: inputs, script: '', stylesheet: '', files: {} };
  for (const file of result.outputFiles) {
    const extension = file.path.endsWith('.css') ? 'css' : 'js';
    const hash = createHash('sha256').update(file.contents).digest('hex').slice(0, 12);
    const name = `graphiql-${hash}.${extension}`;
    const gzipped = gzipSync(file.contents, { level: 9 });
    writeAtomically(join(outDir, `${name}.gz`), gzipped);
    manifest.files[name] = { bytes: file.contents.byteLength, gzipBytes: gzipped.byteLength };
    if (extension === 'css') manifest.stylesheet = name;
    else manifest.script = name;
  }
  const page = readFileSync(fromRoot('playground/index.html'), 'utf8')
    .replace('%CSS_FILE%', manifest.stylesheet)
    .replace('%JS_FILE%', manifest.script);
  writeAtomically(join(outDir, 'index.html'), page);
  writeAtomically(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const keep = new Set(['index.html', 'manifest.json', ...Object.keys(manifest.files).map((name) => `${name}.gz`)]);
  for (const name of readdirSync(outDir)) {
    if (!keep.has(name) && !name.endsWith('.tmp')) rmSync(join(outDir, name), { force: true });
  }
  return manifest;
}

/** The manifest of an up-to-date build in `outDir`, building first when it is missing or stale. */
export async function ensurePlayground(outDir = defaultPlaygroundDir): Promise<PlaygroundManifest> {
  try {
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as PlaygroundManifest;
    const complete = Object.keys(manifest.files).every((name) => readdirSync(outDir).includes(`${name}.gz`));
    if (manifest.fingerprint === fingerprint() && complete) return manifest;
  } catch {
    // No build yet: make one.
  }
  return buildPlayground(outDir);
}

if (process.argv[1] && basename(process.argv[1]) === basename(fileURLToPath(import.meta.url))) {
  const outDir = process.argv[2] ?? defaultPlaygroundDir;
  const manifest = await buildPlayground(outDir);
  for (const [name, { bytes, gzipBytes }] of Object.entries(manifest.files)) {
    console.log(`${name}.gz  ${(bytes / 1024).toFixed(0)} KiB, ${(gzipBytes / 1024).toFixed(0)} KiB gzipped`);
  }
}
