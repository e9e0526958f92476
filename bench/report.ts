/** Console tables of a benchmark run; every ratio is against the baseline measured in the same run. */
import type { ColdSample } from './cold-start.ts';
import type { Bundle } from './lib/bundles.ts';
import { composition } from './lib/composition.ts';
import type { PeerComparison } from './peer-compare.ts';
import { kib, median, mib, ms, percentile, ratio, table, us } from './lib/stats.ts';

export function printBundles(ours: readonly Bundle[], baseline: Bundle): void {
  console.log('\nBundle size (minified CommonJS)');
  const rows = [['bundle', 'raw', 'gzip', 'raw ratio', 'gzip ratio']];
  for (const bundle of [...ours, baseline]) {
    rows.push([bundle.name, kib(bundle.bytes), kib(bundle.gzipBytes), ratio(bundle.bytes, baseline.bytes), ratio(bundle.gzipBytes, baseline.gzipBytes)]);
  }
  console.log(table(rows));
  for (const bundle of ours) {
    for (const lazy of bundle.lazyFiles) console.log(`${bundle.name} also ships ${lazy.name}: ${kib(lazy.bytes)} raw, ${kib(lazy.gzipBytes)} gzip, loaded on first use only`);
  }
  for (const bundle of [ours[0]!, baseline]) {
    console.log(`\nComposition of ${bundle.name}: top 15 packages by bytes in the output`);
    const shares = composition(bundle.metafile);
    const top = shares.slice(0, 15).map((share) => [share.name, kib(share.bytes), `${((share.bytes / bundle.bytes) * 100).toFixed(1)}%`, `${share.modules} modules`]);
    console.log(table([['package', 'bytes', 'share', 'modules'], ...top]));
    console.log(`(${shares.length} packages, ${shares.reduce((sum, share) => sum + share.modules, 0)} modules in all)`);
  }
}

export function printColdStarts(samples: Map<string, ColdSample[]>, baselineName: string): void {
  const pick = (name: string, field: keyof ColdSample) => samples.get(name)!.map((sample) => sample[field]);
  const runs = samples.get(baselineName)!.length;
  console.log(`\nCold start: spawn → first response received, ${runs} fresh processes each, interleaved`);
  const cpuBaseline = median(pick(baselineName, 'cpuMs'));
  const rows = [['bundle', 'median', 'p90', 'require', 'first request', 'CPU', 'median ratio', 'p90 ratio', 'CPU ratio']];
  for (const name of samples.keys()) {
    const wall = pick(name, 'wallMs');
    rows.push([
      name,
      ms(median(wall)),
      ms(percentile(wall, 90)),
      ms(median(pick(name, 'requireMs'))),
      ms(median(pick(name, 'firstRequestMs'))),
      ms(median(pick(name, 'cpuMs'))),
      ratio(median(wall), median(pick(baselineName, 'wallMs'))),
      ratio(percentile(wall, 90), percentile(pick(baselineName, 'wallMs'), 90)),
      ratio(median(pick(name, 'cpuMs')), cpuBaseline),
    ]);
  }
  console.log(table(rows));
  console.log('(require, first request and CPU are medians measured inside the process; the rest of the wall time is Node');
  console.log(' start-up. CPU = user + system time until the response: the steadiest figure on a busy machine.)');

  console.log('\nMemory: RSS after the first response (median)');
  const memory = [['bundle', 'RSS', 'ratio']];
  for (const name of samples.keys()) memory.push([name, mib(median(pick(name, 'rss'))), ratio(median(pick(name, 'rss')), median(pick(baselineName, 'rss')))]);
  console.log(table(memory));
}

export function printWarm(batches: Record<string, number[]>, baselineName: string): void {
  const baseline = median(batches[baselineName]!);
  const count = batches[baselineName]!.length;
  console.log(`\nWarm requests in one process: per-request time, median of ${count} interleaved batches`);
  const rows = [['handler: query', 'per request', 'min batch', 'ratio']];
  for (const [name, values] of Object.entries(batches)) rows.push([name, us(median(values)), us(Math.min(...values)), ratio(median(values), baseline)]);
  console.log(table(rows));
  console.log('(the DynamoDB Local row includes a GetItem round trip over localhost; { __typename } isolates Apollo + our runtime)');
}

