/**
 * Tests import `@hiring/sdk` as a frontend does: the workspace package in node_modules, whose
 * exports point at sdk/dist (built by `npm install`). After a change to sdk/src (or a codegen run)
 * that build is stale, so the test run rebuilds it first, once, before any test file loads it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sdk = fileURLToPath(new URL('../../sdk/', import.meta.url));

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Whether sdk/dist is missing or older than a source it is built from. */
export function sdkBuildIsStale(): boolean {
  const built = join(sdk, 'dist', 'index.js');
  if (!existsSync(built)) return true;
  const sources = [join(sdk, 'src'), join(sdk, 'package.json'), join(sdk, 'tsconfig.build.json')];
  return Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs;
}

/** Runs the SDK's own build (`npm run build` in sdk/) when sdk/dist is stale. */
export function ensureSdkBuilt(): void {
  if (sdkBuildIsStale()) execFileSync('npm', ['run', 'build'], { cwd: sdk, stdio: 'inherit' });
}
