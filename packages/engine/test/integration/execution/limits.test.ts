// Conformance: per-request limits (LIM-02 resolver count, LIM-03 query depth) and LIM-05.
import type { Context } from '@aws-appsync/utils';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESOLVER_COUNT_LIMIT, MAX_QUERY_DEPTH_LIMIT, MAX_PIPELINE_FUNCTIONS, NONE, fn, pipeline, unit } from '@appsync-lambda/engine';
import { queryDepthLimitRule } from '@appsync-lambda/engine/testing';
import { createRuntimeApi } from '../../helpers/harness';

const returning = (value: unknown) => unit({ request: () => ({ payload: value }), response: (ctx: Context) => ctx.result }, NONE);
const items = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `p${index}` }));

describe('resolver count limit (LIM-02)', () => {
  it('LIM-02 defaults to AppSync’s 10,000 resolver executions per request', () => {
    expect(DEFAULT_RESOLVER_COUNT_LIMIT).toBe(10_000);
  });

  it('LIM-02 counts every execution, list items included, and fails the fields past the limit', async () => {
    const api = createRuntimeApi({
      limits: { resolverCountLimit: 4 },
      resolvers: { 'Query.parents': returning(items(5)), 'Parent.name': unit({ request: (ctx: Context) => ({ payload: (ctx.source as { id: string }).id }), response: (ctx: Context) => ctx.result }, NONE) },
    });
    const { status, body } = await api.graphql('{ parents { name } }');
    expect(status).toBe(200);
    expect(body.data.parents.map((parent: { name: string | null }) => parent.name)).toEqual(['p0', 'p1', 'p2', null, null]);
    expect(body.errors).toHaveLength(2);
    expect(body.errors[0]).toMatchObject({ errorType: 'ResolverCountLimitExceeded', path: ['parents', 3, 'name'] });
  });

  it('LIM-02 counts per request: a new request starts from zero', async () => {
    const api = createRuntimeApi({ limits: { resolverCountLimit: 1 }, resolvers: { 'Query.text': returning('ok') } });
    expect((await api.graphql('{ text }')).body).toEqual({ data: { text: 'ok' } });
    expect((await api.graphql('{ text }')).body).toEqual({ data: { text: 'ok' } });
  });
});

describe('query depth limit (LIM-03)', () => {
  const deep = '{ parent { child { grandChild { grandChild { id } } } } }';

  it('LIM-03 is off by default: a deep query runs', async () => {
    const api = createRuntimeApi({ resolvers: { 'Query.parent': returning({ child: { grandChild: { grandChild: { id: 'g' } } } }) } });
    const { body } = await api.graphql(deep);
    expect(body).toEqual({ data: { parent: { child: { grandChild: { grandChild: { id: 'g' } } } } } });
  });

  it('LIM-03 rejects an operation deeper than the configured limit before any resolver runs', async () => {
    let ran = false;
    const api = createRuntimeApi({
      limits: { queryDepthLimit: 4 },
      resolvers: { 'Query.parent': unit({ request: () => ((ran = true), { payload: {} }), response: (ctx: Context) => ctx.result }, NONE) },
    });
    const { status, body } = await api.graphql(deep);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors[0]).toMatchObject({ errorType: 'ValidationError', message: 'Query depth 5 exceeds the limit of 4' });
    expect(ran).toBe(false);
  });

  it('LIM-03 counts fragments where they are spread and accepts an operation at the limit', async () => {
    const api = createRuntimeApi({ limits: { queryDepthLimit: 3 }, resolvers: { 'Query.parent': returning({ child: { grandChild: { id: 'x' } } }) } });
    const atLimit = await api.graphql('{ parent { ...P } } fragment P on Parent { child { id __typename } }');
    expect(atLimit.body).toEqual({ data: { parent: { child: { id: null, __typename: 'Child' } } } });
    const overLimit = await api.graphql('{ parent { ...P } } fragment P on Parent { child { grandChild { id } } }');
    expect(overLimit.body.errors[0].message).toBe('Query depth 4 exceeds the limit of 3');
  });

  it('LIM-03 accepts only AppSync’s range of 1 to 75', () => {
    expect(MAX_QUERY_DEPTH_LIMIT).toBe(75);
    expect(() => queryDepthLimitRule(0)).toThrow(/1 to 75/);
    expect(() => queryDepthLimitRule(76)).toThrow(/1 to 75/);
    expect(() => queryDepthLimitRule(75)).not.toThrow();
  });
});

describe('functions per pipeline (LIM-05)', () => {
  const step = fn('noop', { request: () => ({ payload: null }), response: () => null }, NONE);
  const module = { request: () => ({}), response: () => null };

  it('LIM-05 allows 1 to 10 functions and rejects 0 or 11', () => {
    expect(MAX_PIPELINE_FUNCTIONS).toBe(10);
    expect(() => pipeline(module, Array(10).fill(step))).not.toThrow();
    expect(() => pipeline(module, Array(11).fill(step))).toThrow(/1 to 10 functions, got 11/);
    expect(() => pipeline(module, [])).toThrow(/got 0/);
  });
});
