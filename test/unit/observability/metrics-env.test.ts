import { describe, expect, it } from 'vitest';
import { metricsFromEnv } from '../../../src/observability/metrics';

describe('metricsFromEnv (the HTTP and the realtime function)', () => {
  it('is on by default, in POWERTOOLS_METRICS_NAMESPACE', () => {
    const metrics = metricsFromEnv({ POWERTOOLS_METRICS_NAMESPACE: 'Hiring' });
    expect(metrics).toBeDefined();
    metrics!.addMetric('Probe', 'Count', 1);
    expect(metrics!.serializeMetrics()._aws.CloudWatchMetrics[0]!.Namespace).toBe('Hiring');
  });

  it('is undefined with METRICS=off, and refuses any other value', () => {
    expect(metricsFromEnv({ METRICS: 'off' })).toBeUndefined();
    expect(() => metricsFromEnv({ METRICS: 'maybe' })).toThrow(/METRICS must be on or off/);
  });
});
