/** Provided by scripts/build-playground.ts: the worker bundles as source text. */
declare module 'virtual:playground-workers' {
  export const editorWorker: string;
  export const graphqlWorker: string;
  export const jsonWorker: string;
}

declare module '*.css';
