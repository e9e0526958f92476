/**
 * The Lambda data source (AppSync's `AWS_LAMBDA` data source with JS resolvers): the request
 * handler returns `{ operation: 'Invoke' | 'BatchInvoke', payload, invocationType? }` and the
 * function named by the data source is called through Lambda's Invoke API with `payload` as its
 * event. `ctx.result` is the function's JSON result (null for `invocationType: 'Event'`, which
 * does not wait for the function); a function error is `ctx.error` (see errors.ts).
 *
 * `BatchInvoke`: the calls of one resolver (or pipeline function) within one GraphQL request that
 * are issued together are sent as one invoke whose event is the array of their payloads, at most
 * `maxBatchSize` per invoke; the function returns an array and element `i` is call `i`'s
 * `ctx.result`. A function error, a fault, or an answer that is not an array of the batch's length
 * is every call's `ctx.error`.
 */
import DataLoader from 'dataloader';
import type { DataSourceOutcome } from '../dynamodb/context';
import { BATCH_RESULT_MISMATCH } from './direct-batch';
import { faultDetails } from '../dynamodb/errors';
import { MappingTemplateError } from '../../core/errors';
import { reportDataSourceFault } from '../../core/hooks';
import type { RequestContext } from '../../core/request-context';
import { RequestSlot } from '../../core/request-slots';

import { MAX_LAMBDA_BATCH_SIZE, type LambdaDataSource } from '../../core/resolver';
import { functionError, lambdaFault, lambdaFaultCause, unreadableAnswer } from './errors';
import { defaultLambdaInvoker } from './invoker';
import { type LambdaInvoker } from '../../core/runtime';
import { ERROR_TYPES } from '../../core/error-types';

/** This request's BatchInvoke batches (a RequestContext slot). */
const INVOKE_BATCHES = new RequestSlot<LambdaInvokeBatches>('lambdaInvokeBatches');

interface LambdaRequest {
  operation: 'Invoke' | 'BatchInvoke';
  invocationType: 'RequestResponse' | 'Event';
  payload: unknown;
}

function readRequest(request: unknown): LambdaRequest {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw new MappingTemplateError('The request handler must return a Lambda request object: { operation, payload }');
  }
  const { operation, invocationType = 'RequestResponse', payload = null } = request as Record<string, unknown>;
  if (operation !== 'Invoke' && operation !== 'BatchInvoke') {
    throw new MappingTemplateError(`Unsupported Lambda operation ${JSON.stringify(operation)}; expected Invoke or BatchInvoke`);
  }
  if (invocationType !== 'RequestResponse' && invocationType !== 'Event') {
    throw new MappingTemplateError(`Unsupported invocationType ${JSON.stringify(invocationType)}; expected RequestResponse or Event`);
  }
  if (operation === 'BatchInvoke' && invocationType === 'Event') {
    throw new MappingTemplateError('BatchInvoke needs the function\'s results: invocationType must be RequestResponse');
  }
  return { operation, invocationType, payload };
}

function invokerOf(context: RequestContext): LambdaInvoker {
  return context.runtime.lambda ?? defaultLambdaInvoker();
}

/** One call to the function; never rejects: failures are the outcome's `error`. */
async function call(context: RequestContext, functionName: string, invocationType: LambdaRequest['invocationType'], payload: unknown): Promise<DataSourceOutcome> {
  let answer;
  try {
    answer = await invokerOf(context).invoke({ functionName, payload, invocationType, abortSignal: context.deadline?.signal });
  } catch (cause) {
    return { result: null, error: lambdaFault(cause) };
  }
  if (invocationType === 'Event') return { result: null };
  let parsed: unknown = null;
  if (answer.payload !== '') {
    try {
      parsed = JSON.parse(answer.payload);
    } catch {
      return { result: null, error: unreadableAnswer(`Lambda answered ${answer.payload.length} bytes that are not JSON (request ${answer.requestId ?? 'unknown'})`) };
    }
  }
  if (answer.functionError) return { result: null, error: functionError(parsed, answer.functionError) };
  return { result: parsed };
}

