/**
 * `npm run package` / `npm run deploy`: runs the Serverless Framework CLI with the given arguments
 * once the playground assets it ships (dist/playground/) are built and current.
 */
import { spawn } from 'node:child_process';
import { ensurePlayground } from './build-playground.ts';
import { serverlessCli, serviceDir } from './lib/serverless.ts';

await ensurePlayground();
const child = spawn(process.execPath, [serverlessCli(), ...process.argv.slice(2)], { cwd: serviceDir, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
