/** `npm run build`: bundles the Lambda handler and prints its size. */
import { statSync } from 'node:fs';
import { buildLambda } from '../build/esbuild.ts';

const outfile = new URL('../dist/lambda/handler.cjs', import.meta.url).pathname;
await buildLambda(outfile);
console.log(`dist/lambda/handler.cjs  ${(statSync(outfile).size / 1024).toFixed(1)} KiB`);
await (await import('./build-playground.ts')).buildPlayground();
