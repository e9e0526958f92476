/**
 * Batched Direct Lambda resolvers (AppSync's `BatchInvoke`, contract EXE-16 `maxBatchSize`, LIM-08):
 * within one GraphQL request, the events of one batched resolver issued in the same tick (the items
 * of a list resolving the same field) are collected by a DataLoader and handed to the handler as an
 * array of at most `maxBatchSize` events; result `i` resolves event `i`.
 *
 * Results, as on AppSync: each element is the field's value, or `{ data, errorMessage, errorType }`
 * (an object with a string `errorMessage`) to fail that field alone: value null, an error with that
 * message and type (`Lambda:Unhandled` when absent) and `data` as the error's `data`. A thrown error
 * fails every field of the batch (typed like an unbatched handler's, see direct.ts); a result
 * that is not an array of the batch's length fails every field with `Lambda:BatchResultMismatch`.
 */
import type { AppSyncResolverEvent } from 'aws-lambda';
import DataLoader from 'dataloader';
import { asPayload, lambdaError, localLambdaContext } from './direct';
import { AppSyncError } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { RequestSlot } from '../../core/request-slots';

import type { LambdaBatchResolverModule } from '../../core/resolver';

/** This request's batched Direct Lambda calls (a RequestContext slot). */
const BATCH_LOADERS = new RequestSlot<LambdaBatchLoaders>('lambdaBatchLoaders');

type Event = AppSyncResolverEvent<unknown, unknown>;

/** errorType of every field of a batch whose handler returned no array of the batch's length. */
export const BATCH_RESULT_MISMATCH = 'Lambda:BatchResultMismatch';

interface ItemError {
  errorMessage: string;
  errorType?: unknown;
  data?: unknown;
}

function isItemError(value: unknown): value is ItemError {
  return value !== null && typeof value === 'object' && typeof (value as { errorMessage?: unknown }).errorMessage === 'string';
}

/** One element of the handler's result: the field's value, or the field's error. */
function toFieldResult(value: unknown): unknown {
  if (!isItemError(value)) return value;
  const errorType = typeof value.errorType === 'string' && value.errorType !== '' ? value.errorType : 'Lambda:Unhandled';
  return new AppSyncError(value.errorMessage, errorType, value.data ?? null, null);
}

/** Calls the handler once with a batch of events; never rejects (DataLoader takes per-item Errors). */
async function invokeBatch(module: LambdaBatchResolverModule, events: readonly Event[], context: RequestContext): Promise<unknown[]> {
  const lambdaContext = context.lambdaContext ?? localLambdaContext(context.requestId);
  let results: unknown;
  try {
    results = await module.handler(asPayload([...events]), lambdaContext, () => undefined);
  } catch (thrown) {
    const error = lambdaError(thrown);
    return events.map(() => error);
  }
  if (!Array.isArray(results) || results.length !== events.length) {
    const got = Array.isArray(results) ? `${results.length} results` : typeof results;
    const error = new AppSyncError(`The batched Lambda handler returned ${got} for ${events.length} events`, BATCH_RESULT_MISMATCH);
    return events.map(() => error);
  }
  return results.map(toFieldResult);
}

/** The batched Lambda resolvers of one GraphQL request; create one per request, never share across requests. */
export class LambdaBatchLoaders {
  // One loader per schema coordinate: AppSync batches the calls of one resolver.
  readonly #loaders = new Map<string, DataLoader<Event, unknown>>();

  constructor(readonly context: RequestContext) {}

  /** The field's value from the handler's next batch; rejects with an AppSyncError for the field's error. */
  load(coordinate: string, module: LambdaBatchResolverModule, maxBatchSize: number, event: Event): Promise<unknown> {
    let loader = this.#loaders.get(coordinate);
    if (!loader) {
      // No cache: two fields with equal events are still two items of the batch, as on AppSync.
      loader = new DataLoader((events) => invokeBatch(module, events, this.context), { cache: false, maxBatchSize });
      this.#loaders.set(coordinate, loader);
    }
    return loader.load(event);
  }
}

/** Queues `event` for the coordinate's next batch in this request and resolves to its own result. */
export function loadBatchedLambda(
  coordinate: string,
  module: LambdaBatchResolverModule,
  maxBatchSize: number,
  event: Event,
  context: RequestContext,
): Promise<unknown> {
  return context.slots.getOrCreate(BATCH_LOADERS, () => new LambdaBatchLoaders(context)).load(coordinate, module, maxBatchSize, event);
}
