/**
 * AWS X-Ray traces (Powertools Tracer) as engine hooks, on when TRACING=on or resolvers (off by
 * default; src/config/observability.ts).
 *
 * Per request, a subsegment `## <handler>` under the Lambda function's segment (Lambda's own, which
 * takes no annotations: the subsegment Powertools' `captureLambdaHandler` opens), annotated with
 * `ColdStart`, `Service`, `operationName` (the GraphQL operation's, `anonymous` without one),
 * `operationType`, `authType` and `status`, and marked error or fault from the HTTP status. Inside
 * it, one subsegment per data-source call, `## <kind> <data source> <operation>`
 * (`## DYNAMODB main GetItem`), annotated with `coordinate`, `dataSource` and `operation` (the
 * request object's: `GetItem`, `Invoke`, `GET`). A data source answers with `{ result, error }` rather than
 * throwing: an error the service or the network caused (a timeout, an unreachable or throttling
 * service) marks the subsegment a fault, any other (a failed condition) an error, and the
 * `errorType` is annotated. With `resolvers`, each resolver execution gets a subsegment
 * `### <coordinate>` too, and its data-source calls nest in it.
 *
 * The AWS SDK clients are not captured (`captureAWSv3Client`) and neither is HTTP(S) (unless
 * POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS=true): each call would add a second subsegment around
 * the same request, without the coordinate, and its cost (a document per call). The price: no
 * DynamoDB node on X-Ray's service map, and SDK retries are not shown one by one.
 *
 * The Tracer package (with aws-xray-sdk-core) is loaded only when tracing is on: `loadTracer`
 * imports it, and the Lambda bundle ships it beside the handler as tracer.cjs
 * (build/shims/tracer.ts), so with tracing off it costs nothing at cold start.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { DataSourceCall, EngineHooks } from '@appsync-lambda/engine';

type Segment = NonNullable<ReturnType<Tracer['getSegment']>>;
type Subsegment = ReturnType<Segment['addNewSubsegment']>;

/** Data-source errorTypes that are the service's or the network's fault, not the request's. */
const FAULTS = new Set(['Timeout', 'DataSourceUnavailable', 'Throttled']);
const THROTTLED = new Set(['Throttled', 'DynamoDB:ProvisionedThroughputExceededException', 'DynamoDB:ThrottlingException', 'DynamoDB:RequestLimitExceeded']);

export interface TracingOptions {
  /** A subsegment per resolver execution as well (many more subsegments on list fields). */
  resolvers?: boolean;
  /** The per-request subsegment's name after `## ` (Lambda's `_HANDLER`); `handler` when omitted. */
  handlerName?: string;
}

/** The Tracer's options (POWERTOOLS_SERVICE_NAME, POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS). */
export interface TracerSettings {
  serviceName: string;
  /** A subsegment per outgoing HTTP(S) request as well; off, see above. */
  captureHTTPsRequests: boolean;
}

/** Loads the Tracer package (with tracing on only: see above) and makes the functions' Tracer. */
export async function loadTracer(settings: TracerSettings): Promise<Tracer> {
  const { Tracer } = await import('@aws-lambda-powertools/tracer');
  return new Tracer(settings);
}

export function tracingHooks(tracer: Tracer, options: TracingOptions = {}): EngineHooks {
  const handlerName = options.handlerName ?? 'handler';
  const resolvers = options.resolvers ? new AsyncLocalStorage<Subsegment>() : undefined;
  return {
    onRequestStart() {
      if (!tracer.isTracingEnabled()) return undefined;
      // Lambda's segment, with this invocation's trace id (a facade the function cannot annotate).
      const parent = tracer.getSegment();
      if (!parent) return undefined;
      const segment = parent.addNewSubsegment(`## ${handlerName}`);
      tracer.setSegment(segment);
      tracer.annotateColdStart();
      tracer.addServiceNameAnnotation();
      return {
        ...(resolvers && {
          aroundResolver<T>(coordinate: string, call: () => Promise<T>): Promise<T> {
            const subsegment = (resolvers.getStore() ?? segment).addNewSubsegment(`### ${coordinate}`);
            subsegment.addAnnotation('coordinate', coordinate);
            return closing(subsegment, resolvers.run(subsegment, call));
          },
        }),
        aroundDataSource<T>(call: DataSourceCall, run: () => Promise<T>): Promise<T> {
          // X-Ray takes names of at most 200 characters (an HTTP data source's is its endpoint).
          const name = `## ${call.kind} ${call.name}${call.operation ? ` ${call.operation}` : ''}`.slice(0, 200);
          const subsegment = (resolvers?.getStore() ?? segment).addNewSubsegment(name);
          subsegment.addAnnotation('coordinate', call.coordinate);
          subsegment.addAnnotation('dataSource', call.name);
          if (call.operation) subsegment.addAnnotation('operation', call.operation);
          return closing(subsegment, run(), markOutcome);
        },
        onOperation(report) {
          segment.addAnnotation('operationName', report.operationName ?? 'anonymous');
          if (report.operationType) segment.addAnnotation('operationType', report.operationType);
          if (report.authType) segment.addAnnotation('authType', report.authType);
        },
        onRequestEnd({ status }) {
          segment.addAnnotation('status', status);
          if (status >= 500) segment.addFaultFlag();
          else if (status >= 400) segment.addErrorFlag();
          if (status === 429) segment.addThrottleFlag();
          segment.close();
          tracer.setSegment(parent);
        },
      };
    },
  };
}

/** Closes `subsegment` when `work` settles: a rejection is recorded as a fault, then rethrown. */
async function closing<T>(subsegment: Subsegment, work: Promise<T>, onResult?: (subsegment: Subsegment, result: T) => void): Promise<T> {
  try {
    const result = await work;
    onResult?.(subsegment, result);
    return result;
  } catch (error) {
    subsegment.addError(error instanceof Error ? error : String(error));
    throw error;
  } finally {
    subsegment.close();
  }
}

/** Marks a data source's `{ result, error }` answer: a fault of the service or network, or an error. */
function markOutcome(subsegment: Subsegment, outcome: unknown): void {
  const errorType = (outcome as { error?: { type?: unknown } } | null)?.error?.type;
  if (typeof errorType !== 'string') return;
  subsegment.addAnnotation('errorType', errorType);
  if (THROTTLED.has(errorType)) subsegment.addThrottleFlag();
  if (FAULTS.has(errorType) || THROTTLED.has(errorType)) subsegment.addFaultFlag();
  else subsegment.addErrorFlag();
}
