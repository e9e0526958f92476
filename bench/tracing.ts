/**
 * `npm run bench -- tracing`: what X-Ray tracing (src/observability/tracing.ts) costs, on the
 * production bundle in the same run: TRACING off, on (a subsegment per request and per data-source
 * call) and resolvers (and one per resolver execution). Every process gets the environment Lambda
 * sets with active tracing (a sampled trace id, the daemon's address); only TRACING differs. A UDP
 * socket here stands in for the X-Ray daemon and counts the documents the SDK sends, so the "on"
 * figures include building and sending them.
 *
 * Cold start: fresh processes, interleaved, as `npm run bench`. Warm: every mode's handler loaded
 * in one process, interleaved batches, CPU (user + system) and wall µs per request.
 */
import { createSocket } from 'node:dgram';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { measureColdStarts } from './cold-start.ts';
import type { Bundle } from './lib/bundles.ts';
import type { BenchDatabase } from './lib/database.ts';
import { graphqlEvent, oursQuery, oursTypenameQuery } from './lib/events.ts';
import { runChild } from './lib/processes.ts';
import { median, ratio, table, us } from './lib/stats.ts';
import { printColdStarts } from './report.ts';

const MODES = ['off', 'on', 'resolvers'] as const;
type Mode = (typeof MODES)[number];
const name = (mode: Mode) => `tracing ${mode}`;

/** A copy of the bundle and the files it loads beside it, in a folder of its own: one module per mode in a shared process. */
function copyBundle(bundle: Bundle, dir: string, mode: Mode, env: Record<string, string>): Bundle {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'handler.cjs');
  copyFileSync(bundle.file, file);
  for (const lazy of bundle.lazyFiles) copyFileSync(join(dirname(bundle.file), lazy.name), join(dir, basename(lazy.name)));
  return { ...bundle, name: name(mode), file, env: { ...bundle.env, ...env, TRACING: mode } };
}

export async function measureTracing(ours: Bundle, workDir: string, database: BenchDatabase, runs: number, warmOnly: boolean): Promise<void> {
  const daemon = createSocket('udp4');
  let documents = 0;
  daemon.on('message', () => void (documents += 1));
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  try {
    const lambda = {
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      LAMBDA_TASK_ROOT: workDir,
      _HANDLER: 'src/handler.handler',
      AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${(daemon.address() as AddressInfo).port}`,
      _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
      // The nested query's DynamoDB calls, within the API key's budget.
      QUERY_BUDGET_API_KEY: 'aliases=10,directives=10,dynamodbCalls=50',
    };
    const bundles = MODES.map((mode) => copyBundle(ours, join(workDir, `tracing-${mode}`), mode, lambda));
    const tracer = ours.lazyFiles.find((file) => file.name === 'tracer.cjs');
    console.log(`One bundle (${(ours.bytes / 1024).toFixed(1)} KiB), the same with every mode; tracer.cjs beside it: ${tracer ? `${(tracer.bytes / 1024).toFixed(1)} KiB` : 'missing'}, loaded only when TRACING is not off.`);

    if (!warmOnly) {
      const event = graphqlEvent(oursQuery);
      const before = documents;
      const cold = await measureColdStarts(
        bundles.map((bundle) => ({ bundle, event, env: database.env })),
        runs,
      );
      console.log(`\n${oursQuery} as the first request; ratios against TRACING off. ${documents - before} X-Ray documents received.`);
      printColdStarts(cold, name('off'));
    }

    // A recruiter of the seed's company (tenancy).
    const recruiter = { authorization: database.key.token(database.env.COGNITO_USER_POOL_ID!, { 'cognito:groups': ['recruiters'], sub: database.seed.recruiterSub }) };
    const nested = `{ job(id: "${database.seed.jobId}") { id applications(limit: 10) { items { id candidate { id name } job { id title } } } } }`;
    const queries: Array<[string, ReturnType<typeof graphqlEvent>]> = [
      ['{ __typename } (no data source)', graphqlEvent(oursTypenameQuery)],
      ['company(id): 1 resolver, 1 GetItem', graphqlEvent(oursQuery)],
      ['job → 10 applications → candidate, job: 22 resolvers, 24 calls (2 membership reads)', graphqlEvent(nested, undefined, recruiter)],
    ];
    const operations = queries.map(([operation, event]) => ({
      name: operation,
      repeatable: true,
      events: Object.fromEntries(MODES.map((mode) => [name(mode), [event]])),
    }));
    const before = documents;
    const job = {
      subjects: bundles.map((bundle) => ({ name: bundle.name, file: bundle.file, env: { TRACING: bundle.env.TRACING } })),
      operations,
      warmup: 50,
      batches: Number(process.env.BENCH_OPS_BATCHES ?? 7) || 7,
      requests: Number(process.env.BENCH_OPS_REQUESTS ?? 200) || 200,
    };
    const jobFile = join(workDir, 'tracing-job.json');
    writeFileSync(jobFile, JSON.stringify(job));
    const { result } = await runChild(['ops'], { ...database.env, ...lambda, BENCH_JOB_FILE: jobFile });
    const timings = result as Record<string, Record<string, Array<{ wallUs: number; cpuUs: number }>>>;
    console.log(`\nWarm, per request in one process (median of ${job.batches} interleaved batches of ${job.requests}); ratios against TRACING off. ${documents - before} X-Ray documents received.`);
    const rows = [['query', ...MODES.flatMap((mode) => [`${mode} CPU`, ...(mode === 'off' ? [] : ['ratio'])]), ...MODES.map((mode) => `${mode} wall`)]];
    for (const operation of operations) {
      const timing = timings[operation.name]!;
      const cpu = (mode: Mode) => median(timing[name(mode)]!.map((batch) => batch.cpuUs));
      const wall = (mode: Mode) => median(timing[name(mode)]!.map((batch) => batch.wallUs));
      rows.push([operation.name, ...MODES.flatMap((mode) => [us(cpu(mode)), ...(mode === 'off' ? [] : [ratio(cpu(mode), cpu('off'))])]), ...MODES.map((mode) => us(wall(mode)))]);
    }
    console.log(table(rows));
  } finally {
    daemon.close();
  }
}