async function callBatch(context: RequestContext, functionName: string, payloads: readonly unknown[]): Promise<DataSourceOutcome[]> {
  const outcome = await call(context, functionName, 'RequestResponse', [...payloads]);
  if (outcome.error) return payloads.map(() => outcome);
  const results = outcome.result;
  if (!Array.isArray(results) || results.length !== payloads.length) {
    const got = Array.isArray(results) ? `${results.length} results` : results === null ? 'null' : typeof results;
    const error = { type: BATCH_RESULT_MISMATCH, message: `The Lambda function returned ${got} for a batch of ${payloads.length}` };
    return payloads.map(() => ({ result: null, error }));
  }
  return results.map((result: unknown) => ({ result }));
}

/** The BatchInvoke batches of one GraphQL request, one queue per resolver or pipeline function. */
export class LambdaInvokeBatches {
  readonly #loaders = new Map<string, DataLoader<unknown, DataSourceOutcome>>();

  constructor(readonly context: RequestContext) {}

  load(resolverId: string, dataSource: LambdaDataSource, payload: unknown): Promise<DataSourceOutcome> {
    const key = `${resolverId}\u0000${dataSource.functionName}`;
    let loader = this.#loaders.get(key);
    if (!loader) {
      // No cache: equal payloads are still separate calls of the batch, as on AppSync.
      loader = new DataLoader((payloads) => callBatch(this.context, dataSource.functionName, payloads), {
        cache: false,
        maxBatchSize: dataSource.maxBatchSize ?? MAX_LAMBDA_BATCH_SIZE,
      });
      this.#loaders.set(key, loader);
    }
    return loader.load(payload);
  }
}

/** Reports a fault once (the calls of one batch share one error). */
function logFault(outcome: DataSourceOutcome, context: RequestContext, resolverId: string, functionName: string): void {
  const { error } = outcome;
  const cause = lambdaFaultCause(error);
  if (!error || cause === undefined) return;
  const throttled = error.type === ERROR_TYPES.Throttled;
  reportDataSourceFault(context, error, {
    severity: throttled ? 'warn' : 'error',
    message: throttled ? 'Lambda throttling outlived the retries' : 'Lambda data source fault',
    coordinate: resolverId,
    details: { functionName, errorType: error.type, ...faultDetails(cause, 'lambdaRequestId') },
  });
}

/** Runs a Lambda request object against the data source; `ctx.result`/`ctx.error` as AppSync sets them. */
export async function runLambdaRequest(dataSource: LambdaDataSource, request: unknown, context: RequestContext, resolverId: string): Promise<DataSourceOutcome> {
  const { operation, invocationType, payload } = readRequest(request);
  const outcome =
    operation === 'Invoke'
      ? await call(context, dataSource.functionName, invocationType, payload)
      : await context.slots.getOrCreate(INVOKE_BATCHES, () => new LambdaInvokeBatches(context)).load(resolverId, dataSource, payload);
  logFault(outcome, context, resolverId, dataSource.functionName);
  return outcome;
}

/**
 * A Lambda data source for `unit`/`fn`: the function by name or ARN; `maxBatchSize` for
 * BatchInvoke (1..2,000, LIM-08; without it a batch holds every call issued together, up to 2,000).
 */
export function lambdaDataSource(functionName: string, options: { maxBatchSize?: number } = {}): LambdaDataSource {
  if (functionName === '') throw new Error('A Lambda data source needs a function name');
  const { maxBatchSize } = options;
  if (maxBatchSize !== undefined && (!Number.isInteger(maxBatchSize) || maxBatchSize < 1 || maxBatchSize > MAX_LAMBDA_BATCH_SIZE)) {
    throw new Error(`A Lambda data source's maxBatchSize must be an integer from 1 to ${MAX_LAMBDA_BATCH_SIZE}, got ${String(maxBatchSize)}`);
  }
  return maxBatchSize === undefined ? { kind: 'LAMBDA', functionName } : { kind: 'LAMBDA', functionName, maxBatchSize };
}
