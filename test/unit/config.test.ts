import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config';

describe('readConfig', () => {
  it('maps TABLE_NAME to the main table and RESOLVER_ENV_* to ctx.env (CTX-10)', () => {
    const config = readConfig({ TABLE_NAME: 'hiring-prod', RESOLVER_ENV_STAGE: 'prod', AWS_SECRET_ACCESS_KEY: 'hidden' });
    expect(config.tables).toEqual({ main: 'hiring-prod' });
    expect(config.resolverEnv).toEqual({ STAGE: 'prod' });
    expect(config.limits).toEqual({ resolverCountLimit: undefined, queryDepthLimit: undefined });
    expect(config.defaultAuthStrategy).toBe('ALLOW');
  });

  it('fails the cold start without TABLE_NAME', () => {
    expect(() => readConfig({})).toThrow(/TABLE_NAME/);
  });

  it('reads the per-API limits (LIM-02, LIM-03) and rejects values AppSync does not allow', () => {
    expect(readConfig({ TABLE_NAME: 't', QUERY_DEPTH_LIMIT: '12', RESOLVER_COUNT_LIMIT: '500' }).limits).toEqual({
      queryDepthLimit: 12,
      resolverCountLimit: 500,
    });
    expect(() => readConfig({ TABLE_NAME: 't', QUERY_DEPTH_LIMIT: '76' })).toThrow(/QUERY_DEPTH_LIMIT/);
    expect(() => readConfig({ TABLE_NAME: 't', RESOLVER_COUNT_LIMIT: 'lots' })).toThrow(/RESOLVER_COUNT_LIMIT/);
  });

  it('reads the user pool default action (AUTH-06)', () => {
    expect(readConfig({ TABLE_NAME: 't', USER_POOL_DEFAULT_ACTION: 'DENY' }).defaultAuthStrategy).toBe('DENY');
    expect(() => readConfig({ TABLE_NAME: 't', USER_POOL_DEFAULT_ACTION: 'MAYBE' })).toThrow(/ALLOW or DENY/);
  });

  it('reads the memory limits, with their defaults, and rejects values out of range', () => {
    expect(readConfig({ TABLE_NAME: 't' }).memory).toEqual({
      maxRequestBytes: 256 * 1024,
      maxQueryBytes: 64 * 1024,
      maxResponseBytes: 6 * 1024 * 1024 - 64 * 1024,
      documentCacheBytes: 16 * 1024 * 1024,
    });
    const env = { TABLE_NAME: 't', MAX_REQUEST_BYTES: '100000', MAX_QUERY_BYTES: '20000', MAX_RESPONSE_BYTES: '1000000', DOCUMENT_CACHE_BYTES: '0' };
    expect(readConfig(env).memory).toEqual({ maxRequestBytes: 100_000, maxQueryBytes: 20_000, maxResponseBytes: 1_000_000, documentCacheBytes: 0 });
    expect(() => readConfig({ TABLE_NAME: 't', MAX_QUERY_BYTES: '64KB' })).toThrow(/MAX_QUERY_BYTES/);
    expect(() => readConfig({ TABLE_NAME: 't', MAX_REQUEST_BYTES: String(7 * 1024 * 1024) })).toThrow(/MAX_REQUEST_BYTES/);
    // Lambda cannot return more than 6 MB.
    expect(() => readConfig({ TABLE_NAME: 't', MAX_RESPONSE_BYTES: String(6 * 1024 * 1024) })).toThrow(/MAX_RESPONSE_BYTES/);
    expect(() => readConfig({ TABLE_NAME: 't', DOCUMENT_CACHE_BYTES: '-1' })).toThrow(/DOCUMENT_CACHE_BYTES/);
    // The document travels in the request: a query limit above the request limit could never apply.
    expect(() => readConfig({ TABLE_NAME: 't', MAX_REQUEST_BYTES: '10000', MAX_QUERY_BYTES: '20000' })).toThrow(/MAX_QUERY_BYTES.*MAX_REQUEST_BYTES/);
  });
});
