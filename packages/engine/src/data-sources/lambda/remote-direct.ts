/**
 * Direct Lambda resolvers on a remote function: what AppSync does for a resolver with a Lambda data
 * source and no code. The function gets AppSync's Direct Lambda event (`arguments`, `identity`,
 * `source`, `request`, `info`, `prev`, `stash`) through the Invoke API, and its result is the
 * field's (or the pipeline function's) value. It is a unit resolver (or pipeline function) on the
 * Lambda data source whose handlers build that event and raise `ctx.error`, so it shares the data
 * source's batching, deadline and fault masking.
 *
 * Errors, as for the in-process handlers (direct.ts, direct-batch.ts): a function
 * error fails the field with the function's `errorMessage` and `errorType`; with `maxBatchSize`,
 * an element `{ data, errorMessage, errorType }` fails only its field (`Lambda:Unhandled` without
 * `errorType`, `data` as the error's data).
 */
import type { Context } from '@aws-appsync/utils';
import { AppSyncError } from '../../core/errors';
import { fn, unit, type PipelineFunction, type ResolverDefinition, type ResolverModule } from '../../core/resolver';
import { lambdaDataSource } from './data-source';
import { LAMBDA_UNHANDLED } from './errors';

/** AppSync's Direct Lambda event for a resolver execution; `info` with every property, as AppSync sends it. */
function directLambdaEvent(ctx: Context) {
  const { info } = ctx;
  return {
    arguments: ctx.arguments,
    identity: ctx.identity ?? null,
    source: ctx.source ?? null,
    request: ctx.request,
    info: {
      selectionSetList: info.selectionSetList,
      selectionSetGraphQL: info.selectionSetGraphQL,
      parentTypeName: info.parentTypeName,
      fieldName: info.fieldName,
      variables: info.variables,
    },
    prev: ctx.prev ?? null,
    stash: ctx.stash,
  };
}

function isItemError(value: unknown): value is { errorMessage: string; errorType?: unknown; data?: unknown } {
  return value !== null && typeof value === 'object' && typeof (value as { errorMessage?: unknown }).errorMessage === 'string';
}

function directModule(batched: boolean): ResolverModule {
  return {
    request: (ctx) => ({ operation: batched ? 'BatchInvoke' : 'Invoke', payload: directLambdaEvent(ctx) }),
    response: (ctx) => {
      if (ctx.error) throw new AppSyncError(ctx.error.message, ctx.error.type);
      const result: unknown = ctx.result;
      if (batched && isItemError(result)) {
        const errorType = typeof result.errorType === 'string' && result.errorType !== '' ? result.errorType : LAMBDA_UNHANDLED;
        throw new AppSyncError(result.errorMessage, errorType, result.data ?? null);
      }
      return result;
    },
  };
}

/**
 * A Direct Lambda resolver on a remote function (name or ARN): no resolver code, the function gets
 * AppSync's Direct Lambda event. With `maxBatchSize` (1..2,000, LIM-08) it gets arrays of events.
 */
export function remoteLambda(functionName: string, options: { maxBatchSize?: number } = {}): ResolverDefinition {
  return unit(directModule(options.maxBatchSize !== undefined), lambdaDataSource(functionName, options));
}

/** A pipeline function backed by a remote function: it gets the Direct Lambda event, `prev` included. */
export function remoteLambdaFn(name: string, functionName: string): PipelineFunction {
  return fn(name, directModule(false), lambdaDataSource(functionName));
}
