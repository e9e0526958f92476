/**
 * File watching for `npm start`'s reload: chokidar (Node's recursive fs.watch on Linux stops
 * reporting a folder's changes once an editor saves by renaming a temp file over a source), a burst
 * of events (an editor's save, a codegen run, a git checkout) collapsed into one change once the
 * files have been quiet for a moment, and one reload at a time.
 */
import { watch } from 'chokidar';
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';

export interface WatchOptions {
  /** Folders (watched with everything under them) and single files. */
  paths: string[];
  /** Files to leave out (absolute paths), checked when their event arrives. */
  ignore?: (file: string) => boolean;
  /** Called once per burst with the changed files: absolute paths, sorted, each once. */
  onChange: (files: string[]) => void;
  /** How long the files must be quiet before a burst counts as one change. */
  debounceMs?: number;
}

/** Editors' swap, backup and lock files, and dotfiles such as .DS_Store: never a source change. */
export function isEditorFile(file: string): boolean {
  const name = basename(file);
  return name.startsWith('.') || name.endsWith('~') || name.startsWith('#') || name === '4913';
}

/**
 * Starts watching `paths`; throws, naming the path, when one does not exist. `ready` settles once
 * the existing files are known: changes from then on are reported.
 */
export function watchPaths(options: WatchOptions): { ready: Promise<void>; close(): Promise<void> } {
  const debounceMs = options.debounceMs ?? 200;
  const paths = options.paths.map((each) => resolve(each));
  const missing = paths.find((path) => !statSync(path, { throwIfNoEntry: false }));
  if (missing) throw new Error(`Cannot watch ${missing}: no such file or folder`);

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    const files = [...pending].sort();
    pending.clear();
    if (files.length > 0) options.onChange(files);
  };
  const watcher = watch(paths, { ignoreInitial: true, ignored: (path) => isEditorFile(path) && !paths.includes(path) });
  watcher.on('all', (event, path) => {
    if (event === 'addDir' || options.ignore?.(resolve(path))) return;
    pending.add(resolve(path));
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  // A watch error (a folder that vanished, too many watched files) must not end `npm start`.
  watcher.on('error', (error) => console.error(`Watching for changes: ${(error as Error).message}`));
  return {
    ready: new Promise((resolve) => watcher.once('ready', () => resolve())),
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

export interface ReloadQueue {
  /** Adds changed files: reloads now, or right after the reload in progress (merged). */
  push(files: string[]): void;
  /** True while a reload runs. */
  readonly busy: boolean;
}

/**
 * Runs `reload` for changes one at a time: files that change during a reload are merged into the
 * next one. `reload` reports its own failures; a rejection is only logged.
 */
export function reloadQueue(reload: (files: string[]) => Promise<void>): ReloadQueue {
  const waiting = new Set<string>();
  let running: Promise<void> | undefined;
  const next = (): Promise<void> | undefined => {
    if (waiting.size === 0) return undefined;
    const files = [...waiting].sort();
    waiting.clear();
    return reload(files)
      .catch((error: unknown) => console.error(`Reload failed: ${(error as Error).message}`))
      .then(() => {
        running = next();
        return running;
      });
  };
  return {
    push(files) {
      for (const file of files) waiting.add(file);
      running ??= next();
    },
    get busy() {
      return running !== undefined;
    },
  };
}
