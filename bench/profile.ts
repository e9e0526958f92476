/**
 * `npm run bench:profile`: one cold start of our bundle under `node --cpu-prof` (require + first
 * request against DynamoDB Local, as in the cold-start bench), summarised by self time per package
 * and per function. BENCH_PROFILE_RUNS (default 5) profiles are merged to smooth out noise.
 *
 * `npm run bench:profile -- --warm[=typename|company]`: the warm path instead: after 200 warm-up
 * requests, BENCH_PROFILE_REQUESTS (default 20,000) sequential requests of `{ __typename }` (default)
 * or the DynamoDB-backed company query under the profiler, per request.
 * BENCH_PROFILE_OUT=<folder> keeps the .cpuprofile files and the bundle with its source map.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildOurs } from './lib/bundles.ts';
import { startBenchDatabase } from './lib/database.ts';
import { graphqlEvent, oursQuery, oursTypenameQuery } from './lib/events.ts';
import { selfTimes, type CpuProfile } from './lib/cpu-profile.ts';
import { runChild } from './lib/processes.ts';
import { ms, table } from './lib/stats.ts';

const runs = Math.max(1, Number(process.env.BENCH_PROFILE_RUNS ?? 5) || 5);
const warmArg = process.argv.slice(2).find((arg) => arg === '--warm' || arg.startsWith('--warm='));
const warmQuery = warmArg === '--warm=company' ? oursQuery : oursTypenameQuery;
const warmRequests = Math.max(100, Number(process.env.BENCH_PROFILE_REQUESTS ?? 20_000) || 20_000);
const workDir = mkdtempSync(join(tmpdir(), 'hiring-api-profile-'));

try {
  const ours = await buildOurs(workDir);
  const database = await startBenchDatabase(join(workDir, 'dynamodb'));
  const profiles = join(workDir, 'profiles');
  try {
    if (warmArg) {
      mkdirSync(profiles);
      const subject = { name: 'ours', file: ours.file, event: graphqlEvent(warmQuery) };
      const job = { subject, requests: warmRequests, warmup: 200, out: join(profiles, 'warm.cpuprofile') };
      const { result } = await runChild(['warm-profile'], { ...database.env, BENCH_WARM: JSON.stringify(job) });
      console.log(`${warmQuery}: ${(result as { perRequestUs: number }).perRequestUs.toFixed(1)} µs per request under the profiler`);
    } else {
      const env = { ...database.env, BENCH_EVENT: JSON.stringify(graphqlEvent(oursQuery)) };
      await runChild(['cold', ours.file], env);
      for (let run = 0; run < runs; run++) {
        await runChild(['cold', ours.file], env, ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--cpu-prof-interval=100']);
      }
    }
  } finally {
    await database.local.stop();
  }
  if (process.env.BENCH_PROFILE_OUT) {
    cpSync(profiles, process.env.BENCH_PROFILE_OUT, { recursive: true });
    for (const file of [ours.file, `${ours.file}.map`]) cpSync(file, join(process.env.BENCH_PROFILE_OUT, basename(file)));
  }
  const loaded = readdirSync(profiles).map((file) => JSON.parse(readFileSync(join(profiles, file), 'utf8')) as CpuProfile);
  const { byPackage, byFunction, totalMs } = selfTimes(loaded, ours.file);
  // Cold: milliseconds per run; warm: microseconds per request.
  const per = warmArg ? warmRequests / 1000 : loaded.length;
  const unit = (time: number) => (warmArg ? `${(time / per).toFixed(2)} µs` : ms(time / per));
  const what = warmArg ? `${warmRequests} warm requests; ${unit(totalMs)} sampled per request` : `${loaded.length} profiles of require + first request; ${ms(totalMs / per)} sampled per run`;
  console.log(`${what}. Self time per ${warmArg ? 'request' : 'run'}:`);
  console.log(table([['package (or phase)', 'self', 'share'], ...byPackage.slice(0, 25).map(([name, time]) => [name, unit(time), `${((time / totalMs) * 100).toFixed(1)}%`])]));
  console.log('');
  console.log(table([['function', 'self', 'share'], ...byFunction.slice(0, Number(process.env.BENCH_PROFILE_TOP ?? 30) || 30).map(([name, time]) => [name, unit(time), `${((time / totalMs) * 100).toFixed(1)}%`])]));
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
