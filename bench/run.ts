/**
 * `npm run bench`: our Lambda bundle against a vanilla Apollo Server 5 + aws-lambda hello world,
 * both built and measured in this run. Ratios are ours / baseline: below 1× is better.
 * BENCH_RUNS (default 20, minimum 15) sets the fresh processes per bundle for cold starts;
 * `--variant=<name>` adds build variants (lib/variants.ts), `--ref=<git ref>` our bundle at that commit;
 * `--warm-only` skips the cold starts; `--no-peer` skips the peer (bench/peer) and its per-operation rows. `npm run bench -- memory` runs the memory flood instead (memory.ts),
 * against ours and any `--ref` bundles. `npm run bench -- realtime` runs the subscriptions fan-out
 * benchmark instead (realtime.ts); `npm run bench -- tracing` measures X-Ray tracing off, on and
 * with resolver subsegments (tracing.ts), on our bundle only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureColdStarts, measureHttpImport, type ColdSubject } from './cold-start.ts';
import { buildAtRef, buildBaseline, buildOurs, buildPeer, buildVariant, type Bundle } from './lib/bundles.ts';
import { startBenchDatabase } from './lib/database.ts';
import { baselineQuery, graphqlEvent, oursLargeQuery, oursQuery, oursTypenameQuery } from './lib/events.ts';
import { measureMemory } from './memory.ts';
import { comparePeer } from './peer-compare.ts';
import { measureRealtime } from './realtime.ts';
import { printBundles, printColdStarts, printPeer, printWarm } from './report.ts';
import { selectedVariants } from './lib/variants.ts';
import { measureTracing } from './tracing.ts';
import { measureWarm } from './warm.ts';

const runs = Math.max(15, Number(process.env.BENCH_RUNS ?? 20) || 20);
const variants = selectedVariants(process.argv.slice(2), process.env);
// `--ref=<git ref>`: our bundle as of that commit, measured beside today's (e.g. --ref=HEAD~1).
const refs = process.argv.slice(2).filter((arg) => arg.startsWith('--ref=')).map((arg) => arg.slice('--ref='.length));
const warmOnly = process.argv.includes('--warm-only');
const withPeer = !process.argv.includes('--no-peer');
const memoryOnly = process.argv.slice(2).includes('memory');
const realtimeOnly = process.argv.slice(2).includes('realtime');
const tracingOnly = process.argv.slice(2).includes('tracing');
const workDir = mkdtempSync(join(tmpdir(), 'hiring-api-bench-'));

if (realtimeOnly) {
  try {
    await measureRealtime();
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
} else if (tracingOnly) {
  try {
    console.log(`Node ${process.versions.node}, ${runs} fresh processes per mode. X-Ray tracing: ratios are TRACING on (or resolvers) / off.`);
    const ours = await buildOurs(workDir);
    const database = await startBenchDatabase(join(workDir, 'dynamodb'));
    try {
      await measureTracing(ours, workDir, database, runs, warmOnly);
    } finally {
      await database.local.stop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
} else if (memoryOnly) {
  try {
    const bundles = [await buildOurs(workDir)];
    for (const ref of refs) bundles.push(await buildAtRef(workDir, ref));
    const database = await startBenchDatabase(join(workDir, 'dynamodb'));
    try {
      if (!(await measureMemory(bundles, database.env))) process.exitCode = 1;
    } finally {
      await database.local.stop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
} else {
  try {
    console.log(`Node ${process.versions.node}, ${runs} fresh processes per bundle. Ratios are ours / baseline (< 1× is better).`);
    console.log(`ours:     ${oursQuery}  (Query.company → GetItem on DynamoDB Local, real resolver path)`);
    console.log(`baseline: ${baselineQuery}  (vanilla Apollo Server 5 + @as-integrations/aws-lambda, defaults)`);
    if (withPeer) console.log('peer:     the same query and the SDK operations on bench/peer (hand-written Apollo Server 5 + Document Client + DataLoader, bundled as ours)');
    for (const variant of variants) console.log(`variant ${variant.name}: ${variant.description}`);

    const ours = await buildOurs(workDir);
    const baseline = await buildBaseline(workDir);
    const peer = withPeer ? await buildPeer(workDir) : undefined;
    const variantBundles: Bundle[] = [];
    for (const ref of refs) variantBundles.push(await buildAtRef(workDir, ref));
    for (const variant of variants) variantBundles.push(await buildVariant(workDir, variant));
    printBundles([ours, ...variantBundles, ...(peer ? [peer] : [])], baseline);

    const database = await startBenchDatabase(join(workDir, 'dynamodb'));
    try {
      const oursEvent = graphqlEvent(oursQuery);
      const subjects: ColdSubject[] = [
        { bundle: ours, event: oursEvent, env: database.env },
        ...variantBundles.map((bundle) => ({ bundle, event: oursEvent, env: database.env })),
        ...(peer ? [{ bundle: peer, event: oursEvent, env: database.env }] : []),
        { bundle: baseline, event: graphqlEvent(baselineQuery) },
      ];
      let cold: Awaited<ReturnType<typeof measureColdStarts>> | undefined;
      if (!warmOnly) {
        cold = await measureColdStarts(subjects, runs);
        printColdStarts(cold, baseline.name);
        const httpImportMs = await measureHttpImport(9);
        console.log(`Of ours' first request, ~${httpImportMs.toFixed(1)} ms (median, measured alone) is Node loading undici for the SDK's`);
        console.log(`import('node:http'), paid only with an http:// endpoint such as DynamoDB Local; with https, as on Lambda,`);
        console.log('the SDK uses the node:https module it loaded with the bundle and skips it.');
      }

      const warm = await measureWarm(
        [
          { name: 'ours: company(id) via DynamoDB Local', file: ours.file, event: oursEvent },
          { name: 'ours: { __typename } (no data source)', file: ours.file, event: graphqlEvent(oursTypenameQuery) },
          { name: 'ours: 2 KB query, fields skipped', file: ours.file, event: graphqlEvent(oursLargeQuery) },
          // Variants and earlier commits: the same two requests without a data source, so changes to
          // the per-request path are compared in the same process.
          ...variantBundles.flatMap((bundle) => [
            { name: `${bundle.name}: { __typename }`, file: bundle.file, event: graphqlEvent(oursTypenameQuery) },
            { name: `${bundle.name}: 2 KB query`, file: bundle.file, event: graphqlEvent(oursLargeQuery) },
          ]),
          { name: 'baseline: { hello }', file: baseline.file, event: graphqlEvent(baselineQuery) },
        ],
        { batches: Number(process.env.BENCH_WARM_BATCHES ?? 7) || 7, requests: Number(process.env.BENCH_WARM_REQUESTS ?? 300) || 300, warmup: 100, env: database.env },
      );
      printWarm(warm, 'baseline: { hello }');
      if (peer) {
        const comparison = await comparePeer(ours, peer, database, {
          batches: Number(process.env.BENCH_OPS_BATCHES ?? 5) || 5,
          requests: Number(process.env.BENCH_OPS_REQUESTS ?? 100) || 100,
          warmup: 50,
        });
        printPeer(comparison, { ours, peer }, cold);
      }
    } finally {
      await database.local.stop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