/** Ours / peer: the cold start and bundle lines, then per SDK operation CPU, wall time, DynamoDB calls and round trips. */
export function printPeer(comparison: PeerComparison, bundles: { ours: Bundle; peer: Bundle }, cold?: Map<string, ColdSample[]>): void {
  console.log('\nOurs against the peer (a hand-written Apollo Server 5 + Document Client + DataLoader API, bench/peer), ratios ours / peer');
  const rows = [['measure', 'ours', 'peer', 'ratio']];
  rows.push(['bundle raw', kib(bundles.ours.bytes), kib(bundles.peer.bytes), ratio(bundles.ours.bytes, bundles.peer.bytes)]);
  rows.push(['bundle gzip', kib(bundles.ours.gzipBytes), kib(bundles.peer.gzipBytes), ratio(bundles.ours.gzipBytes, bundles.peer.gzipBytes)]);
  if (cold) {
    for (const [label, field] of [['cold start median', 'wallMs'], ['cold start CPU', 'cpuMs']] as const) {
      const mine = median(cold.get('ours')!.map((sample) => sample[field]));
      const theirs = median(cold.get('peer')!.map((sample) => sample[field]));
      rows.push([label, ms(mine), ms(theirs), ratio(mine, theirs)]);
    }
    const rss = (name: string) => median(cold.get(name)!.map((sample) => sample.rss));
    rows.push(['RSS after first response', mib(rss('ours')), mib(rss('peer')), ratio(rss('ours'), rss('peer'))]);
  }
  console.log(table(rows));

  console.log('\nWarm, per SDK operation (median of batches; CPU = user + system µs of the process per request, DynamoDB Local excluded)');
  const perOperation = [['operation', 'caller', 'ours CPU', 'peer CPU', 'CPU ratio', 'ours wall', 'peer wall', 'DDB calls ours/peer', 'round trips ours/peer', 'depth', 'ours calls']];
  for (const operation of comparison.operations) {
    const timing = comparison.timings[operation.name]!;
    const cpu = (name: string) => median(timing[name]!.map((batch) => batch.cpuUs));
    const wall = (name: string) => median(timing[name]!.map((batch) => batch.wallUs));
    const mine = comparison.counts.ours![operation.name]!;
    const theirs = comparison.counts.peer![operation.name]!;
    perOperation.push([
      operation.name + (operation.case!.repeatable ? '' : ' *'),
      operation.case!.caller,
      us(cpu('ours')),
      us(cpu('peer')),
      ratio(cpu('ours'), cpu('peer')),
      us(wall('ours')),
      us(wall('peer')),
      `${mine.calls}/${theirs.calls}`,
      `${mine.roundTrips}/${theirs.roundTrips}`,
      String(comparison.depth[operation.name]),
      mine.targets.join(' '),
    ]);
  }
  console.log(table(perOperation));
  const ratios = comparison.operations.map((operation) => {
    const timing = comparison.timings[operation.name]!;
    return median(timing.ours!.map((batch) => batch.cpuUs)) / median(timing.peer!.map((batch) => batch.cpuUs));
  });
  const geometric = Math.exp(ratios.reduce((sum, value) => sum + Math.log(value), 0) / ratios.length);
  console.log(`Geometric mean of the CPU ratios: ${geometric.toFixed(2)}×. * consumes seeded data: each call measured once (no batches).`);
  console.log('(round trips: the most DynamoDB requests that ran one after another; depth: nesting of fields with selections, the bound to stay within)');
  if (comparison.skipped.length > 0) console.log(`Not measured (no entry in bench/lib/operations.ts yet): ${comparison.skipped.join(', ')}`);
}
