/**
 * How an application observes the engine: logs, metrics and traces are the application's, the
 * engine only says what happens. `onRequestStart` is called once per request, before
 * authentication; the observer it returns lives as long as that request (in its RequestContext)
 * and is told about everything else. Every member is optional, and a request without an observer
 * costs nothing.
 */
import type { Context as LambdaContext } from 'aws-lambda';
import type { EngineRequest } from './request';

/** The logger the realtime parts write with (Powertools' Logger fits); requests are observed through hooks. */
export interface EngineLogger {
  debug(message: string, ...extra: unknown[]): void;
  info(message: string, ...extra: unknown[]): void;
  warn(message: string, ...extra: unknown[]): void;
  error(message: string, ...extra: unknown[]): void;
}

/** What the engine reports about one request's operation once Apollo has parsed it. */
export interface OperationReport {
  operationName: string | null;
  operationType: string | null;
  /** `util.authType()`'s name for the request's mode, or null. */
  authType: string | null;
  /** The query text as sent (absent for a persisted query sent by hash only). */
  query?: string;
  /** Resolver executions the request ran (LIM-02 counts them). */
  resolverCount: number;
  /** The errors the caller receives, after formatting (masked ones count as InternalFailure). */
  errorCount: number;
  /** Their distinct errorTypes. */
  errorTypes: string[];
}

/**
 * How a request ended: its HTTP status, and for a request answered before the GraphQL server
 * (401, 400, 413: no `onOperation`), the errorTypes of its error response.
 */
export interface RequestOutcome {
  status: number;
  errors?: { count: number; types: string[] };
}

/** A data-source call about to run. */
export interface DataSourceCall {
  /** The resolver or pipeline function (`Type.field` or `Type.field/function`). */
  coordinate: string;
  kind: 'DYNAMODB' | 'LAMBDA' | 'HTTP' | 'NONE';
  /** The data source's name (a table's logical name, a function, an endpoint). */
  name: string;
  /** The request object's operation, when it has one (`GetItem`, `Invoke`, `GET`). */
  operation: string | null;
}

/**
 * Something that went wrong and is worth a log line; the caller got a masked or AppSync-shaped
 * error already. `severity` is the engine's advice: `error` for faults of the code or a service,
 * `warn` for a fault of the data (a null in a non-null field) or limits outlived (throttling).
 */
export interface ErrorReport {
  kind: 'unexpected' | 'code' | 'nonNull' | 'dataSource' | 'beforeExecution';
  severity: 'error' | 'warn';
  message: string;
  /** The schema coordinate the error belongs to, when known. */
  coordinate: string | null;
  operationName: string | null;
  path?: ReadonlyArray<string | number>;
  /** The error with its cause: never sent to the caller. */
  error?: unknown;
  /** More fields for the log line (a data source's request ids, attempts, the types of a non-null violation). */
  details?: Record<string, unknown>;
}

/** Observes one request; every member is optional. */
export interface RequestObserver {
  /** Around each synchronous resolver handler call (`request` or `response` of a resolver or function). */
  aroundHandler?<T>(coordinate: string, call: () => T): T;
  /** Around each resolver execution, from its first handler to its value. */
  aroundResolver?<T>(coordinate: string, call: () => Promise<T>): Promise<T>;
  /** Around each data-source call. */
  aroundDataSource?<T>(call: DataSourceCall, run: () => Promise<T>): Promise<T>;
  /**
   * The DynamoDB request units each call consumed. When present, the engine asks DynamoDB for them
   * (`ReturnConsumedCapacity: TOTAL` on every read and write; failed writes consume units too).
   */
  onConsumedCapacity?(consumed: { readUnits: number; writeUnits: number }): void;
  /** A failure worth logging (see ErrorReport); called once per failure. */
  onError?(report: ErrorReport): void;
  /** The operation, once known (not called for requests answered before Apollo). */
  onOperation?(report: OperationReport): void;
  /** The response is ready. */
  onRequestEnd?(outcome: RequestOutcome): void;
}

export interface EngineHooks {
  /** Called once per request, before authentication; what it returns observes that request. */
  onRequestStart?(request: EngineRequest, invocation: { requestId: string; apiRequestId: string | null; lambdaContext?: LambdaContext }): RequestObserver | undefined;
}

/**
 * Reports a data source's failure to the request's observer, once per error object. The request
 * ids and whether the deadline had passed are added here, so every data source reports alike.
 */
export function reportDataSourceFault(
  context: { observer?: RequestObserver; reported: WeakSet<object>; requestId: string; apiRequestId: string | null; deadline?: { signal: AbortSignal } },
  error: object,
  report: { severity: 'error' | 'warn'; message: string; coordinate: string; details: Record<string, unknown> },
): void {
  if (!context.observer?.onError || context.reported.has(error)) return;
  context.reported.add(error);
  context.observer.onError({
    kind: 'dataSource',
    severity: report.severity,
    message: report.message,
    coordinate: report.coordinate,
    operationName: null,
    details: { requestId: context.requestId, apiRequestId: context.apiRequestId, deadlinePassed: context.deadline?.signal.aborted ?? false, ...report.details },
  });
}

/** Several applications' hooks as one: every observer hears everything, the `around*` calls nest in order. */
export function composeHooks(all: readonly EngineHooks[]): EngineHooks {
  if (all.length === 1) return all[0]!;
  return {
    onRequestStart(request, invocation) {
      const observers = all.map((hooks) => hooks.onRequestStart?.(request, invocation)).filter((observer): observer is RequestObserver => observer !== undefined);
      return observers.length <= 1 ? observers[0] : composeObservers(observers);
    },
  };
}

function composeObservers(observers: readonly RequestObserver[]): RequestObserver {
  const having = <K extends keyof RequestObserver>(key: K) => observers.filter((observer) => observer[key] !== undefined);
  const composed: RequestObserver = {};
  const handlers = having('aroundHandler');
  if (handlers.length) composed.aroundHandler = (coordinate, call) => handlers.reduceRight((next, observer) => () => observer.aroundHandler!(coordinate, next), call)();
  const resolvers = having('aroundResolver');
  if (resolvers.length) composed.aroundResolver = (coordinate, call) => resolvers.reduceRight((next, observer) => () => observer.aroundResolver!(coordinate, next), call)();
  const dataSources = having('aroundDataSource');
  if (dataSources.length) composed.aroundDataSource = (call, run) => dataSources.reduceRight((next, observer) => () => observer.aroundDataSource!(call, next), run)();
  const capacity = having('onConsumedCapacity');
  if (capacity.length) composed.onConsumedCapacity = (consumed) => capacity.forEach((observer) => observer.onConsumedCapacity!(consumed));
  const errors = having('onError');
  if (errors.length) composed.onError = (report) => errors.forEach((observer) => observer.onError!(report));
  const operations = having('onOperation');
  if (operations.length) composed.onOperation = (report) => operations.forEach((observer) => observer.onOperation!(report));
  const ends = having('onRequestEnd');
  if (ends.length) composed.onRequestEnd = (outcome) => ends.forEach((observer) => observer.onRequestEnd!(outcome));
  return composed;
}
