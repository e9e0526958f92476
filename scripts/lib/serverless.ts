/** Where the Serverless Framework CLI (osls, the open-source v4 line) lives in this checkout. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root: the service directory that holds serverless.yml. */
export const serviceDir = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The CLI's JavaScript entry. Run it with `process.execPath` so it uses this Node (24) whatever
 * `node` the PATH would pick.
 */
export function serverlessCli(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('osls/package.json')), 'bin', 'serverless.js');
}
