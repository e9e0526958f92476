/**
 * Ours against the peer (bench/peer) on the SDK's operations: CPU and wall time per request, warm,
 * in one process (lib/child.cjs `ops`), and DynamoDB calls and sequential round trips per operation,
 * counted by a proxy in front of DynamoDB Local the same way for both (`count`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { parse, type SelectionSetNode } from 'graphql';
import type { Bundle } from './lib/bundles.ts';
import type { BenchDatabase } from './lib/database.ts';
import { BENCH_API_KEY } from './lib/database.ts';
import { graphqlEvent } from './lib/events.ts';
import { callerClaims, sdkOperations, type OperationCase, type SdkOperation } from './lib/operations.ts';
import { runChild } from './lib/processes.ts';

export interface OperationTiming {
  wallUs: number;
  cpuUs: number;
}
export type OpsResult = Record<string, Record<string, OperationTiming[]>>;
export interface CountResult {
  calls: number;
  roundTrips: number;
  targets: string[];
}

export interface PeerComparison {
  operations: SdkOperation[];
  timings: OpsResult;
  counts: Record<string, Record<string, CountResult>>;
  depth: Record<string, number>;
  /** SDK operations without an entry in bench/lib/operations.ts. */
  skipped: string[];
}

/** Nesting of fields with a selection set: the most round trips a resolver-per-field API needs. */
export function selectionDepth(document: string): number {
  const depth = (set: SelectionSetNode | undefined): number =>
    set ? Math.max(0, ...set.selections.map((selection) => (selection.kind === 'Field' && selection.selectionSet ? 1 + depth(selection.selectionSet) : 0))) : 0;
  // Fragments in the SDK's documents hold scalars only: spreads add no depth.
  const parsed = parse(document);
  const operation = parsed.definitions.find((definition) => definition.kind === 'OperationDefinition');
  return operation && operation.kind === 'OperationDefinition' ? depth(operation.selectionSet) : 0;
}

function headersFor(operationCase: OperationCase, n: number | string, database: BenchDatabase): Record<string, string> {
  const claims = callerClaims(operationCase, database.seed, n);
  if (!claims) return { 'x-api-key': BENCH_API_KEY };
  return { authorization: database.key.token(database.env.COGNITO_USER_POOL_ID!, claims) };
}

/** Spare-consuming operations: calls per bundle in the timing run, and the offset of each bundle's share. */
const SPARE_CALLS = 12;

export async function comparePeer(ours: Bundle, peer: Bundle, database: BenchDatabase, options: { batches: number; requests: number; warmup: number }): Promise<PeerComparison> {
  const all = sdkOperations();
  const operations = all.filter((operation) => operation.case);
  const skipped = all.filter((operation) => !operation.case).map((operation) => operation.name);
  const bundles = [ours, peer];
  const event = (operation: SdkOperation, n: number | string): APIGatewayProxyEventV2 =>
    graphqlEvent(operation.document, operation.case!.variables(database.seed, n), headersFor(operation.case!, n, database));
  // Spares: each bundle takes its own slice, first for the timings, then two per count run.
  const spareEvents = (operation: SdkOperation, slot: number, count: number) => Array.from({ length: count }, (_, i) => event(operation, slot * count + i));
  const dir = mkdtempSync(join(tmpdir(), 'hiring-api-bench-ops-'));
  try {
    const job = {
      subjects: bundles.map((bundle) => ({ name: bundle.name, file: bundle.file })),
      operations: operations.map((operation) => ({
        name: operation.name,
        repeatable: operation.case!.repeatable,
        events: Object.fromEntries(
          bundles.map((bundle, slot) => [bundle.name, operation.case!.repeatable ? [event(operation, '__N__')] : spareEvents(operation, slot, SPARE_CALLS)]),
        ),
      })),
      ...options,
    };
    const jobFile = join(dir, 'ops.json');
    writeFileSync(jobFile, JSON.stringify(job));
    const timings = (await runChild(['ops'], { ...database.env, BENCH_JOB_FILE: jobFile })).result as OpsResult;

    const counts: PeerComparison['counts'] = {};
    for (const [slot, bundle] of bundles.entries()) {
      const countJob = {
        file: bundle.file,
        upstream: database.env.DYNAMODB_ENDPOINT,
        operations: operations.map((operation) => ({
          name: operation.name,
          events: operation.case!.repeatable ? [event(operation, `c${slot}a`), event(operation, `c${slot}b`)] : [event(operation, 2 * SPARE_CALLS + 2 * slot), event(operation, 2 * SPARE_CALLS + 2 * slot + 1)],
        })),
      };
      const countFile = join(dir, `count-${bundle.name}.json`);
      writeFileSync(countFile, JSON.stringify(countJob));
      counts[bundle.name] = (await runChild(['count'], { ...database.env, BENCH_JOB_FILE: countFile })).result as Record<string, CountResult>;
    }
    const depth = Object.fromEntries(operations.map((operation) => [operation.name, selectionDepth(operation.document)]));
    return { operations, timings, counts, depth, skipped };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
