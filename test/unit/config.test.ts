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

  it('requires PAGINATION_SECRET on Lambda, and derives a local one elsewhere', () => {
    expect(() => readConfig({ TABLE_NAME: 't', AWS_LAMBDA_FUNCTION_NAME: 'api' })).toThrow(/PAGINATION_SECRET/);
    expect(readConfig({ TABLE_NAME: 't', AWS_LAMBDA_FUNCTION_NAME: 'api', PAGINATION_SECRET: 's3cret' }).tokenSecret).toBe('s3cret');
    expect(readConfig({ TABLE_NAME: 't', AWS_LAMBDA_FUNCTION_NAME: 'api', IS_OFFLINE: 'true' }).tokenSecret).toBe('hiring-api:t');
    expect(readConfig({ TABLE_NAME: 't' }).tokenSecret).toBe('hiring-api:t');
  });

  it('reads the user pool default action (AUTH-06)', () => {
    expect(readConfig({ TABLE_NAME: 't', USER_POOL_DEFAULT_ACTION: 'DENY' }).defaultAuthStrategy).toBe('DENY');
    expect(() => readConfig({ TABLE_NAME: 't', USER_POOL_DEFAULT_ACTION: 'MAYBE' })).toThrow(/ALLOW or DENY/);
  });
});
