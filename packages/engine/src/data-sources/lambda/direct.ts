/**
 * Direct Lambda resolvers, run in-process: the handler gets AppSync's Direct Lambda event
 * (`arguments`, `identity`, `source`, `request`, `info`, `prev`, `stash`) as the JSON AppSync would
 * send, and its resolved value becomes the field's (or pipeline function's) result.
 *
 * Errors follow AppSync's Direct Lambda behaviour: a thrown `Error` fails the field with
 * `message` = the error's message and `errorType` = the error's `name` (what the Node.js Lambda
 * runtime reports as `errorType`); anything else thrown is typed `Lambda:Unhandled`. `data` and
 * `errorInfo` are null and no stack trace reaches the caller. Callback-style handlers are not
 * supported (the Node.js 24 Lambda runtime dropped them): the handler must return its value or a promise.
 */
import type { AppSyncResolverEvent, Context as LambdaContext } from 'aws-lambda';
import { AppSyncError } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import type { LambdaResolverModule } from '../../core/resolver';

/** Serialises like the JSON payload AppSync sends, so the handler cannot mutate the caller's state. */
export function asPayload<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return JSON.parse(JSON.stringify(value ?? null)) as T;
  }
}

/** A stand-in Lambda context for calls outside a Lambda invocation (local server, tests). */
export function localLambdaContext(requestId: string): LambdaContext {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:local',
    memoryLimitInMB: '128',
    awsRequestId: requestId,
    logGroupName: 'local',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** The GraphQL error AppSync reports for an error thrown by a Direct Lambda handler. */
export function lambdaError(thrown: unknown): AppSyncError {
  if (thrown instanceof AppSyncError) return thrown;
  if (thrown instanceof Error) return new AppSyncError(thrown.message, thrown.name || 'Lambda:Unhandled', null, null, { cause: thrown });
  return new AppSyncError(typeof thrown === 'string' ? thrown : 'Lambda function failed', 'Lambda:Unhandled', null, null, { cause: thrown });
}

/** Calls `module.handler` with a copy of `event`; resolves to its result or rejects with an AppSyncError. */
export async function invokeLambdaHandler(
  module: LambdaResolverModule,
  event: AppSyncResolverEvent<unknown, unknown>,
  context: RequestContext,
): Promise<unknown> {
  const lambdaContext = context.lambdaContext ?? localLambdaContext(context.requestId);
  try {
    return await module.handler(asPayload(event), lambdaContext, () => undefined);
  } catch (thrown) {
    throw lambdaError(thrown);
  }
}
