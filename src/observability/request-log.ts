/**
 * One structured INFO line per request, written when the response is ready: who answered what, how
 * fast and how it went. Never the query's variables, headers or tokens; the query text only at DEBUG.
 *
 * The Lambda wrapper starts the line (request ids, cold start through Powertools' `addContext`),
 * Apollo's plugin (request-log-plugin.ts) fills in the operation and its errors, and the wrapper
 * writes it with the HTTP status, including for requests answered before Apollo (401, 400).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { ResolverLogLevel } from './resolver-console';

/** What is known about one request; lives as long as the request (RequestContext.log). */
export interface RequestLog {
  readonly logger: Logger;
  /** Lambda's request id (`awsRequestId`). */
  readonly requestId: string;
  /** API Gateway's request id, the one in API Gateway's access logs and the client's `apigw-requestid`. */
  readonly apiRequestId: string | null;
  /** How resolver `console.*` calls are logged; undefined leaves the console untouched. */
  readonly resolverLogLevel?: ResolverLogLevel;
  operationName?: string | null;
  operationType?: string | null;
  authType?: string | null;
  errorTypes?: string[];
  errorCount?: number;
  /** The query text, kept only when the logger is at DEBUG. */
  query?: string;
}

type Handler = (event: APIGatewayProxyEventV2, context: Context, callback: () => void) => Promise<APIGatewayProxyResultV2> | void;

/** The errors of a response answered before Apollo (401, 400 bad request), read from its JSON body. */
function bodyErrors(result: APIGatewayProxyResultV2 | undefined): string[] | undefined {
  if (!result || typeof result !== 'object' || (result.statusCode ?? 200) < 400 || typeof result.body !== 'string' || result.isBase64Encoded) return undefined;
  try {
    const errors = (JSON.parse(result.body) as { errors?: Array<{ errorType?: unknown }> }).errors;
    return Array.isArray(errors) ? errors.map((error) => String(error?.errorType ?? 'Unknown')) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps the Lambda handler: per invocation, refreshes debug sampling and the Lambda context
 * (function name, request id, cold start) on the container's logger, hands the request's
 * `RequestLog` to the server through `logs`, and writes the request line when the response is ready.
 */
export function withRequestLogging<H extends Handler>(
  handler: H,
  { logger, logs, resolverLogLevel }: { logger: Logger; logs: WeakMap<object, RequestLog>; resolverLogLevel?: ResolverLogLevel },
): H {
  const wrapped: Handler = async (event, context, callback) => {
    const started = performance.now();
    logger.refreshSampleRateCalculation();
    if (context) logger.addContext(context);
    const log: RequestLog = {
      logger,
      requestId: context?.awsRequestId ?? event.requestContext?.requestId ?? 'unknown',
      apiRequestId: event.requestContext?.requestId ?? null,
      resolverLogLevel,
    };
    logs.set(event, log);
    let status = 500;
    try {
      // The Apollo integration always resolves to a result (never the callback style).
      const result = (await handler(event, context, callback)) as APIGatewayProxyResultV2;
      status = typeof result === 'object' ? (result?.statusCode ?? 200) : 200;
      if (log.errorCount === undefined) {
        const errorTypes = bodyErrors(result);
        if (errorTypes) Object.assign(log, { errorCount: errorTypes.length, errorTypes: [...new Set(errorTypes)] });
      }
      return result;
    } finally {
      logger.info('GraphQL request', {
        requestId: log.requestId,
        apiRequestId: log.apiRequestId,
        method: event.requestContext?.http?.method ?? null,
        path: event.rawPath ?? null,
        operationName: log.operationName ?? null,
        operationType: log.operationType ?? null,
        authType: log.authType ?? null,
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        errorCount: log.errorCount ?? 0,
        errorTypes: log.errorTypes ?? [],
        ...(log.query === undefined ? {} : { query: log.query }),
      });
    }
  };
  return wrapped as H;
}
