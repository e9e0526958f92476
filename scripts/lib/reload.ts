/**
 * `npm start`'s reload: when a watched file changes, regenerate the types and the SDK first if the
 * schema or its operations changed, then restart the API (serverless-offline only: DynamoDB Local
 * keeps running with its data), and say so in one line. A failure is printed and the watch goes on;
 * the next change tries again. Requests that arrive while the API restarts may fail.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { serviceDir } from './serverless.ts';
import { reloadQueue, watchPaths } from './watch.ts';

/** What the bundle is built from: sources, schema, esbuild and serverless configuration. */
export const defaultWatchPaths = ['src', 'schema', 'build', 'serverless.yml', 'esbuild.config.cjs', 'tsconfig.json', 'package.json'];

export interface ReloadOptions {
  /** Folders and files to watch, relative to the service folder or absolute. */
  paths: string[];
  /** Replaces the running API with a fresh one; rejects with the reason (a build error) when it cannot start. */
  restart(): Promise<void>;
  /** Aborted when the stack stops: a reload in progress ends quietly. */
  signal: AbortSignal;
}

const inService = (...parts: string[]) => join(serviceDir, ...parts) + sep;
const schemaDir = inService('schema');
// Codegen writes these: while a reload runs they are its own output, not a change to reload for.
const generatedDirs = [inService('src', 'generated'), inService('sdk', 'src', 'generated')];

/** A file as the developer knows it: relative to the service folder when inside it. */
function shown(file: string): string {
  const path = relative(serviceDir, file);
  return path.startsWith('..') || isAbsolute(path) ? file : path;
}

/** The changed files that still exist, or all when none does: a save through a temp file also reports the temp file. */
function describeFiles(files: string[]): string {
  const present = files.filter((file) => existsSync(file));
  const named = present.length > 0 ? present : files;
  const names = named.slice(0, 3).map(shown).join(', ');
  return named.length > 3 ? `${names} and ${named.length - 3} more` : names;
}

/** Codegen's output without its progress lines (❯ started, ✔ done), each line once. */
function failures(output: string): string {
  const lines = output.split('\n').filter((line) => line.trim() !== '' && !/^\s*[❯✔] /.test(line));
  return [...new Set(lines)].join('\n');
}

/** Runs `npm run codegen`; resolves with its output when it fails, undefined when it succeeds. */
function codegen(): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'codegen'], { cwd: serviceDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => (output += chunk.toString());
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => resolve(error.message));
    child.once('close', (code) => resolve(code === 0 ? undefined : failures(output) || `exit code ${code}`));
  });
}

/** Watches `paths` and reloads the API on each change until `close()`; `ready` once watching. */
export function watchAndReload(options: ReloadOptions): { ready: Promise<void>; close(): Promise<void> } {
  const reload = async (files: string[]) => {
    const started = performance.now();
    const what = describeFiles(files);
    if (files.some((file) => file.startsWith(schemaDir))) {
      const failure = await codegen();
      if (options.signal.aborted) return;
      if (failure !== undefined) {
        console.error(`Codegen failed (${what}); the API keeps running the previous version. Fix it and save again.\n${failure}`);
        return;
      }
    }
    try {
      await options.restart();
    } catch (error) {
      if (options.signal.aborted) return;
      console.error(`Reload failed (${what}): ${(error as Error).message}\nThe API is down until the next change builds; still watching.`);
      return;
    }
    console.log(`Reloaded in ${((performance.now() - started) / 1000).toFixed(1)} s (${what})`);
  };
  const queue = reloadQueue(reload);
  return watchPaths({
    paths: options.paths.map((path) => (isAbsolute(path) ? path : join(serviceDir, path))),
    ignore: (file) => queue.busy && generatedDirs.some((dir) => file.startsWith(dir)),
    onChange: (files) => {
      if (!options.signal.aborted) queue.push(files);
    },
  });
}
