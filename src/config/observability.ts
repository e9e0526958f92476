/**
 * Logs, metrics and traces (Powertools): the options the functions pass to the Logger, Metrics and
 * Tracer constructors, and how resolver `console.*` output is logged. Powertools still reads its own
 * documented variables itself (docs/configuration.md).
 */
import type { ConstructorOptions as LoggerOptions, LogLevel } from '@aws-lambda-powertools/logger/types';
import type { MetricsOptions } from '@aws-lambda-powertools/metrics/types';
import type { ResolverLogLevel } from '../observability/resolver-console';
import type { TracerSettings } from '../observability/tracing';
import type { Env } from './values';

const RESOLVER_LOG_LEVELS: readonly ResolverLogLevel[] = ['NONE', 'ERROR', 'ALL'];

export interface ObservabilitySettings {
  logger: Pick<LoggerOptions, 'serviceName' | 'logLevel' | 'sampleRateValue'>;
  /** How resolver `console.*` calls are logged (src/observability/resolver-console.ts). */
  resolverLogLevel: ResolverLogLevel;
  /** CloudWatch metrics (src/observability/metrics.ts); undefined with METRICS=off. */
  metrics?: Pick<MetricsOptions, 'namespace' | 'serviceName'>;
  /** X-Ray traces (src/observability/tracing.ts); undefined with TRACING=off, when the Tracer is never loaded. */
  tracing?: { tracer: TracerSettings; resolvers: boolean; handlerName?: string };
}

/** RESOLVER_LOG_LEVEL, case-insensitive. */
function resolverLogLevel(value: string | undefined): ResolverLogLevel {
  const level = (value?.trim() || 'ALL').toUpperCase();
  if (!RESOLVER_LOG_LEVELS.includes(level as ResolverLogLevel)) throw new Error(`RESOLVER_LOG_LEVEL must be one of ${RESOLVER_LOG_LEVELS.join(', ')}, got "${value}"`);
  return level as ResolverLogLevel;
}

/** POWERTOOLS_LOGGER_SAMPLE_RATE; Powertools ignores a number outside 0–1. */
function sampleRate(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const rate = Number(value);
  if (Number.isNaN(rate)) throw new Error(`POWERTOOLS_LOGGER_SAMPLE_RATE must be a number from 0 to 1, got ${JSON.stringify(value)}`);
  return rate;
}

function metricsOn(value: string | undefined): boolean {
  const setting = (value ?? 'on').trim().toLowerCase();
  if (setting !== 'on' && setting !== 'off') throw new Error(`METRICS must be on or off, got ${JSON.stringify(value)}`);
  return setting === 'on';
}

/** TRACING: `off` (default), `on` (request and data-source subsegments), `resolvers` (and one per resolver). */
function tracing(value: string | undefined): 'off' | 'on' | 'resolvers' {
  const setting = (value ?? 'off').trim().toLowerCase() || 'off';
  if (setting === 'off' || setting === 'on' || setting === 'resolvers') return setting;
  throw new Error(`TRACING must be on, off or resolvers, got ${JSON.stringify(value)}`);
}

export function readObservabilitySettings(env: Env): ObservabilitySettings {
  const serviceName = env.POWERTOOLS_SERVICE_NAME || 'hiring-api';
  const traces = tracing(env.TRACING);
  return {
    // Unset, Powertools falls back to its own variables and default (INFO).
    logger: { serviceName, logLevel: (env.LOG_LEVEL || undefined) as LogLevel | undefined, sampleRateValue: sampleRate(env.POWERTOOLS_LOGGER_SAMPLE_RATE) },
    resolverLogLevel: resolverLogLevel(env.RESOLVER_LOG_LEVEL),
    metrics: metricsOn(env.METRICS) ? { namespace: env.POWERTOOLS_METRICS_NAMESPACE || 'HiringApi', serviceName } : undefined,
    tracing:
      traces === 'off'
        ? undefined
        : {
            tracer: { serviceName, captureHTTPsRequests: env.POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS?.trim().toLowerCase() === 'true' },
            resolvers: traces === 'resolvers',
            handlerName: env._HANDLER || undefined,
          },
  };
}
