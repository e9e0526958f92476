/**
 * `console.*` in resolver handlers (contract EXE-15), as structured log lines carrying the schema
 * coordinate and the request ids. AppSync handlers are synchronous, so the console can be pointed
 * at the request's logger for the duration of one handler call with no interleaving between
 * requests; the cost is a dozen property writes per handler call.
 *
 * `RESOLVER_LOG_LEVEL` mirrors AppSync's field-level logging: `ALL` (default) logs every call,
 * `ERROR` only `console.error`, `NONE` drops resolver console output. The logger's own level
 * (`LOG_LEVEL`) still applies: `console.log` is INFO, `console.debug` DEBUG. Direct Lambda
 * resolvers may be asynchronous: their console is left alone (Lambda captures it as plain text).
 */
import { format } from 'node:util';
import type { RequestLog } from './request-log';

/** AppSync's field log levels, applied to resolver `console.*` output. */
export type ResolverLogLevel = 'NONE' | 'ERROR' | 'ALL';

const RESOLVER_LOG_LEVELS: readonly ResolverLogLevel[] = ['NONE', 'ERROR', 'ALL'];

/** Reads `RESOLVER_LOG_LEVEL` (default `ALL`); throws on any other value, at cold start. */
export function readResolverLogLevel(value: string | undefined): ResolverLogLevel {
  const level = (value?.trim() || 'ALL').toUpperCase();
  if (!RESOLVER_LOG_LEVELS.includes(level as ResolverLogLevel)) throw new Error(`RESOLVER_LOG_LEVEL must be one of ${RESOLVER_LOG_LEVELS.join(', ')}, got "${value}"`);
  return level as ResolverLogLevel;
}

/** Console methods routed, and the logger level each one logs at. */
const METHODS = { log: 'info', info: 'info', debug: 'debug', trace: 'debug', warn: 'warn', error: 'error' } as const;
type Method = keyof typeof METHODS;
type ConsoleFunction = (...args: unknown[]) => void;

interface Scope {
  log: RequestLog;
  coordinate: string;
  originals: Record<Method, ConsoleFunction>;
  /** Set while the logger writes: with POWERTOOLS_DEV the logger itself prints through the global console. */
  writing: boolean;
}

let scope: Scope | undefined;

function routed(method: Method): ConsoleFunction {
  return (...args) => {
    const current = scope;
    if (!current) return;
    if (current.writing) return current.originals[method].apply(console, args);
    const level = current.log.resolverLogLevel;
    if (level === 'NONE' || (level === 'ERROR' && method !== 'error')) return;
    current.writing = true;
    try {
      const { logger, requestId, apiRequestId } = current.log;
      logger[METHODS[method]](format(...args), { coordinate: current.coordinate, requestId, apiRequestId, source: `console.${method}` });
    } finally {
      current.writing = false;
    }
  };
}

const ROUTED = Object.fromEntries(Object.keys(METHODS).map((method) => [method, routed(method as Method)])) as Record<Method, ConsoleFunction>;
const NAMES = Object.keys(METHODS) as Method[];

/** Runs one synchronous resolver handler with `console.*` logged for `coordinate` (see above). */
export function withResolverConsole<T>(log: RequestLog | undefined, coordinate: string, call: () => T): T {
  if (!log?.resolverLogLevel) return call();
  const target = console as unknown as Record<Method, ConsoleFunction>;
  const previous = scope;
  const originals = {} as Record<Method, ConsoleFunction>;
  for (const name of NAMES) {
    originals[name] = target[name];
    target[name] = ROUTED[name];
  }
  scope = { log, coordinate, originals, writing: false };
  try {
    return call();
  } finally {
    for (const name of NAMES) target[name] = originals[name];
    scope = previous;
  }
}
