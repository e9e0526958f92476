import { Metrics } from '@aws-lambda-powertools/metrics';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/config';

const observability = (env: Record<string, string>) => readConfig({ TABLE_NAME: 't', ...env }).observability;

describe('the metrics settings (the HTTP and the realtime function)', () => {
  it('are on by default, in POWERTOOLS_METRICS_NAMESPACE, as the functions pass them to Metrics', () => {
    const settings = observability({ POWERTOOLS_METRICS_NAMESPACE: 'Hiring' }).metrics;
    expect(settings).toEqual({ namespace: 'Hiring', serviceName: 'hiring-api' });
    const metrics = new Metrics(settings);
    metrics.addMetric('Probe', 'Count', 1);
    expect(metrics.serializeMetrics()._aws.CloudWatchMetrics[0]!.Namespace).toBe('Hiring');
  });

  it('are undefined with METRICS=off, and refuse any other value', () => {
    expect(observability({ METRICS: 'off' }).metrics).toBeUndefined();
    expect(() => observability({ METRICS: 'maybe' })).toThrow(/METRICS must be on or off/);
  });
});
