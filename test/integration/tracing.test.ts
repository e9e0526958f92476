// X-Ray traces (src/observability/tracing.ts) as the X-Ray SDK sends them from Lambda: the real
// Tracer in Lambda mode (the environment Lambda sets), its UDP datagrams received by a stand-in
// daemon, the hiring API against DynamoDB Local through a fault proxy.
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadTracer } from '../../src/observability/tracing';
import { lambdaTraceHeader, startXRayDaemon, type SegmentDocument, type XRayDaemon } from '../helpers/xray-daemon';
import { createFaultyHiring, type FaultyHiring } from './faults/setup';

const HANDLER = '## src/handler.handler';
const JOB = 'query JobById($id: ID!) { job(id: $id) { id title } }';
const COMPANY_WITH_JOBS = 'query CompanyJobs($id: ID!) { company(id: $id) { id jobs { items { id } } } }';

let daemon: XRayDaemon;
let tracer: Tracer;
let faulty: FaultyHiring;
let jobId: string;
let companyId: string;
let firstTrace: string;

/** Sends one request in a fresh trace, as Lambda invokes the function; the trace's documents once the request's subsegment arrived. */
async function traced(run: () => Promise<unknown>) {
  const trace = lambdaTraceHeader();
  vi.stubEnv('_X_AMZN_TRACE_ID', trace.header);
  await run();
  const request = await daemon.next((document) => document.trace_id === trace.traceId && document.name === HANDLER);
  const named = (name: string) => daemon.next((document) => document.trace_id === trace.traceId && document.name === name);
  return { trace, request, named };
}

beforeAll(async () => {
  daemon = await startXRayDaemon();
  // What Lambda sets with active tracing; the X-Ray SDK reads them when it is first loaded.
  vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs24.x');
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  vi.stubEnv('LAMBDA_TASK_ROOT', '/var/task');
  vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', daemon.address);
  const first = lambdaTraceHeader();
  firstTrace = first.traceId;
  vi.stubEnv('_X_AMZN_TRACE_ID', first.header);
  tracer = await loadTracer({ serviceName: 'tracing-test', captureHTTPsRequests: false });
  faulty = await createFaultyHiring(
    { requestTimeoutMs: 300, connectTimeoutMs: 300, maxAttempts: 2 },
    { retry: { baseDelayMs: 1, maxDelayMs: 5 }, tracing: { tracer, handlerName: 'src/handler.handler' } },
  );
  companyId = (await faulty.hiring.aCompany()).id;
  jobId = (await faulty.hiring.aJob(companyId)).id;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await faulty?.proxy.close();
  await daemon?.close();
});

