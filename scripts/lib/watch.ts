/**
 * File watching for `npm start`'s reload: fs.watch (recursive for folders: Linux and macOS with
 * Node 24), a burst of events (an editor's save, a codegen run, a git checkout) collapsed into one
 * change once the files have been quiet for a moment, and one reload at a time.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

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

/** Starts watching `paths`; throws, naming the path, when one does not exist. */
export function watchPaths(options: WatchOptions): { close(): void } {
  const debounceMs = options.debounceMs ?? 200;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    const files = [...pending].sort();
    pending.clear();
    if (files.length > 0) options.onChange(files);
  };
  const record = (file: string) => {
    if (isEditorFile(file) || options.ignore?.(file)) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const watchers: FSWatcher[] = [];
  for (const path of options.paths.map((each) => resolve(each))) {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) throw new Error(`Cannot watch ${path}: no such file or folder`);
    // A single file is watched through its folder: editors that save by renaming a new file over
    // the old one would otherwise leave the watcher on a file that no longer exists.
    const watcher = stats.isDirectory()
      ? watch(path, { recursive: true }, (_event, name) => record(name ? join(path, name) : path))
      : watch(dirname(path), (_event, name) => {
          if (name === basename(path)) record(path);
        });
    // A watched folder that disappears ends its watcher; the others keep going.
    watcher.on('error', () => watcher.close());
    watchers.push(watcher);
  }
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
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
