/**
 * CloudWatch metrics in the embedded metric format (Powertools Metrics): written as log lines at
 * the end of each request, no API call. The namespace and service come from the configuration
 * (POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_SERVICE_NAME; src/config/observability.ts), the
 * dimensions `service` and `operation`, plus `errorType` on `Errors`. Dimensions stay bounded: an
 * operation is named only when it is one of the SDK's (the trusted documents' operation names),
 * otherwise `other`; errorTypes are the API's own small set.
 *
 * Per request: `Requests`, `Latency` (ms), `ResolverCount`, `DynamoDBCalls`,
 * `DynamoDBReadUnits`, `DynamoDBWriteUnits` (consumed request units), and one `Errors` per
 * errorType the caller received; once per container, `ColdStart`.
 */
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { EngineHooks, OperationReport } from '@appsync-lambda/engine';

export const OTHER_OPERATION = 'other';

export interface MetricsOptions {
  metrics: Metrics;
  /** The operation names a dimension may take (the SDK's); any other is `other`. */
  operations: ReadonlySet<string>;
}

export function metricsHooks({ metrics, operations }: MetricsOptions): EngineHooks {
  let coldStart = true;
  return {
    onRequestStart() {
      const started = performance.now();
      let operation: OperationReport | undefined;
      let calls = 0;
      let readUnits = 0;
      let writeUnits = 0;
      return {
        onOperation(report) {
          operation = report;
        },
        onConsumedCapacity(consumed) {
          calls += 1;
          readUnits += consumed.readUnits;
          writeUnits += consumed.writeUnits;
        },
        onRequestEnd({ status, errors }) {
          const name = operation?.operationName && operations.has(operation.operationName) ? operation.operationName : OTHER_OPERATION;
          if (coldStart) {
            coldStart = false;
            const cold = metrics.singleMetric();
            cold.addMetric('ColdStart', MetricUnit.Count, 1);
          }
          for (const errorType of operation?.errorTypes ?? errors?.types ?? []) {
            const single = metrics.singleMetric();
            single.addDimensions({ operation: name, errorType });
            single.addMetric('Errors', MetricUnit.Count, 1);
          }
          metrics.addDimension('operation', name);
          metrics.addMetric('Requests', MetricUnit.Count, 1);
          metrics.addMetric('Latency', MetricUnit.Milliseconds, Math.round((performance.now() - started) * 10) / 10);
          metrics.addMetric('ResolverCount', MetricUnit.Count, operation?.resolverCount ?? 0);
          metrics.addMetric('DynamoDBCalls', MetricUnit.Count, calls);
          metrics.addMetric('DynamoDBReadUnits', MetricUnit.Count, readUnits);
          metrics.addMetric('DynamoDBWriteUnits', MetricUnit.Count, writeUnits);
          if (status >= 500) metrics.addMetric('ServerErrors', MetricUnit.Count, 1);
          metrics.publishStoredMetrics();
        },
      };
    },
  };
}
