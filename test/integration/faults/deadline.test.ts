// The per-request deadline and the DynamoDB client's timeouts, through the real handler: a
// DynamoDB that never answers costs a bounded time, and the response goes out with what is ready.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDBClient } from '@appsync-lambda/engine';
import { createHiringApi } from '../../helpers/hiring';
import { createFaultyHiring, type FaultyHiring } from './setup';

const APPLICATION = 'query ($id: ID!) { application(id: $id) { id stage job { title } candidate { name } } }';
const JOB = 'query ($id: ID!) { job(id: $id) { id title } }';

/** An application whose nested job and candidate are read by a second, coalesced call. */
async function anApplication(faulty: FaultyHiring) {
  const { hiring } = faulty;
  const company = await hiring.aCompany();
  const job = await hiring.aJob(company.id);
  const candidate = await hiring.aCandidate();
  const { applyToJob } = await hiring.ok<any>('mutation ($j: ID!, $c: ID!) { applyToJob(jobId: $j, candidateId: $c) { id } }', { j: job.id, c: candidate.id });
  return applyToJob.id as string;
}

describe('the request deadline', () => {
  let faulty: FaultyHiring;
  beforeAll(async () => {
    // The client would wait a minute: only the deadline can end these requests in time.
    faulty = await createFaultyHiring({ requestTimeoutMs: 60_000 }, { deadline: { maxMs: 1_500, marginMs: 1_000 } });
  });
  afterAll(() => faulty.proxy.close());

  it('GAP-11 fails the fields still unresolved at the deadline with Timeout and answers with the data already resolved', async () => {
    const id = await anApplication(faulty);
    // The application is read; the call for its job and candidate is accepted and never answered.
    await faulty.proxy.setMode(({ operation }) => (operation === 'GetItem' ? 'pass' : 'blackhole'));
    try {
      const { status, body } = await faulty.hiring.api.graphql(APPLICATION, { id }, faulty.hiring.recruiter);
      expect(status).toBe(200);
      expect(body.data).toEqual({ application: { id, stage: 'APPLIED', job: null, candidate: null } });
      expect(body.errors?.map((error) => [error.errorType, error.path])).toEqual([
        ['Timeout', ['application', 'job']],
        ['Timeout', ['application', 'candidate']],
      ]);
      expect(faulty.errors()).toContainEqual(expect.objectContaining({ message: 'DynamoDB data source fault', errorType: 'Timeout', deadlinePassed: true }));
    } finally {
      await faulty.proxy.setMode('pass');
    }
  });

  it('leaves requests that finish in time alone', async () => {
    const id = await anApplication(faulty);
    const { body } = await faulty.hiring.api.graphql(APPLICATION, { id }, faulty.hiring.recruiter);
    expect(body.errors).toBeUndefined();
    expect(body.data!.application).toMatchObject({ id, job: { title: 'Engineer' }, candidate: { name: 'Ada Lovelace' } });
  });
});

describe('the deadline from the Lambda’s remaining time', () => {
  let faulty: FaultyHiring;
  beforeAll(async () => {
    // The configured maximum (25 s) and the client's timeout (60 s) are longer than the test may run:
    // only the Lambda's remaining time minus the margin can end the request.
    faulty = await createFaultyHiring({ requestTimeoutMs: 60_000 }, { remainingTimeMs: 1_300, deadline: { maxMs: 25_000, marginMs: 1_000 } });
  });
  afterAll(() => faulty.proxy.close());

  it('answers Timeout before the Lambda would be stopped', async () => {
    await faulty.proxy.setMode('blackhole');
    try {
      const { status, body } = await faulty.hiring.api.graphql(JOB, { id: 'any' }, faulty.hiring.jobBoard);
      expect(status).toBe(200);
      expect(body).toMatchObject({ data: { job: null }, errors: [{ errorType: 'Timeout', path: ['job'] }] });
    } finally {
      await faulty.proxy.setMode('pass');
    }
  });
});

describe('the DynamoDB client’s request timeout', () => {
  // A bare TCP server that accepts connections and never reads or writes a byte.
  let silent: Server;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('ends each attempt on a connection that is accepted and never answered, then answers Timeout', async () => {
    const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    let attemptsSeen = 0;
    silent.on('connection', () => (attemptsSeen += 1));
    // The deadline is far away: the client's own timeout has to end the call.
    const hiring = await createHiringApi({
      trustedDocuments: undefined,
      deadline: { maxMs: 60_000, marginMs: 0 },
      connect: (db) =>
        createDynamoDBClient(
          { endpoint, connectTimeoutMs: 200, requestTimeoutMs: 200, maxAttempts: 2 },
          { region: 'local', credentials: { accessKeyId: db.accessKeyId, secretAccessKey: 'local' }, retry: { baseDelayMs: 1 } },
        ).client,
    });
    const { status, body } = await hiring.api.graphql(JOB, { id: 'any' }, hiring.jobBoard);
    expect(status).toBe(200);
    expect(body).toMatchObject({ data: { job: null }, errors: [{ errorType: 'Timeout', message: 'The data source did not answer in time; try again later' }] });
    expect(attemptsSeen).toBe(2);
  });
});