describe('tracingHooks', () => {
  it('sends the request’s subsegment under Lambda’s segment, annotated with the operation and the auth type', async () => {
    const { trace, request } = await traced(() => faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard));
    expect(request).toMatchObject({ type: 'subsegment', parent_id: trace.parentId });
    expect(request.annotations).toEqual({ ColdStart: false, Service: 'tracing-test', operationName: 'JobById', operationType: 'query', authType: 'API Key Authorization', status: 200 });
    expect(request.end_time).toBeGreaterThanOrEqual(request.start_time);
    expect(request).not.toHaveProperty('fault');
    expect(request).not.toHaveProperty('error');
  });

  it('annotates ColdStart true on the container’s first request only', async () => {
    const first = await daemon.next((document) => document.trace_id === firstTrace && document.name === HANDLER);
    expect(first.annotations).toMatchObject({ ColdStart: true });
    const later = daemon.documents.filter((document) => document.name === HANDLER && document.trace_id !== firstTrace);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((document) => document.annotations?.ColdStart === false)).toBe(true);
  });

  it('sends a subsegment per data-source call under the request’s, annotated with the coordinate', async () => {
    const { trace, request, named } = await traced(() => faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard));
    const call = await named('## DYNAMODB main GetItem');
    expect(call).toMatchObject({ type: 'subsegment', trace_id: trace.traceId, parent_id: request.id });
    expect(call.annotations).toEqual({ coordinate: 'Query.job/loadJob', dataSource: 'main', operation: 'GetItem' });
    expect(call.start_time).toBeGreaterThanOrEqual(request.start_time);
    expect(call.end_time).toBeLessThanOrEqual(request.end_time!);
    expect(call).not.toHaveProperty('fault');
  });

  it('marks a data-source call the network failed a fault, with its errorType', async () => {
    await faulty.proxy.setMode('reset');
    try {
      const { named } = await traced(() => faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard));
      const call = await named('## DYNAMODB main GetItem');
      expect(call).toMatchObject({ fault: true, annotations: { coordinate: 'Query.job/loadJob', errorType: 'DataSourceUnavailable' } });
      expect(call).not.toHaveProperty('throttle');
    } finally {
      await faulty.proxy.setMode('pass');
    }
  });

  it('marks throttling that outlived the retries a fault and a throttle', async () => {
    await faulty.proxy.setMode('throttle');
    try {
      const { named } = await traced(() => faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard));
      const call = await named('## DYNAMODB main GetItem');
      expect(call).toMatchObject({ fault: true, throttle: true });
      expect(call.annotations?.errorType).toMatch(/Throttl|ProvisionedThroughputExceeded/);
    } finally {
      await faulty.proxy.setMode('pass');
    }
  });

  it('marks DynamoDB’s answer to a bad request an error, not a fault', async () => {
    await faulty.proxy.setMode({ dynamodbError: 'ValidationException', message: 'One or more parameter values were invalid' });
    try {
      const { named } = await traced(() => faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard));
      const call = await named('## DYNAMODB main GetItem');
      expect(call).toMatchObject({ error: true, annotations: { errorType: 'DynamoDB:DynamoDbException' } });
      expect(call).not.toHaveProperty('fault');
    } finally {
      await faulty.proxy.setMode('pass');
    }
  });

  it('marks the request’s subsegment an error when the request is refused', async () => {
    const { request } = await traced(() => faulty.hiring.api.graphql(JOB, { id: jobId }, { headers: { authorization: 'Bearer not-a-token' } }));
    expect(request).toMatchObject({ error: true, annotations: { status: 401 } });
    expect(request).not.toHaveProperty('fault');
  });

  it('sends nothing for a trace Lambda did not sample', async () => {
    const unsampled = lambdaTraceHeader(false);
    vi.stubEnv('_X_AMZN_TRACE_ID', unsampled.header);
    await faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard);
    // A sampled request sent after it: its documents arrive after any the unsampled one sent.
    const { request } = await traced(() => faulty.hiring.api.graphql(JOB, { id: jobId }, faulty.hiring.jobBoard));
    expect(request.name).toBe(HANDLER);
    expect(daemon.documents.filter((document) => document.trace_id === unsampled.traceId)).toEqual([]);
  });

  describe('with resolvers', () => {
    let withResolvers: FaultyHiring;
    let ownCompanyId: string;
    beforeAll(async () => {
      withResolvers = await createFaultyHiring({}, { tracing: { tracer, handlerName: 'src/handler.handler', resolvers: true } });
      ownCompanyId = (await withResolvers.hiring.aCompany()).id;
      await withResolvers.hiring.aJob(ownCompanyId);
    });
    afterAll(() => withResolvers.proxy.close());

    it('sends a subsegment per resolver execution, its data-source calls inside it', async () => {
      const { request, named } = await traced(() => withResolvers.hiring.api.graphql(COMPANY_WITH_JOBS, { id: ownCompanyId }, withResolvers.hiring.jobBoard));
      const company = await named('### Query.company');
      const jobs = await named('### Company.jobs');
      expect(company).toMatchObject({ parent_id: request.id, annotations: { coordinate: 'Query.company' } });
      expect(jobs.annotations).toEqual({ coordinate: 'Company.jobs' });
      const get: SegmentDocument = await named('## DYNAMODB main GetItem');
      const query: SegmentDocument = await named('## DYNAMODB main Query');
      expect(get).toMatchObject({ parent_id: company.id, annotations: { coordinate: 'Query.company' } });
      expect(query).toMatchObject({ parent_id: jobs.id, annotations: { coordinate: 'Company.jobs/listCompanyJobs' } });
    });
  });
});
