/**
 * Monaco's three web workers, bundled by scripts/build-playground.ts into the page's one script
 * and started from blob URLs, so the editor needs no worker files and no CDN.
 */
import { editorWorker, graphqlWorker, jsonWorker } from 'virtual:playground-workers';

function blobWorker(source: string, label: string): Worker {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(url, { name: label });
}

/** Installs `MonacoEnvironment.getWorker` before any editor is created. */
export function installMonacoWorkers(): void {
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string): Worker {
      if (label === 'graphql') return blobWorker(graphqlWorker, label);
      if (label === 'json') return blobWorker(jsonWorker, label);
      return blobWorker(editorWorker, label);
    },
  };
}
