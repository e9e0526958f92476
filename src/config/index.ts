/**
 * The functions' configuration: every environment variable, read once at cold start and checked,
 * so a bad deploy fails loudly instead of failing every request. The variables are listed in
 * variables.ts (and docs/configuration.md); each part here reads its own and builds the typed
 * options of what uses them: the engine, the playground, Powertools.
 */
import type { AuthConfig } from '@appsync-lambda/engine';
import type { PlaygroundSettings } from '../http/playground';
import { readAuthConfig } from './auth';
import { readLimitSettings, type LimitSettings } from './limits';
import { readObservabilitySettings, type ObservabilitySettings } from './observability';
import { readPlaygroundSettings } from './playground';
import { readRealtimeSettings, type RealtimeSettings } from './realtime';
import { readRuntimeSettings, type RuntimeSettings } from './runtime';
import type { Env } from './values';

export interface Config extends RuntimeSettings, LimitSettings {
  /** Authorization modes and their settings (AUTH-01). */
  auth: AuthConfig;
  /** How committed mutations reach subscribers, and where the fan-out posts. */
  realtime: RealtimeSettings;
  playground: PlaygroundSettings;
  observability: ObservabilitySettings;
}

/** The configuration from `env` (the function's environment, or a test's stand-in). */
export function readConfig(env: Env): Config {
  return {
    ...readRuntimeSettings(env),
    ...readLimitSettings(env),
    auth: readAuthConfig(env),
    realtime: readRealtimeSettings(env),
    playground: readPlaygroundSettings(env),
    observability: readObservabilitySettings(env),
  };
}

/** The function's own configuration: the one place that reads `process.env`. Call once, at cold start. */
export function loadConfig(): Config {
  return readConfig(process.env);
}
