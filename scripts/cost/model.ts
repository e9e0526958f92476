/**
 * What `npm run cost` models rather than measures, each stated in its report:
 *
 * - Lambda gives a function CPU in proportion to its memory, one full vCPU at 1769 MB; the API runs
 *   on one thread, so its CPU time at `memoryMb` is the time measured here × 1769 / memoryMb below
 *   1769 MB, and no faster above. This machine's core stands in for a Graviton (arm64) core.
 * - DynamoDB's in-region latency per call, by operation (below), added along each request's
 *   critical path of calls; DynamoDB Local's own latency is not DynamoDB's.
 * - Cold starts: COST_COLD_START_RATE of invocations (default 0.5 %) pay an init of
 *   COST_INIT_CPU_MS (default 185 ms: ours' cold-start CPU to the first response in `npm run bench`)
 *   scaled like the CPU, billed since 2025-08-01.
 * - Lambda's own START/END/REPORT log lines: about 260 bytes per invocation.
 */
export const FULL_VCPU_MB = 1769;

/** Modelled in-region DynamoDB latency per call (ms), p50-ish, from AWS's single-digit-millisecond figures. */
export const DYNAMODB_LATENCY_MS: Readonly<Record<string, number>> = {
  GetItem: 4,
  BatchGetItem: 6,
  Query: 5,
  PutItem: 6,
  UpdateItem: 6,
  DeleteItem: 6,
  TransactGetItems: 8,
  TransactWriteItems: 12,
  BatchWriteItem: 8,
};
const DEFAULT_LATENCY_MS = 6;

export const PLATFORM_LOG_BYTES = 260;

export interface CallRecord {
  operation: string;
  start: number;
  end: number;
}

/** The calls one after another on the request's critical path (the longest chain of non-overlapping calls). */
export function criticalPath(calls: readonly CallRecord[]): CallRecord[] {
  const chain: CallRecord[] = [];
  let last = -Infinity;
  for (const call of [...calls].sort((a, b) => a.end - b.end)) {
    if (call.start >= last) {
      chain.push(call);
      last = call.end;
    }
  }
  return chain;
}

/** Modelled time waiting on DynamoDB in AWS for a request whose calls were these. */
export function modelledDynamoDBMs(calls: readonly CallRecord[]): number {
  return criticalPath(calls).reduce((sum, call) => sum + (DYNAMODB_LATENCY_MS[call.operation] ?? DEFAULT_LATENCY_MS), 0);
}

/** CPU time at `memoryMb`, from CPU time measured on one full core. */
export function cpuAtMemory(cpuMs: number, memoryMb: number): number {
  return cpuMs * Math.max(1, FULL_VCPU_MB / memoryMb);
}
