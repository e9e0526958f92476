/**
 * Our implementation of `@aws-appsync/utils` (the npm package ships only types). Resolvers import
 * `util`, `runtime` and `extensions` from it exactly as on AppSync; build/aliases.ts points the
 * import here. AppSync also exposes the three as globals (contract EXE-01): the engine installs
 * them when it builds its schema (appsync/globals.ts), not as a side effect of this import.
 */
export { extensions, runtime } from '../globals';
export { util } from '../util/index';
export type * from '@aws-appsync/utils';
