/**
 * Limits and protections (docs/configuration.md): what one request may send, ask for, hold and
 * take, and who may run only the trusted documents.
 */
import {
  AUTH_MODES,
  DEADLINE_DEFAULTS,
  DEFAULT_DOCUMENT_CACHE_BYTES,
  DEFAULT_MAX_QUERY_BYTES,
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_QUERY_BUDGETS,
  isAuthMode,
  LAMBDA_MAX_REQUEST_BYTES,
  LIMIT_NAMES,
  MAX_RESPONSE_BYTES,
  type AuthMode,
  type DeadlineSettings,
  type LimitName,
  type QueryBudget,
  type QueryBudgets,
} from '@appsync-lambda/engine';
import { integer, type Env } from './values';

/** Bounds on what one request may hold in memory, in bytes. */
export interface MemoryLimits {
  /** MAX_REQUEST_BYTES: a POST body or GET query string; over it, 413 RequestTooLarge. */
  maxRequestBytes: number;
  /** MAX_QUERY_BYTES: the GraphQL document text; over it, 413 RequestTooLarge. */
  maxQueryBytes: number;
  /** MAX_RESPONSE_BYTES: the response, counted while resolving; over it, ResponseTooLarge (LIM-10). */
  maxResponseBytes: number;
  /** DOCUMENT_CACHE_BYTES: parsed documents kept between requests; 0 turns the cache off. */
  documentCacheBytes: number;
}

export interface LimitSettings {
  /** Whether the schema can be introspected (LIM-04). */
  introspection: boolean;
  /** AppSync's per-API limits (contract LIM-02, LIM-03). */
  limits: { resolverCountLimit?: number; queryDepthLimit?: number };
  memory: MemoryLimits;
  /** The per-request deadline (the engine's core/deadline.ts). */
  deadline: DeadlineSettings;
  /** Per mode, the work one request may ask for (`QUERY_BUDGET_<MODE>`). */
  queryBudgets: QueryBudgets;
  /** Modes that may run only the trusted documents (`TRUSTED_DOCUMENTS`: a comma list, default API_KEY; `off` for none). */
  trustedDocumentModes: AuthMode[];
}

function trustedDocumentModes(raw: string | undefined): AuthMode[] {
  const value = (raw ?? 'API_KEY').trim();
  if (value === 'off' || value === '') return [];
  return value.split(',').map((entry) => {
    const mode = entry.trim();
    if (!isAuthMode(mode)) throw new Error(`TRUSTED_DOCUMENTS holds an unknown authorization mode ${JSON.stringify(mode)} (or set it to off)`);
    return mode;
  });
}

function readMemoryLimits(env: Env): MemoryLimits {
  const maxRequestBytes = integer(env, 'MAX_REQUEST_BYTES', 1024, LAMBDA_MAX_REQUEST_BYTES) ?? DEFAULT_MAX_REQUEST_BYTES;
  const maxQueryBytes = integer(env, 'MAX_QUERY_BYTES', 1024, LAMBDA_MAX_REQUEST_BYTES) ?? DEFAULT_MAX_QUERY_BYTES;
  if (maxQueryBytes > maxRequestBytes) {
    throw new Error(`MAX_QUERY_BYTES (${maxQueryBytes}) must not be larger than MAX_REQUEST_BYTES (${maxRequestBytes}): the document travels in the request`);
  }
  return {
    maxRequestBytes,
    maxQueryBytes,
    maxResponseBytes: integer(env, 'MAX_RESPONSE_BYTES', 1024, MAX_RESPONSE_BYTES) ?? MAX_RESPONSE_BYTES,
    documentCacheBytes: integer(env, 'DOCUMENT_CACHE_BYTES', 0, 512 * 1024 * 1024) ?? DEFAULT_DOCUMENT_CACHE_BYTES,
  };
}

/** A mode's budget with the overrides of its `QUERY_BUDGET_<MODE>` value (`depth=6, cost=off, introspection=false`). */
function parseBudget(name: string, raw: string, base: QueryBudget): QueryBudget {
  const limits: Record<LimitName, number | null> = { ...base.limits };
  let introspection = base.introspection;
  for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [key = '', value = '', ...rest] = entry.split('=').map((part) => part.trim());
    if (key === 'introspection' && (value === 'true' || value === 'false') && rest.length === 0) {
      introspection = value === 'true';
      continue;
    }
    if (!(LIMIT_NAMES as readonly string[]).includes(key) || rest.length > 0) {
      throw new Error(`${name}: unknown entry ${JSON.stringify(entry)} (limits: ${LIMIT_NAMES.join(', ')}, introspection)`);
    }
    const number = Number(value);
    if (value !== 'off' && !(Number.isInteger(number) && number >= 1 && number <= 1_000_000)) {
      throw new Error(`${name}: ${key} must be an integer from 1 to 1000000 or off, got ${JSON.stringify(value)}`);
    }
    limits[key as LimitName] = value === 'off' ? null : number;
  }
  return { limits, introspection };
}

/** Every mode's budget; `introspection` false (INTROSPECTION=false, LIM-04) refuses it to every mode whatever the budgets say. */
function readQueryBudgets(env: Env, introspection: boolean): QueryBudgets {
  const budgets = {} as Record<AuthMode, QueryBudget>;
  for (const mode of AUTH_MODES) {
    const name = `QUERY_BUDGET_${mode}`;
    const raw = env[name];
    const budget = raw ? parseBudget(name, raw, DEFAULT_QUERY_BUDGETS[mode]) : DEFAULT_QUERY_BUDGETS[mode];
    budgets[mode] = introspection ? budget : { ...budget, introspection: false };
  }
  return budgets;
}

export function readLimitSettings(env: Env): LimitSettings {
  const introspection = env.INTROSPECTION ?? 'true';
  if (introspection !== 'true' && introspection !== 'false') {
    throw new Error(`INTROSPECTION must be true or false, got ${JSON.stringify(introspection)}`);
  }
  return {
    introspection: introspection === 'true',
    limits: {
      resolverCountLimit: integer(env, 'RESOLVER_COUNT_LIMIT', 1, 10_000),
      queryDepthLimit: integer(env, 'QUERY_DEPTH_LIMIT', 1, 75),
    },
    memory: readMemoryLimits(env),
    deadline: {
      maxMs: integer(env, 'REQUEST_TIMEOUT_MS', 100, 900_000) ?? DEADLINE_DEFAULTS.maxMs,
      marginMs: integer(env, 'REQUEST_TIMEOUT_MARGIN_MS', 0, 60_000) ?? DEADLINE_DEFAULTS.marginMs,
    },
    queryBudgets: readQueryBudgets(env, introspection === 'true'),
    trustedDocumentModes: trustedDocumentModes(env.TRUSTED_DOCUMENTS),
  };
}
