// The deployed fan-out path: the HTTP handler hands committed mutations to the WebSocket function
// with an asynchronous Invoke (REALTIME_INVOCATION_TYPE=Event, through the real Lambda client and a
// local Lambda service), and that function posts to the subscribers. (The other tests of this folder
// use RequestResponse, as `npm start` does.)
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRealtimeApi, REALTIME_FUNCTION, type RealtimeApi } from '../../helpers/realtime';

/** Waits for a condition (the machine may be busy: generous, never a fixed sleep). */
const until = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

let rt: RealtimeApi;

beforeAll(async () => {
  rt = await createRealtimeApi({ invocationType: 'Event' });
});
afterAll(() => rt?.close());

describe('REALTIME_INVOCATION_TYPE=Event', () => {
  it('invokes the realtime function asynchronously with the mutation\'s result, which reaches the subscriber', async () => {
    const company = await rt.hiring.aCompany();
    const job = await rt.hiring.aJob(company.id);
    const candidate = await rt.hiring.aCandidate();
    const events: Array<Record<string, any>> = [];
    rt.client({ authorization: rt.hiring.tokenFor(['recruiters']) }).subscribe(
      { query: 'subscription ($jobId: ID) { onApplicationCreated(jobId: $jobId) { id jobId stage } }', variables: { jobId: job.id } },
      { next: (value) => void events.push(value as Record<string, any>), error: () => undefined, complete: () => undefined },
    );
    await until(async () => expect(await rt.realtime.store.subscriptions(`onApplicationCreated#jobId=${job.id}`)).toHaveLength(1));
    const before = rt.lambda.calls.length;

    const { applyToJob } = await rt.hiring.ok<any>('mutation ($j: ID!, $c: ID!) { applyToJob(jobId: $j, candidateId: $c) { id jobId stage } }', { j: job.id, c: candidate.id });
    await until(() => expect(events).toHaveLength(1));
    expect(events[0]).toEqual({ data: { onApplicationCreated: { id: applyToJob.id, jobId: job.id, stage: 'APPLIED' } } });
    expect(rt.lambda.calls.slice(before)).toEqual([
      { functionName: REALTIME_FUNCTION, invocationType: 'Event', event: { realtimePublish: [{ mutation: 'applyToJob', data: { id: applyToJob.id, jobId: job.id, stage: 'APPLIED' } }] } },
    ]);
  });

  it('invokes nothing for a mutation no subscription names, nor for one that failed', async () => {
    const before = rt.lambda.calls.length;
    await rt.hiring.aCandidate();
    const failed = await rt.hiring.api.graphql('mutation { moveApplication(id: "missing", stage: SCREEN, expectedVersion: 1) { id } }', undefined, rt.hiring.recruiter);
    expect(failed.body.errors).toEqual([expect.objectContaining({ errorType: 'NotFound' })]);
    expect(rt.lambda.calls.slice(before)).toEqual([]);
  });

  it('UTIL-E2 sends the invalidations of a mutation that fires no subscription (closeJob), with no events', async () => {
    const company = await rt.hiring.aCompany();
    const job = await rt.hiring.aJob(company.id);
    const before = rt.lambda.calls.length;
    await rt.hiring.ok('mutation ($id: ID!) { closeJob(id: $id, expectedVersion: 1) { id } }', { id: job.id });
    expect(rt.lambda.calls.slice(before)).toEqual([
      { functionName: REALTIME_FUNCTION, invocationType: 'Event', event: { realtimePublish: [], invalidations: [{ subscriptionField: 'onApplicationCreated', payload: { jobId: job.id } }] } },
    ]);
  });

  it('publishes under the field name when the mutation is aliased', async () => {
    const company = await rt.hiring.aCompany();
    const job = await rt.hiring.aJob(company.id);
    const candidate = await rt.hiring.aCandidate();
    const before = rt.lambda.calls.length;
    await rt.hiring.ok('mutation ($j: ID!, $c: ID!) { applied: applyToJob(jobId: $j, candidateId: $c) { id jobId } }', { j: job.id, c: candidate.id });
    expect(rt.lambda.calls.slice(before)).toEqual([expect.objectContaining({ event: { realtimePublish: [{ mutation: 'applyToJob', data: expect.objectContaining({ jobId: job.id }) }] } })]);
  });
});
