// Builds dist/ for the package's tarball: ES modules (the entry and the @aws-appsync/utils
// implementation share one copy of the engine's state through a common chunk) and type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', 'appsync-utils/index': 'src/appsync-utils/index.ts', 'appsync-utils/dynamodb': 'src/appsync-utils/dynamodb.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
