/**
 * `npm run bench -- realtime`: one move of an application on a job with 100 graphql-ws subscribers
 * (and 100 more on another job), through the real HTTP handler (invoking the realtime function
 * synchronously, as `npm start`) and the real WebSocket handler behind a local API Gateway on DynamoDB Local. Prints, per event:
 * the mutation's response time, the time from the request to the last subscriber's receipt, and
 * the DynamoDB and Management API calls of the fan-out. REALTIME_SUBSCRIBERS, REALTIME_MOVES change the sizes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { lambdaBuildOptions } from '../build/esbuild.ts';
import { median, ms, percentile, table } from './lib/stats.ts';

/** One run of the realtime subject (bench/lib/realtime-run.ts), as figures. */
export interface RealtimeRun {
  subscribers: number;
  otherSubscribers: number;
  moves: number;
  events: Array<{
    responseMs: number;
    lastDeliveryMs: number;
    dynamodb: Record<string, number>;
    readUnits: number;
    posts: number;
    report?: { queries: number; matched: number; delivered: number; gone: number; failed: number; durationMs: number };
    cpuMs?: number;
  }>;
  /** Connect, connection_init and subscribe of `sessions` clients. */
  session: { sessions: number; cpuMs: number; readUnits: number; writeUnits: number };
  /** Every client's $disconnect. */
  disconnect: { cpuMs: number; readUnits: number; writeUnits: number };
  pingCpuMs: number[];
  eventBytes: number[];
}

/** Bundles and runs the realtime subject in a process of its own; `env` sets REALTIME_SUBSCRIBERS, REALTIME_MOVES. */
export async function runRealtime(env: Record<string, string> = {}): Promise<RealtimeRun> {
  // Inside the project, so the bundle resolves DynamoDB Local's jar from node_modules.
  mkdirSync(fileURLToPath(new URL('../.esbuild/', import.meta.url)), { recursive: true });
  const workDir = mkdtempSync(fileURLToPath(new URL('../.esbuild/bench-realtime-', import.meta.url)));
  try {
    const outfile = join(workDir, 'realtime-run.mjs');
    await build({
      ...lambdaBuildOptions,
      // The subject bundles its test helpers and DynamoDB Local's launcher: no lazy side bundles here.
      plugins: [],
      sourcemap: false,
      // Top-level await in the subject: an ES module, with a require for the CommonJS dependencies.
      format: 'esm',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      entryPoints: [fileURLToPath(new URL('./lib/realtime-run.ts', import.meta.url))],
      outfile,
    });
    const run = spawnSync(process.execPath, [outfile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'SILENT', ...env } });
    if (run.status !== 0) throw new Error(`The realtime benchmark failed (${run.status})`);
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as RealtimeRun;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

export async function measureRealtime(): Promise<void> {
  const result = await runRealtime();
  const responses = result.events.map((event) => event.responseMs);
  const deliveries = result.events.map((event) => event.lastDeliveryMs);
  const calls = result.events.map((event) => Object.entries(event.dynamodb).map(([name, count]) => `${name} ${count}`).join(', '));
  console.log(`\nRealtime: ${result.subscribers} subscribers on the job (+${result.otherSubscribers} on another job), ${result.moves} moves, one at a time.`);
  console.log(
    table([
      ['figure', 'median', 'p90', 'max'],
      ['mutation response (after the synchronous fan-out)', ms(median(responses)), ms(percentile(responses, 90)), ms(Math.max(...responses))],
      ['request start → last subscriber received', ms(median(deliveries)), ms(percentile(deliveries, 90)), ms(Math.max(...deliveries))],
    ]),
  );
  console.log(`Per event: DynamoDB calls of the fan-out: ${[...new Set(calls)].join(' | ')}; Management API PostToConnection: ${[...new Set(result.events.map((event) => event.posts))].join(', ')}.`);
}

if (import.meta.url === `file://${process.argv[1]}`) await measureRealtime();
