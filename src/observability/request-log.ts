/**
 * The API's logs, as the engine's hooks (its core/hooks.ts): one structured INFO line per
 * request, written when the response is ready (who answered what, how fast and how it went; never
 * the variables, headers or tokens; the query text only at DEBUG), a line per failure worth one,
 * and resolver `console.*` as AppSync's field logs (resolver-console.ts).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { EngineHooks, ErrorReport, OperationReport, RequestObserver } from '@appsync-lambda/engine';
import { estimateCost, lambdaArchitecture } from './cost';
import { routeResolverConsole, type ResolverLogLevel } from './resolver-console';

const ARCHITECTURE = lambdaArchitecture(process.arch);
/** Lambda's memory when the context does not say (outside Lambda): serverless.yml's. */
const DEFAULT_MEMORY_MB = 1024;
const micro = (dollars: number) => Math.round(dollars * 1e12) / 1e6;

/** The query text is logged only at these levels (it may embed literal values; variables never are). */
const QUERY_TEXT_LEVELS = new Set(['TRACE', 'DEBUG']);

export interface LoggingOptions {
  logger: Logger;
  /** How resolver `console.*` calls are logged (RESOLVER_LOG_LEVEL); when omitted the console is left alone. */
  resolverLogLevel?: ResolverLogLevel;
}

/**
 * The hooks: per request, refreshes debug sampling and the Lambda context (function name, request
 * id, cold start) on the container's logger, and observes the request until its line is written.
 */
export function loggingHooks({ logger, resolverLogLevel }: LoggingOptions): EngineHooks {
  return {
    onRequestStart(request, { requestId, apiRequestId, lambdaContext }) {
      const started = performance.now();
      logger.refreshSampleRateCalculation();
      if (lambdaContext) logger.addContext(lambdaContext);
      const ids = { requestId, apiRequestId };
      let operation: OperationReport | undefined;
      const consumed = { calls: 0, readUnits: 0, writeUnits: 0 };
      const memoryMb = Number(lambdaContext?.memoryLimitInMB) || DEFAULT_MEMORY_MB;
      const observer: RequestObserver = {
        onConsumedCapacity({ readUnits, writeUnits }) {
          consumed.calls += 1;
          consumed.readUnits += readUnits;
          consumed.writeUnits += writeUnits;
        },
        onOperation(report) {
          operation = report;
        },
        onError(report: ErrorReport) {
          const fields = {
            coordinate: report.coordinate,
            ...ids,
            ...(report.kind === 'dataSource' ? {} : { operationName: report.operationName }),
            ...(report.path ? { path: report.path } : {}),
            ...report.details,
            ...(report.error === undefined ? {} : { error: report.error }),
          };
          if (report.severity === 'warn') logger.warn(report.message, fields);
          else logger.error(report.message, fields);
        },
        onRequestEnd({ status, errors }) {
          const query = operation?.query !== undefined && QUERY_TEXT_LEVELS.has(logger.getLevelName()) ? { query: operation.query } : {};
          const durationMs = performance.now() - started;
          // The estimate of what this request cost (src/observability/cost.ts, dated prices): compute from
          // the duration measured here (Lambda bills its own, slightly longer), requests, consumed units.
          const cost = estimateCost({ billedMs: durationMs, memoryMb, arch: ARCHITECTURE, readUnits: consumed.readUnits, writeUnits: consumed.writeUnits });
          logger.info('GraphQL request', {
            ...ids,
            method: request.method,
            path: request.path,
            operationName: operation?.operationName ?? null,
            operationType: operation?.operationType ?? null,
            authType: operation?.authType ?? null,
            status,
            durationMs: Math.round(durationMs * 10) / 10,
            errorCount: operation?.errorCount ?? errors?.count ?? 0,
            errorTypes: operation?.errorTypes ?? errors?.types ?? [],
            dynamodb: consumed,
            costMicroUsd: {
              total: micro(cost.total),
              lambdaCompute: micro(cost.lambdaCompute),
              lambdaRequest: micro(cost.lambdaRequest),
              httpApi: micro(cost.httpApi),
              dynamodbRead: micro(cost.dynamodbRead),
              dynamodbWrite: micro(cost.dynamodbWrite),
            },
            ...query,
          });
        },
      };
      if (resolverLogLevel) observer.aroundHandler = routeResolverConsole(logger, resolverLogLevel, ids);
      return observer;
    },
  };
}
