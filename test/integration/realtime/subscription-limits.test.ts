// Subscription limits as a graphql-ws client meets them: the hiring API's WebSocket handler behind a
// local API Gateway, configured as deployed (src/realtime-handler.ts: the HTTP budgets, AppSync's 100
// subscriptions a connection), and its Powertools log lines as CloudWatch receives them.
import { Logger } from '@aws-lambda-powertools/logger';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRealtimeApi, type RealtimeApi } from '../../helpers/realtime';

const SERVICE = 'subscription-limits-test';
const MOVED = 'subscription Moved($jobId: ID) { onApplicationMoved(jobId: $jobId) { id jobId stage version } }';

const until = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 15_000, interval: 20 });

/** The realtime service's JSON log lines; other output passes through. */
let lines: Array<Record<string, any>> = [];
beforeEach(() => {
  lines = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      const text = String(chunk);
      if (!text.includes(`"service":"${SERVICE}"`)) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      for (const line of text.split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      return true;
    }) as typeof stream.write);
  }
});
afterEach(() => vi.restoreAllMocks());

let rt: RealtimeApi;
let jobId: string;

beforeAll(async () => {
  rt = await createRealtimeApi({ logger: new Logger({ serviceName: SERVICE, logLevel: 'INFO' }) });
  jobId = (await rt.hiring.aJob((await rt.hiring.aCompany()).id)).id;
});
afterAll(() => rt?.close());

interface Outcome {
  errors: unknown[];
}

function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Outcome {
  const outcome: Outcome = { errors: [] };
  client.subscribe({ query, variables }, { next: () => undefined, error: (error) => void outcome.errors.push(error), complete: () => undefined });
  return outcome;
}

const recruiter = (options = {}) => rt.client({ authorization: rt.hiring.tokenFor(['recruiters']) }, undefined, options);
const typesOf = (outcome: Outcome) => (outcome.errors[0] as Array<{ errorType: string }> | undefined)?.map((error) => error.errorType);

describe('a graphql-ws client', () => {
  it('subscribing 150 times on one connection has 100 subscriptions stored and an error for each other one (MaxSubscriptionsReachedError)', async () => {
    const client = recruiter();
    const outcomes = Array.from({ length: 150 }, () => subscribe(client, MOVED, { jobId }));
    await until(() => expect(outcomes.filter((outcome) => outcome.errors.length > 0)).toHaveLength(50));
    await rt.gateway.settled();

    const stored = await rt.realtime.store.subscriptions(`onApplicationMoved#jobId=${jobId}`);
    expect(stored).toHaveLength(100);
    expect(new Set(stored.map((record) => record.connectionId)).size).toBe(1);
    expect(new Set(outcomes.filter((outcome) => outcome.errors.length > 0).map(typesOf).flat())).toEqual(new Set(['MaxSubscriptionsReachedError']));
    await client.dispose();
    // Closing the connection deletes them all.
    await until(async () => expect(await rt.realtime.store.subscriptions(`onApplicationMoved#jobId=${jobId}`)).toEqual([]));
  });

  it('with a 2,000-character subscription id gets a ValidationError, and nothing is stored', async () => {
    const outcome = subscribe(recruiter({ generateID: () => 'x'.repeat(2_000) }), MOVED, { jobId });
    await until(() => expect(outcome.errors).toHaveLength(1));
    expect(outcome.errors[0]).toEqual([expect.objectContaining({ errorType: 'ValidationError', errorInfo: { field: 'id', maximum: 128, actual: 2_000 } })]);
    expect(await rt.realtime.store.subscriptions(`onApplicationMoved#jobId=${jobId}`)).toEqual([]);
    expect(lines.filter((line) => line.level === 'ERROR')).toEqual([]);
  });

  it('is held to the same query budget as over HTTP: a recruiter\'s 51 aliases are refused with QueryLimitExceeded', async () => {
    const aliased = `subscription { onApplicationMoved(jobId: "${jobId}") { ${Array.from({ length: 51 }, (_, i) => `a${i}: id`).join(' ')} } }`;
    const [overHttp] = (await rt.hiring.api.graphql(aliased.replace('subscription', 'query'), {}, rt.hiring.recruiter)).body.errors ?? [];
    const outcome = subscribe(recruiter(), aliased);
    await until(() => expect(outcome.errors).toHaveLength(1));
    expect(outcome.errors[0]).toEqual([expect.objectContaining({ errorType: 'QueryLimitExceeded', errorInfo: { limit: 'aliases', maximum: 50, actual: 51 } })]);
    expect(overHttp).toMatchObject({ errorType: 'QueryLimitExceeded', errorInfo: { limit: 'aliases', maximum: 50, actual: 51 } });
  });
});

describe('refused connections', () => {
  it('log their reason, with no Powertools warning about reserved keys', async () => {
    const closed = new Promise<unknown>((resolve) => subscribe(rt.client({ 'x-api-key': 'not-a-key' }, resolve), 'subscription { onJobPublished { id } }'));
    await closed;
    await rt.gateway.settled();
    const refusal = lines.find((line) => line.message === 'WebSocket connection closed by the server');
    expect(refusal).toMatchObject({ level: 'INFO', errorType: 'UnauthorizedException', reason: expect.any(String) });
    expect(lines.filter((line) => line.level === 'WARN')).toEqual([]);
  });
});
