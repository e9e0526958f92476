/**
 * Cold start: process start → first response, in fresh Node processes. Each run spawns `node`,
 * requires the bundle, sends one event and reports; A and B alternate so drift cancels out.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Bundle } from './lib/bundles.ts';
import { runChild } from './lib/processes.ts';

export interface ColdSubject {
  bundle: Bundle;
  event: APIGatewayProxyEventV2;
  /** Environment of the fresh process besides the bundle's own (e.g. the table and endpoint). */
  env?: Record<string, string>;
}

export interface ColdSample {
  /** Before spawn → response line received: what a Lambda init + first invoke costs. */
  wallMs: number;
  /** `require()` of the bundle: code compiled and module-level work. */
  requireMs: number;
  /** The first invocation, server start included. */
  firstRequestMs: number;
  /** CPU time (user + system) of the process until the first response: the work done, barely moved by other load. */
  cpuMs: number;
  /** Resident set size after the first response. */
  rss: number;
}

type ChildColdResult = Omit<ColdSample, 'wallMs'>;

async function coldStart(subject: ColdSubject): Promise<ColdSample> {
  const env = { ...subject.env, ...subject.bundle.env, BENCH_EVENT: JSON.stringify(subject.event) };
  const { wallMs, result } = await runChild(['cold', subject.bundle.file], env);
  return { wallMs, ...(result as ChildColdResult) };
}

/** `runs` fresh processes per subject, interleaved A, B, B, A, … so order effects cancel too. */
export async function measureColdStarts(subjects: readonly ColdSubject[], runs: number): Promise<Map<string, ColdSample[]>> {
  const samples = new Map<string, ColdSample[]>(subjects.map((subject) => [subject.bundle.name, []]));
  // One unmeasured round warms the OS file cache for every bundle and the node binary.
  for (const subject of subjects) await coldStart(subject);
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? subjects : [...subjects].reverse();
    for (const subject of order) samples.get(subject.bundle.name)!.push(await coldStart(subject));
  }
  return samples;
}

/** Median cost of a first `import('node:http')` in a fresh process (see child.cjs). */
export async function measureHttpImport(runs: number): Promise<number> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push(((await runChild(['http-import'], {})).result as { ms: number }).ms);
  return samples.sort((a, b) => a - b)[samples.length >> 1]!;
}
