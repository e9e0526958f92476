/** Runs a request object against the data source a resolver or function is attached to. */
import { GetItemLoaders, runDynamoDBRequest, type DataSourceOutcome } from './dynamodb/index';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, isTransactionCanceled } from './dynamodb/cancellation';
import { meteredClient } from './dynamodb/metered';
import { errorCause, errorName, faultDetails, faultType, THROTTLING_EXCEPTIONS } from './dynamodb/errors';
import { MappingTemplateError } from '../core/errors';
import { reportDataSourceFault, type DataSourceCall, type RequestObserver } from '../core/hooks';
import { httpDataSourceName } from './http/config';
import { invokeHttpDataSource } from './http/index';
import { runLambdaRequest } from './lambda/data-source';
import type { RequestContext } from '../core/request-context';
import { RequestSlot } from '../core/request-slots';
import type { DataSourceRef } from '../core/resolver';

const GET_ITEM_LOADERS = new RequestSlot<GetItemLoaders>('getItemLoaders');
const METERED_CLIENT = new RequestSlot<DynamoDBDocumentClient>('meteredClient');

/** The DynamoDB client, metered when the request's observer counts consumed capacity. */
function clientFor(context: RequestContext): DynamoDBDocumentClient {
  const { observer } = context;
  if (!observer?.onConsumedCapacity) return context.runtime.client;
  return context.slots.getOrCreate(METERED_CLIENT, () => meteredClient(context.runtime.client, (consumed) => observer.onConsumedCapacity?.(consumed)));
}

/** The data source's name and the request's operation, for the observer's `aroundDataSource`. */
function describeCall(dataSource: DataSourceRef, request: unknown, coordinate: string): DataSourceCall {
  const fields = (typeof request === 'object' && request !== null ? request : {}) as { operation?: unknown; method?: unknown };
  const operation = typeof fields.operation === 'string' ? fields.operation : typeof fields.method === 'string' ? fields.method : null;
  const name = dataSource.kind === 'DYNAMODB' ? dataSource.table : dataSource.kind === 'LAMBDA' ? dataSource.functionName : dataSource.kind === 'HTTP' ? httpDataSourceName(dataSource) : 'NONE';
  return { coordinate, kind: dataSource.kind, name, operation };
}

/** Runs `request` against `dataSource`: `ctx.result` or `ctx.error` as AppSync sets them. */
export async function invokeDataSource(dataSource: DataSourceRef, request: unknown, context: RequestContext, resolverId: string): Promise<DataSourceOutcome> {
  const around = context.observer?.aroundDataSource;
  if (!around) return callDataSource(dataSource, request, context, resolverId);
  return around.call<RequestObserver | undefined, [DataSourceCall, () => Promise<DataSourceOutcome>], Promise<DataSourceOutcome>>(
    context.observer,
    describeCall(dataSource, request, resolverId),
    () => callDataSource(dataSource, request, context, resolverId),
  );
}

async function callDataSource(dataSource: DataSourceRef, request: unknown, context: RequestContext, resolverId: string): Promise<DataSourceOutcome> {
  if (dataSource.kind === 'NONE') {
    // The NONE data source hands the request's payload straight to the response handler (EXE-04).
    return { result: (request as { payload?: unknown } | null)?.payload ?? null };
  }
  if (dataSource.kind === 'HTTP') return invokeHttpDataSource(dataSource, request, context, resolverId);
  if (dataSource.kind === 'LAMBDA') return runLambdaRequest(dataSource, request, context, resolverId);
  const { tables, tokenSecret } = context.runtime;
  const client = clientFor(context);
  const tableName = tables[dataSource.table];
  if (!tableName) throw new MappingTemplateError(`No table is configured for the data source "${dataSource.table}"`);
  const abortSignal = context.deadline?.signal;
  const getItems = context.slots.getOrCreate(GET_ITEM_LOADERS, () => new GetItemLoaders(client, abortSignal));
  const outcome = await runDynamoDBRequest(request, { client, tableName, tables, resolverId, secret: tokenSecret, abortSignal, getItems });
  logFailure(outcome, context, resolverId);
  return outcome;
}

/**
 * A network or service fault reaches the resolver as a masked `ctx.error`; its details (the SDK's
 * error, DynamoDB's request id, the attempts made) are logged here, once per failed call, at ERROR.
 * Throttling and transaction conflicts that outlived the retries are logged at WARN; DynamoDB's other
 * exceptions (a failed condition, a bad key) are answers to the request, left to the resolver.
 */
function logFailure(outcome: DataSourceOutcome, context: RequestContext, resolverId: string): void {
  const { error } = outcome;
  const cause = errorCause(error);
  if (!error || cause === undefined) return;
  const name = errorName(cause) ?? '';
  const isFault = faultType(cause) !== undefined;
  const isConflict = isTransactionCanceled(cause) && (cancellationReasons(cause) ?? []).some((reason) => reason.type === 'TransactionConflict');
  if (!isFault && !THROTTLING_EXCEPTIONS.has(name) && !isConflict) return;
  reportDataSourceFault(context, error, {
    severity: isFault ? 'error' : 'warn',
    message: isFault ? 'DynamoDB data source fault' : isConflict ? 'DynamoDB transaction conflicts outlived the retries' : 'DynamoDB throttling outlived the retries',
    coordinate: resolverId,
    details: { errorType: error.type, ...faultDetails(cause) },
  });
}
