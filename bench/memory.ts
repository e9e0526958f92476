/**
 * `npm run bench -- memory`: a flood of unique large documents against the production bundle in a
 * fresh process, as Lambda runs a 1024 MB function, and its peak RSS against the same process after
 * a few ordinary requests. The caller is a signed-in recruiter, who may send any document.
 */
import { DEFAULT_MAX_QUERY_BYTES } from '@appsync-lambda/engine';
import { cognitoIdToken, createSigningKey, TEST_CLIENT_ID, TEST_USER_POOL_ID } from '@appsync-lambda/test-support';
import type { Bundle } from './lib/bundles.ts';
import { graphqlEvent, oursQuery } from './lib/events.ts';
import { runChild } from './lib/processes.ts';
import { mib, table } from './lib/stats.ts';

/**
 * The function's memory (serverless.yml) and the V8 limits the Lambda Node.js runtime's bootstrap
 * derives from it: new space a tenth of the memory (two semi-spaces), old space the rest.
 */
const FUNCTION_MB = 1024;
const LAMBDA_NODE_ARGS = [`--max-semi-space-size=${Math.floor(FUNCTION_MB / 20)}`, `--max-old-space-size=${FUNCTION_MB - Math.floor(FUNCTION_MB / 10)}`];
/** The stated bound on the peak RSS: half of the function's memory. */
export const MEMORY_BOUND_BYTES = (FUNCTION_MB / 2) * 1024 * 1024;

interface Phase {
  name: string;
  count: number;
  /** Padded documents of this many characters... */
  bytes?: number;
  /** ...or dense documents of this many aliases. */
  aliases?: number;
}

interface PhaseResult {
  name: string;
  count: number;
  averageBytes: number;
  outcomes: Record<string, number>;
  ms: number;
  maxRss: number;
  rss: number;
  heapUsed: number;
}

interface MemoryResult {
  baseline: { maxRss: number; rss: number; heapUsed: number };
  phases: PhaseResult[];
}

const scale = Math.max(0.01, Number(process.env.BENCH_MEMORY_SCALE ?? 1) || 1);
const phases: Phase[] = [
  { name: 'padded, just under MAX_QUERY_BYTES', count: Math.round(10_000 * scale), bytes: DEFAULT_MAX_QUERY_BYTES - 64 },
  { name: 'padded, 1 MiB (over the limit)', count: Math.round(500 * scale), bytes: 1024 * 1024 },
  { name: 'padded, 5 MiB (the issue’s flood)', count: Math.round(50 * scale), bytes: 5 * 1024 * 1024 },
  // Cached, but 30 times heavier than their text: the store must size them by their tokens.
  { name: 'dense: 500 aliases', count: Math.round(500 * scale), aliases: 500 },
];

/** Runs the flood against each bundle in its own process; returns false when one passed the bound. */
export async function measureMemory(bundles: readonly Bundle[], env: Record<string, string>): Promise<boolean> {
  const key = createSigningKey();
  const authorization = cognitoIdToken(key, { 'cognito:groups': ['recruiters'] });
  const event = graphqlEvent('');
  delete event.headers['x-api-key'];
  event.headers.authorization = authorization;
  const cognito = { COGNITO_USER_POOL_ID: TEST_USER_POOL_ID, COGNITO_CLIENT_IDS: TEST_CLIENT_ID, COGNITO_JWKS: JSON.stringify(key.jwks) };
  const job = { event, small: 10, smallQuery: oursQuery, phases };
  console.log(`\nMemory: ${phases.map((phase) => `${phase.count} × ${phase.name}`).join('; ')}.`);
  console.log(`Every document unique (operation name and alias). Node ${LAMBDA_NODE_ARGS.join(' ')}, as Lambda runs a ${FUNCTION_MB} MB function.`);
  let within = true;
  for (const bundle of bundles) {
    const started = performance.now();
    let result: MemoryResult;
    try {
      ({ result } = (await runChild(['memory', bundle.file], { ...env, ...bundle.env, ...cognito, BENCH_MEMORY: JSON.stringify(job) }, LAMBDA_NODE_ARGS)) as { result: MemoryResult });
    } catch (error) {
      const text = String(error);
      const reached = text.split('\n').filter((line) => line.startsWith('BENCH_PHASE '));
      const cause = /heap out of memory/i.test(text) ? 'out of memory' : text.split('\n')[0];
      console.log(`\n${bundle.name}: the process died (${cause}) after ${reached.length} of ${phases.length} phases.`);
      for (const line of reached) console.log(`  done: ${line.slice('BENCH_PHASE '.length)}`);
      within = false;
      continue;
    }
    const { baseline } = result;
    console.log(`\n${bundle.name}: baseline after 10 small requests: RSS ${mib(baseline.rss)} (high-water ${mib(baseline.maxRss)}), heap ${mib(baseline.heapUsed)}`);
    const rows = [['phase', 'documents', 'avg size', 'answers', 'time', 'peak RSS', 'over baseline', 'RSS after', 'heap after']];
    for (const phase of result.phases) {
      const answers = Object.entries(phase.outcomes).map(([outcome, count]) => `${count}× ${outcome}`).join(', ');
      rows.push([phase.name, String(phase.count), `${(phase.averageBytes / 1024).toFixed(0)} KiB`, answers, `${(phase.ms / 1000).toFixed(1)} s`, mib(phase.maxRss), mib(phase.maxRss - baseline.maxRss), mib(phase.rss), mib(phase.heapUsed)]);
    }
    console.log(table(rows));
    const peak = Math.max(...result.phases.map((phase) => phase.maxRss));
    const growth = peak - baseline.maxRss;
    const ok = peak <= MEMORY_BOUND_BYTES;
    within &&= ok;
    console.log(
      `${bundle.name}: peak RSS ${mib(peak)} (${mib(growth)} over the baseline): ${ok ? 'within' : 'OVER'} the bound of ${mib(MEMORY_BOUND_BYTES)}, ` +
        `half of the function's ${FUNCTION_MB} MB. ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    );
  }
  return within;
}
