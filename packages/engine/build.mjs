// Builds dist/ for the package's tarball: ES modules (the entries, main and realtime, and the
// @aws-appsync/utils implementation share one copy of the engine's state through common chunks)
// and type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', realtime: 'src/realtime.ts', testing: 'src/testing.ts', 'appsync-utils/index': 'src/appsync/utils/index.ts', 'appsync-utils/dynamodb': 'src/appsync/utils/dynamodb.ts' },
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

/**
 * The declarations as tsc wrote them name modules without extensions (`from './engine'`), which only
 * `moduleResolution: "Bundler"` resolves; a consumer on `NodeNext` (ES modules in Node) would see
 * the package's types as unresolved. Each relative specifier gets the `.js` of the file it means,
 * and `@aws-appsync/utils/dynamodb` (a package without an exports map) its file name.
 */
function fullySpecified(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) fullySpecified(path);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8');
      const fixed = text
        .replace(/((?:from|import\()\s*)(['"])(\.{1,2}\/[^'"]+)\2/g, (match, lead, quote, specifier) => {
          if (specifier.endsWith('.js')) return match;
          const base = join(dirname(path), specifier);
          if (existsSync(`${base}.d.ts`)) return `${lead}${quote}${specifier}.js${quote}`;
          if (existsSync(join(base, 'index.d.ts'))) return `${lead}${quote}${specifier}/index.js${quote}`;
          throw new Error(`${path}: no declaration for ${specifier}`);
        })
        .replace(/((?:from|import\()\s*)(['"])@aws-appsync\/utils\/dynamodb\2/g, '$1$2@aws-appsync/utils/dynamodb.js$2');
      if (fixed !== text) writeFileSync(path, fixed);
    }
  }
}
fullySpecified('dist');
