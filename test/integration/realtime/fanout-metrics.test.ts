/**
 * The realtime function's CloudWatch metrics as an operator receives them: graphql-ws clients over
 * real WebSockets to the real WebSocket handler, mutations through the real HTTP handler, and the
 * fan-out's embedded-metric-format lines (src/observability/fanout-metrics.ts) captured from stdout.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Client } from 'graphql-ws';
import { schemaSdl } from '../../../src/api';
import { fanOutMetrics, subscriptionFieldNames } from '../../../src/observability/fanout-metrics';
import { createRealtimeApi, type RealtimeApi } from '../../helpers/realtime';
import { captureEmf } from '../../helpers/emf';

const NAMESPACE = 'FanOutMetricsTest';
const MOVED = 'subscription Moved($jobId: ID) { onApplicationMoved(jobId: $jobId) { id jobId stage version } }';
const MOVE = 'mutation ($id: ID!, $stage: Stage!, $v: Int!) { moveApplication(id: $id, stage: $stage, expectedVersion: $v) { id jobId stage version } }';
const APPLY = 'mutation ($jobId: ID!, $candidateId: ID!) { applyToJob(jobId: $jobId, candidateId: $candidateId) { id jobId stage version } }';
const captured = captureEmf(NAMESPACE);

const until = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

let rt: RealtimeApi;
let jobA: string;
let jobB: string;

beforeAll(async () => {
  const metrics = new Metrics({ namespace: NAMESPACE, serviceName: 'hiring-api' });
  rt = await createRealtimeApi({ onFanOut: fanOutMetrics({ metrics, sdl: schemaSdl }) });
  const company = await rt.hiring.aCompany();
  jobA = (await rt.hiring.aJob(company.id)).id;
  jobB = (await rt.hiring.aJob(company.id)).id;
});
afterAll(() => rt?.close());

async function anApplication(jobId: string): Promise<string> {
  const candidate = await rt.hiring.aCandidate();
  return (await rt.hiring.ok<any>(APPLY, { jobId, candidateId: candidate.id })).applyToJob.id;
}

function subscribe(client: Client, jobId: string): Array<unknown> {
  const events: unknown[] = [];
  client.subscribe({ query: MOVED, variables: { jobId } }, { next: (value) => void events.push(value), error: () => undefined, complete: () => undefined });
  return events;
}

const recruiter = () => rt.client({ authorization: rt.hiring.tokenFor(['recruiters']) });
const stored = (jobId: string) => rt.realtime.store.subscriptions(`onApplicationMoved#jobId=${jobId}`);
const fanOutLines = () => captured().filter((line) => 'FanOutDeliveries' in line);

describe('fan-out metrics (embedded metric format)', () => {
  it('writes one line per published move: 2 matching subscribers delivered, the other job\'s subscriber not counted', async () => {
    const application = await anApplication(jobA);
    const first = subscribe(recruiter(), jobA);
    const second = subscribe(recruiter(), jobA);
    const other = subscribe(recruiter(), jobB);
    await until(async () => {
      expect(await stored(jobA)).toHaveLength(2);
      expect(await stored(jobB)).toHaveLength(1);
    });
    captured().length = 0;

    await rt.hiring.ok(MOVE, { id: application, stage: 'SCREEN', v: 1 });
    await until(() => expect([first.length, second.length]).toEqual([1, 1]));

    const lines = fanOutLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      service: 'hiring-api',
      subscriptionField: 'onApplicationMoved',
      FanOutSubscriptionsMatched: 2,
      FanOutDeliveries: 2,
      FanOutGone: 0,
      FanOutFailures: 0,
      FanOutTooLarge: 0,
      FanOutQueries: 2,
    });
    expect(lines[0]!.FanOutDurationMs).toBeTypeOf('number');
    expect(lines[0]!._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: NAMESPACE, Dimensions: [['service', 'subscriptionField']] });
    expect(lines[0]!._aws.CloudWatchMetrics[0]!.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'FanOutDeliveries', Unit: 'Count' },
        { Name: 'FanOutGone', Unit: 'Count' },
        { Name: 'FanOutSubscriptionsMatched', Unit: 'Count' },
        { Name: 'FanOutDurationMs', Unit: 'Milliseconds' },
      ]),
    );
    expect(other).toEqual([]);
  });

  it('counts a subscription whose connection is gone (its $disconnect lost) as FanOutGone, not as a delivery', async () => {
    const application = await anApplication(jobB);
    const [live] = await stored(jobB);
    // Records a lost $disconnect left behind: the gateway answers their post with GoneException.
    await rt.realtime.store.connect('lost-connection');
    await rt.realtime.store.subscribe({ ...live!, connectionId: 'lost-connection' });
    captured().length = 0;

    await rt.hiring.ok(MOVE, { id: application, stage: 'SCREEN', v: 1 });
    await until(() => expect(fanOutLines()).toHaveLength(1));

    expect(fanOutLines()[0]).toMatchObject({ subscriptionField: 'onApplicationMoved', FanOutSubscriptionsMatched: 2, FanOutDeliveries: 1, FanOutGone: 1 });
    expect(await rt.realtime.store.connectionKeys('lost-connection')).toEqual([]);
  });

  it('names only the schema\'s Subscription fields as the dimension (any other is `other`)', () => {
    expect(subscriptionFieldNames(schemaSdl).sort()).toEqual(['onApplicationCreated', 'onApplicationMoved', 'onJobPublished']);
    const metrics = new Metrics({ namespace: NAMESPACE, serviceName: 'hiring-api' });
    fanOutMetrics({ metrics, sdl: schemaSdl })({ mutation: 'x', subscriptionField: 'unknownField', queries: 0, matched: 0, delivered: 0, gone: 0, failed: 0, tooLarge: 0, invalidated: 0, durationMs: 0 });
    expect(fanOutLines()).toEqual([expect.objectContaining({ subscriptionField: 'other', FanOutDeliveries: 0 })]);
  });
});
