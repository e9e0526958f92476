/**
 * CloudWatch metrics of the realtime function (Powertools Metrics, embedded metric format): one
 * line per fan-out, that is per published mutation event and Subscription field it fires, from the
 * engine's `onFanOut` report. Namespace POWERTOOLS_METRICS_NAMESPACE, dimensions `service` and
 * `subscriptionField` (bounded: the schema's Subscription fields, any other is `other`).
 *
 * `FanOutSubscriptionsMatched` (subscriptions the event matched), `FanOutDeliveries` (posts the
 * Management API accepted), `FanOutGone` (posts to connections found gone, whose records are then
 * deleted), `FanOutFailures` (posts that failed otherwise, logged), `FanOutQueries` (index Queries),
 * `FanOutDurationMs` (first Query to last post's answer).
 */
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { FanOutReport } from '@appsync-lambda/engine/realtime';
import { Kind, parse } from 'graphql';

export const OTHER_SUBSCRIPTION_FIELD = 'other';

export interface FanOutMetricsOptions {
  metrics: Metrics;
  /** The schema's SDL: its Subscription fields are the values the dimension may take. */
  sdl: string;
}

/** The fields of the SDL's `Subscription` type (and its extensions). */
export function subscriptionFieldNames(sdl: string): string[] {
  return parse(sdl).definitions.flatMap((definition) =>
    (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && definition.name.value === 'Subscription'
      ? (definition.fields ?? []).map((field) => field.name.value)
      : [],
  );
}

/** The realtime service's `onFanOut`: one metric line per report. */
export function fanOutMetrics({ metrics, sdl }: FanOutMetricsOptions): (report: FanOutReport) => void {
  const known = new Set(subscriptionFieldNames(sdl));
  return (report) => {
    metrics.addDimension('subscriptionField', known.has(report.subscriptionField) ? report.subscriptionField : OTHER_SUBSCRIPTION_FIELD);
    metrics.addMetric('FanOutSubscriptionsMatched', MetricUnit.Count, report.matched);
    metrics.addMetric('FanOutDeliveries', MetricUnit.Count, report.delivered);
    metrics.addMetric('FanOutGone', MetricUnit.Count, report.gone);
    metrics.addMetric('FanOutFailures', MetricUnit.Count, report.failed);
    metrics.addMetric('FanOutQueries', MetricUnit.Count, report.queries);
    metrics.addMetric('FanOutDurationMs', MetricUnit.Milliseconds, Math.round(report.durationMs * 10) / 10);
    metrics.publishStoredMetrics();
  };
}
