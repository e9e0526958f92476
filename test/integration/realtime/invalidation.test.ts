// Subscription invalidation end to end: closeJob's resolver calls extensions.invalidateSubscriptions
// and onApplicationCreated's sets an invalidation filter; graphql-ws clients over real WebSockets to
// the WebSocket handler (behind a local API Gateway), mutations through the HTTP handler.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Client } from 'graphql-ws';
import { createRealtimeApi, type RealtimeApi } from '../../helpers/realtime';

const CREATED = 'subscription Created($jobId: ID) { onApplicationCreated(jobId: $jobId) { id jobId stage } }';
// companyId: a recruiter's subscription without a job keeps their companies' applications (tenancy), so the mutation selects it.
const APPLY = 'mutation ($jobId: ID!, $candidateId: ID!) { applyToJob(jobId: $jobId, candidateId: $candidateId) { id jobId companyId stage } }';

interface Subscribed {
  events: Array<Record<string, any>>;
  errors: unknown[];
  completed: boolean;
}

function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Subscribed {
  const sub: Subscribed = { events: [], errors: [], completed: false };
  client.subscribe({ query, variables }, { next: (value) => void sub.events.push(value as Record<string, any>), error: (error) => void sub.errors.push(error), complete: () => void (sub.completed = true) });
  return sub;
}

/** Waits for a condition (the machine may be busy: generous, never a fixed sleep). */
const until = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

let rt: RealtimeApi;

beforeAll(async () => {
  rt = await createRealtimeApi();
});
afterAll(() => rt?.close());

const stored = (key: string) => rt.realtime.store.subscriptions(key);
const recruiter = () => rt.client({ authorization: rt.hiring.tokenFor(['recruiters']) });

async function apply(jobId: string): Promise<string> {
  const candidate = await rt.hiring.aCandidate();
  return (await rt.hiring.ok<any>(APPLY, { jobId, candidateId: candidate.id })).applyToJob.id;
}

describe('Mutation.closeJob', () => {
  it('UTIL-E2 ends the onApplicationCreated subscriptions of the job (complete, record deleted) by their invalidation filter; other subscriptions keep receiving', async () => {
    const company = await rt.hiring.aCompany();
    const closing = (await rt.hiring.aJob(company.id)).id;
    const other = (await rt.hiring.aJob(company.id)).id;
    const client = recruiter();
    const onClosing = subscribe(client, CREATED, { jobId: closing });
    const onOther = subscribe(client, CREATED, { jobId: other });
    const onEvery = subscribe(recruiter(), CREATED);
    await until(async () => {
      expect(await stored(`onApplicationCreated#jobId=${closing}`)).toHaveLength(1);
      expect(await stored(`onApplicationCreated#jobId=${other}`)).toHaveLength(1);
      expect(await stored('onApplicationCreated#')).toHaveLength(1);
    });
    const [record] = await stored(`onApplicationCreated#jobId=${closing}`);
    expect(record!.invalidationFilter).toEqual({ filterGroup: [{ filters: [{ fieldName: 'jobId', operator: 'eq', value: closing }] }] });
    expect((await stored('onApplicationCreated#'))[0]!.invalidationFilter).toBeNull();

    // Aliased, as a client may: the invalidation belongs to the field that committed.
    const { closed } = await rt.hiring.ok<any>('mutation ($id: ID!) { closed: closeJob(id: $id, expectedVersion: 1) { id status } }', { id: closing });
    expect(closed).toEqual({ id: closing, status: 'CLOSED' });

    await until(() => expect(onClosing.completed).toBe(true));
    expect(await stored(`onApplicationCreated#jobId=${closing}`)).toEqual([]);
    expect(await rt.realtime.store.connectionKeys(record!.connectionId)).toHaveLength(2);

    const applied = await apply(other);
    await until(() => expect(onOther.events).toHaveLength(1));
    await until(() => expect(onEvery.events).toHaveLength(1));
    expect(onOther.events[0]).toEqual({ data: { onApplicationCreated: { id: applied, jobId: other, stage: 'APPLIED' } } });
    expect(onEvery.events[0]).toEqual(onOther.events[0]);
    expect([onOther.completed, onEvery.completed]).toEqual([false, false]);
    expect([onClosing.events, onClosing.errors, onOther.errors, onEvery.errors]).toEqual([[], [], [], []]);
  });

  it('ends nothing when the mutation fails', async () => {
    const company = await rt.hiring.aCompany();
    const job = (await rt.hiring.aJob(company.id)).id;
    const board = subscribe(recruiter(), CREATED, { jobId: job });
    await until(async () => expect(await stored(`onApplicationCreated#jobId=${job}`)).toHaveLength(1));
    const stale = await rt.hiring.api.graphql('mutation ($id: ID!) { closeJob(id: $id, expectedVersion: 7) { id } }', { id: job }, rt.hiring.recruiter);
    expect(stale.body.errors).toEqual([expect.objectContaining({ errorType: 'ConcurrentModification' })]);

    const applied = await apply(job);
    await until(() => expect(board.events).toHaveLength(1));
    expect(board.events[0]).toEqual({ data: { onApplicationCreated: { id: applied, jobId: job, stage: 'APPLIED' } } });
    expect(board.completed).toBe(false);
    expect(await stored(`onApplicationCreated#jobId=${job}`)).toHaveLength(1);
  });
});
