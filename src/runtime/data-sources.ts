/** Runs a request object against the data source a resolver or function is attached to. */
import { GetItemLoaders, runDynamoDBRequest, type DataSourceOutcome } from './dynamodb/index';
import { cancellationReasons, isTransactionCanceled } from './dynamodb/cancellation';
import { errorCause, errorName, faultDetails, faultType, THROTTLING_EXCEPTIONS } from './dynamodb/errors';
import { MappingTemplateError } from './errors';
import { invokeHttpDataSource } from './http-data-source/index';
import { runLambdaRequest } from './lambda/data-source';
import type { RequestContext } from './request-context';
import type { DataSourceRef } from './resolver';

export async function invokeDataSource(
  dataSource: DataSourceRef,
  request: unknown,
  context: RequestContext,
  resolverId: string,
): Promise<DataSourceOutcome> {
  if (dataSource.kind === 'NONE') {
    // The NONE data source hands the request's payload straight to the response handler (EXE-04).
    return { result: (request as { payload?: unknown } | null)?.payload ?? null };
  }
  if (dataSource.kind === 'HTTP') return invokeHttpDataSource(dataSource, request, context, resolverId);
  if (dataSource.kind === 'LAMBDA') return runLambdaRequest(dataSource, request, context, resolverId);
  const { tables, client, tokenSecret } = context.runtime;
  const tableName = tables[dataSource.table];
  if (!tableName) throw new MappingTemplateError(`No table is configured for the data source "${dataSource.table}"`);
  const abortSignal = context.deadline?.signal;
  context.getItemLoaders ??= new GetItemLoaders(client, abortSignal);
  const outcome = await runDynamoDBRequest(request, { client, tableName, tables, resolverId, secret: tokenSecret, abortSignal, getItems: context.getItemLoaders });
  logFailure(outcome, context, resolverId);
  return outcome;
}

/** Errors already logged: resolvers whose GetItems were coalesced share one error. */
const logged = new WeakSet<object>();

/**
 * A network or service fault reaches the resolver as a masked `ctx.error`; its details (the SDK's
 * error, DynamoDB's request id, the attempts made) are logged here, once per failed call, at ERROR.
 * Throttling and transaction conflicts that outlived the retries are logged at WARN; DynamoDB's other
 * exceptions (a failed condition, a bad key) are answers to the request, left to the resolver.
 */
function logFailure(outcome: DataSourceOutcome, context: RequestContext, resolverId: string): void {
  const { error } = outcome;
  const cause = errorCause(error);
  if (!error || cause === undefined || !context.log || logged.has(error)) return;
  const name = errorName(cause) ?? '';
  const isFault = faultType(cause) !== undefined;
  const isConflict = isTransactionCanceled(cause) && (cancellationReasons(cause) ?? []).some((reason) => reason.type === 'TransactionConflict');
  if (!isFault && !THROTTLING_EXCEPTIONS.has(name) && !isConflict) return;
  logged.add(error);
  const details = {
    coordinate: resolverId,
    requestId: context.requestId,
    apiRequestId: context.log.apiRequestId,
    errorType: error.type,
    deadlinePassed: context.deadline?.signal.aborted ?? false,
    ...faultDetails(cause),
  };
  if (isFault) context.log.logger.error('DynamoDB data source fault', details);
  else context.log.logger.warn(isConflict ? 'DynamoDB transaction conflicts outlived the retries' : 'DynamoDB throttling outlived the retries', details);
}
