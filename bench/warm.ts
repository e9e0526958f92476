/**
 * Warm requests: every handler loaded in one fresh process, then batches of sequential requests,
 * interleaved across handlers; the result is microseconds per request for each batch.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { runChild } from './lib/processes.ts';

export interface WarmSubject {
  /** Label in the report; several subjects may share one bundle file with different events. */
  name: string;
  file: string;
  event: APIGatewayProxyEventV2;
}

export interface WarmOptions {
  batches: number;
  requests: number;
  warmup: number;
  env: Record<string, string>;
}

/** Per-request microseconds of each batch, by subject name. */
export async function measureWarm(subjects: readonly WarmSubject[], options: WarmOptions): Promise<Record<string, number[]>> {
  const job = { subjects, batches: options.batches, requests: options.requests, warmup: options.warmup };
  const { result } = await runChild(['warm'], { ...options.env, BENCH_WARM: JSON.stringify(job) });
  return result as Record<string, number[]>;
}
