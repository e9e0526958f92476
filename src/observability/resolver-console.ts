/**
 * `console.*` in resolver handlers (contract EXE-15), as structured log lines carrying the schema
 * coordinate and the request ids. AppSync handlers are synchronous, so the console can be pointed
 * at the request's logger for the duration of one handler call with no interleaving between
 * requests; the cost is a few closures and a dozen property writes per handler call.
 *
 * The level (`RESOLVER_LOG_LEVEL`, src/config/observability.ts) mirrors AppSync's field-level
 * logging: `ALL` (default) logs every call, `ERROR` only `console.error`, `NONE` drops resolver
 * console output. The logger's own level (`LOG_LEVEL`) still applies: `console.log` is INFO,
 * `console.debug` DEBUG. Direct Lambda resolvers may be asynchronous: their console is left alone
 * (Lambda captures it as plain text).
 */
import { format } from 'node:util';
import type { Logger } from '@aws-lambda-powertools/logger';

/** AppSync's field log levels, applied to resolver `console.*` output. */
export type ResolverLogLevel = 'NONE' | 'ERROR' | 'ALL';

/** Console methods routed, and the logger level each one logs at. */
const METHODS = { log: 'info', info: 'info', debug: 'debug', trace: 'debug', warn: 'warn', error: 'error' } as const;
type Method = keyof typeof METHODS;
type ConsoleFunction = (...args: unknown[]) => void;
const NAMES = Object.keys(METHODS) as Method[];

/**
 * The observer's `aroundHandler` for one request: while a handler runs, `console.*` writes to
 * `logger` with the handler's coordinate and the request ids; the console is restored after.
 */
export function routeResolverConsole(logger: Logger, level: ResolverLogLevel, ids: { requestId: string; apiRequestId: string | null }) {
  return function aroundHandler<T>(coordinate: string, call: () => T): T {
    const target = console as unknown as Record<Method, ConsoleFunction>;
    const originals = {} as Record<Method, ConsoleFunction>;
    // Set while the logger writes: with POWERTOOLS_DEV the logger itself prints through the global console.
    let writing = false;
    for (const name of NAMES) {
      originals[name] = target[name];
      target[name] = (...args) => {
        if (writing) return originals[name].apply(console, args);
        if (level === 'NONE' || (level === 'ERROR' && name !== 'error')) return;
        writing = true;
        try {
          logger[METHODS[name]](format(...args), { coordinate, ...ids, source: `console.${name}` });
        } finally {
          writing = false;
        }
      };
    }
    try {
      return call();
    } finally {
      for (const name of NAMES) target[name] = originals[name];
    }
  };
}
