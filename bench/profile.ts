/**
 * `npm run bench:profile`: one cold start of our bundle under `node --cpu-prof` (require + first
 * request against DynamoDB Local, as in the cold-start bench), summarised by self time per package
 * and per function. BENCH_PROFILE_RUNS (default 5) profiles are merged to smooth out noise.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOurs } from './lib/bundles.ts';
import { startBenchDatabase } from './lib/database.ts';
import { graphqlEvent, oursQuery } from './lib/events.ts';
import { selfTimes, type CpuProfile } from './lib/cpu-profile.ts';
import { runChild } from './lib/processes.ts';
import { ms, table } from './lib/stats.ts';

const runs = Math.max(1, Number(process.env.BENCH_PROFILE_RUNS ?? 5) || 5);
const workDir = mkdtempSync(join(tmpdir(), 'hiring-api-profile-'));

try {
  const ours = await buildOurs(workDir);
  const database = await startBenchDatabase(join(workDir, 'dynamodb'));
  const profiles = join(workDir, 'profiles');
  try {
    const env = { ...database.env, BENCH_EVENT: JSON.stringify(graphqlEvent(oursQuery)) };
    await runChild(['cold', ours.file], env);
    for (let run = 0; run < runs; run++) {
      await runChild(['cold', ours.file], env, ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--cpu-prof-interval=100']);
    }
  } finally {
    await database.local.stop();
  }
  const loaded = readdirSync(profiles).map((file) => JSON.parse(readFileSync(join(profiles, file), 'utf8')) as CpuProfile);
  const { byPackage, byFunction, totalMs } = selfTimes(loaded, ours.file);
  console.log(`${loaded.length} profiles of require + first request; ${ms(totalMs / loaded.length)} sampled per run. Self time per run:`);
  console.log(table([['package (or phase)', 'self', 'share'], ...byPackage.slice(0, 25).map(([name, time]) => [name, ms(time / loaded.length), `${((time / totalMs) * 100).toFixed(1)}%`])]));
  console.log('');
  console.log(table([['function', 'self'], ...byFunction.slice(0, Number(process.env.BENCH_PROFILE_TOP ?? 30) || 30).map(([name, time]) => [name, ms(time / loaded.length)])]));
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
