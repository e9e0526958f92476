// Faults of the network and of the service (refused, reset, timed out, unparseable, 5xx) through the
// real handler: their own errorType, a generic message, nothing internal in the response, an ERROR log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultMode } from '../../helpers/fault-proxy';
import { createFaultyHiring, type FaultyHiring } from './setup';

const JOB = 'query ($id: ID!) { job(id: $id) { id title } }';

let faulty: FaultyHiring;
let jobId: string;
beforeAll(async () => {
  faulty = await createFaultyHiring({ requestTimeoutMs: 300, connectTimeoutMs: 300, maxAttempts: 2 }, { retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  const company = await faulty.hiring.aCompany();
  jobId = (await faulty.hiring.aJob(company.id)).id;
});
afterAll(() => faulty.proxy.close());

/** What must never reach a client: endpoints, ports, SDK and DynamoDB internals. */
function expectNothingInternal(body: unknown) {
  const text = JSON.stringify(body);
  for (const secret of ['127.0.0.1', new URL(faulty.proxy.endpoint).port, 'ECONN', 'ETIMEDOUT', 'Deserialization', '$response', 'Request ID', 'PROXY-REQUEST-ID', 'requestTimeout', 'upstream failure', 'html']) {
    expect(text).not.toContain(secret);
  }
}

/** [what happens, the errorType the caller gets, the proxy mode, the attempts the SDK makes] */
const cases: Array<[string, string, FaultMode, number]> = [
  ['a refused connection', 'DataSourceUnavailable', 'refuse', 2],
  ['a reset connection', 'DataSourceUnavailable', 'reset', 2],
  ['a connection accepted and never answered', 'Timeout', 'blackhole', 2],
  // An HTTP 200 the SDK cannot read is not retried by the SDK.
  ['a body that is not JSON', 'DataSourceUnavailable', 'garbage', 1],
  ['an upstream 503 with an HTML body', 'DataSourceUnavailable', { status: 503 }, 2],
  ['an upstream 500 with a JSON-looking body', 'DataSourceUnavailable', { status: 500, body: '{"message":"upstream failure at 10.0.0.1:8000"}' }, 2],
  [
    'DynamoDB’s own InternalServerError',
    'DataSourceUnavailable',
    { status: 500, body: '{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}', headers: { 'content-type': 'application/x-amz-json-1.0' } },
    2,
  ],
];

describe('data source faults', () => {
  it.each(cases)('CTX-09 GAP-11 answers %s with errorType %s, a generic message and nothing internal', async (_name, errorType, mode, attempts) => {
    await faulty.proxy.setMode(mode);
    const before = faulty.errors().length;
    try {
      const { status, body } = await faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard);
      expect(status).toBe(200);
      expect(body.data).toEqual({ job: null });
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({ errorType, path: ['job'] });
      expect(body.errors![0]!.message).toMatch(/^The data source (is unavailable|did not answer in time); try again later$/);
      expectNothingInternal(body);
    } finally {
      await faulty.proxy.setMode('pass');
    }
    const logged = faulty.errors().slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ message: 'DynamoDB data source fault', coordinate: 'Query.job/loadJob', errorType, requestId: 'test', attempts });
    expect(logged[0]!.errorMessage).toEqual(expect.any(String));
  });

  it('logs the request line with the errorType the caller got', async () => {
    await faulty.proxy.setMode('reset');
    try {
      await faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard);
    } finally {
      await faulty.proxy.setMode('pass');
    }
    const line = faulty.logs.filter((entry) => entry.message === 'GraphQL request').at(-1);
    expect(line).toMatchObject({ status: 200, errorCount: 1, errorTypes: ['DataSourceUnavailable'] });
  });

  it('DDB-50 answers DynamoDB’s own exceptions with their DynamoDB:<Exception> type and a plain message, none of DynamoDB’s text', async () => {
    await faulty.proxy.setMode({ dynamodbError: 'ValidationException', message: 'One or more parameter values were invalid' });
    try {
      const { body } = await faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard);
      expect(body.errors![0]).toMatchObject({
        errorType: 'DynamoDB:DynamoDbException',
        message: 'The data source could not complete the request.',
      });
      expectNothingInternal(body);
    } finally {
      await faulty.proxy.setMode('pass');
    }
  });

  it('GAP-11 answers Throttled when throttling outlives the retries, and logs it at WARN', async () => {
    await faulty.proxy.setMode('throttle');
    const before = faulty.logs.length;
    try {
      const { body } = await faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard);
      expect(body.errors![0]).toMatchObject({ errorType: 'Throttled', errorInfo: { retryable: true }, path: ['job'] });
      expectNothingInternal(body);
    } finally {
      await faulty.proxy.setMode('pass');
    }
    const logged = faulty.logs.slice(before).filter((line) => line.level === 'WARN' || line.level === 'ERROR');
    expect(logged).toEqual([
      expect.objectContaining({ level: 'WARN', message: 'DynamoDB throttling outlived the retries', errorName: 'ThrottlingException', dynamodbRequestId: 'PROXY-REQUEST-ID', attempts: 2 }),
    ]);
  });

  it('logs nothing at WARN or ERROR for DynamoDB’s answers to the request itself', async () => {
    const before = faulty.logs.length;
    await faulty.proxy.setMode({ dynamodbError: 'ConditionalCheckFailedException', message: 'The conditional request failed' });
    try {
      await faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard);
    } finally {
      await faulty.proxy.setMode('pass');
    }
    expect(faulty.logs.slice(before).filter((line) => line.level === 'WARN' || line.level === 'ERROR')).toEqual([]);
  });

  it('recovers as soon as the fault is gone', async () => {
    await faulty.proxy.setMode('refuse');
    await faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard);
    await faulty.proxy.setMode('pass');
    const { body } = await faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard);
    expect(body).toEqual({ data: { job: { id: jobId, title: 'Engineer' } } });
  });
});
