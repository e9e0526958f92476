/**
 * Faults: two containers of the production bundle whose DynamoDB endpoint is a fault-injecting
 * proxy in front of DynamoDB Local (test/helpers/fault-proxy.ts). Each phase turns one fault on
 * (refusals, resets, blackholes, delays, throttling, upstream 5xx, garbage bodies, lost responses,
 * then a random mix) and runs a frontend's mix of reads and writes through the typed SDK. Every
 * answer must settle, be a GraphQL response whose errors carry a fault errorType (or the
 * operation's own), and leak nothing; afterwards the same containers serve normally, even when
 * every first attempt is throttled, and the table holds no half-done write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddCompanyRecruiterDocument,
  ApplicationDocument,
  ApplyToJobDocument,
  CompanyDocument,
  CreateCandidateDocument,
  CreateCompanyDocument,
  CreateJobDocument,
  JobDocument,
  JobsByCompanyDocument,
  MoveApplicationDocument,
} from '@hiring/sdk';
import { createTestDatabase, type TestDatabase } from '../helpers/dynamodb';
import { startFaultProxy, type FaultChooser, type FaultMode, type FaultProxy } from '../helpers/fault-proxy';
import { cognitoIdToken, createSigningKey } from '@appsync-lambda/test-support';
import { RECRUITER_SUB } from '../helpers/hiring';
import { buildHandlerBundle, containerEnvironment, startHandlerProcess, type HandlerBundle, type HandlerProcess } from './lib/handler-processes';
import { mib, Tally } from './lib/outcomes';
import { Recorder, type Call } from './lib/recorder';
import { checkTable, scanTable } from './lib/table-state';

/** The per-request deadline of the containers (REQUEST_TIMEOUT_MS), small to keep blackholes short. */
const DEADLINE_MS = 4_000;
/** What a client may see when DynamoDB misbehaves, beside the operation's own errors. */
const FAULT_ERROR_TYPES = new Set(['DataSourceUnavailable', 'Timeout', 'Throttled', 'TransactionConflict']);
const OWN_ERROR_TYPES = new Set(['NotFound', 'ConcurrentModification', 'AlreadyApplied', 'Conflict', 'InvalidTransition']);

/** Each phase: its fault, and the one fault errorType it must be classified as when it is the only fault. */
const PHASES: Array<[string, FaultMode | (() => FaultChooser), string?]> = [
  ['refuse', 'refuse', 'DataSourceUnavailable'],
  ['reset', 'reset', 'DataSourceUnavailable'],
  ['blackhole', 'blackhole', 'Timeout'],
  ['delay 1.5 s', { delay: 1_500 }],
  ['throttle', 'throttle', 'Throttled'],
  ['upstream 500', { status: 500 }, 'DataSourceUnavailable'],
  ['upstream 503', { status: 503, body: '<html><body>Service Unavailable</body></html>' }, 'DataSourceUnavailable'],
  ['garbage body', 'garbage', 'DataSourceUnavailable'],
  ['lost response', 'lose-response', 'DataSourceUnavailable'],
  ['random mix (half the requests)', () => randomFaults(0x5eed)],
];

/** A seeded mix: half the requests pass, the rest get one of the per-request faults. */
function randomFaults(seed: number): FaultChooser {
  const faults: FaultMode[] = ['reset', 'blackhole', { delay: 800 }, 'throttle', { status: 500 }, { status: 503 }, 'garbage', 'lose-response'];
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return () => (next() < 0.5 ? 'pass' : faults[Math.floor(next() * faults.length)]!);
}

const key = createSigningKey();
const admin = cognitoIdToken(key, { 'cognito:groups': ['admins'] });
const recruiter = cognitoIdToken(key, { 'cognito:groups': ['recruiters'] });
const recorder = new Recorder();
const underFaults = new Tally();
const unexpected: string[] = [];
let db: TestDatabase;
let proxy: FaultProxy;
let bundle: HandlerBundle;
let containers: HandlerProcess[] = [];
let companyId: string;
let jobId: string;
let emails = 0;
const origin = (i: number) => containers[i % containers.length]!.origin;

async function ok<T>(promise: Promise<Call<T>>): Promise<T> {
  const call = await promise;
  expect(call.errors).toEqual([]);
  return call.data!;
}

const aCandidate = async (i: number) =>
  (await ok(recorder.call(origin(i), recruiter, CreateCandidateDocument, { input: { companyId, name: 'Fault Candidate', email: `fault.${(emails += 1)}@example.com` } }))).createCandidate.id;

async function anApplication(i: number) {
  const candidateId = await aCandidate(i);
  return (await ok(recorder.call(origin(i), recruiter, ApplyToJobDocument, { jobId, candidateId }))).applyToJob;
}

/** A frontend's mix of reads and writes, prepared with the proxy passing everything. */
async function workload(): Promise<Array<(i: number) => Promise<Call<unknown>>>> {
  const [candidates, applications] = await Promise.all([Promise.all([0, 1].map(aCandidate)), Promise.all([0, 1].map(anApplication))]);
  return [
    (i) => recorder.call(origin(i), recruiter, CompanyDocument, { id: companyId, jobsLimit: 5 }),
    (i) => recorder.call(origin(i), recruiter, JobDocument, { id: jobId }),
    (i) => recorder.call(origin(i), recruiter, JobsByCompanyDocument, { companyId, limit: 3 }),
    (i) => recorder.call(origin(i), recruiter, ApplicationDocument, { id: applications[0]!.id }),
    (i) => recorder.call(origin(i), recruiter, CreateCandidateDocument, { input: { companyId, name: 'New', email: `fault.new.${(emails += 1)}@example.com` } }),
    ...candidates.map((candidateId) => (i: number) => recorder.call(origin(i), recruiter, ApplyToJobDocument, { jobId, candidateId })),
    ...applications.map(({ id }) => (i: number) => recorder.call(origin(i), recruiter, MoveApplicationDocument, { id, stage: 'SCREEN', expectedVersion: 1 })),
  ];
}

function judge(phase: string, call: Call<unknown>, expected: string | undefined) {
  underFaults.add(`${phase}: ${call.kind}`);
  for (const error of call.errors) {
    const type = error.errorType ?? '(none)';
    if (!FAULT_ERROR_TYPES.has(type) && !OWN_ERROR_TYPES.has(type)) unexpected.push(`${phase}: ${type}: ${error.message}`);
    else if (expected && FAULT_ERROR_TYPES.has(type) && type !== expected) unexpected.push(`${phase}: ${type} instead of ${expected}: ${error.message}`);
  }
}

beforeAll(async () => {
  [db, bundle] = await Promise.all([createTestDatabase('hiring-reliability-faults'), buildHandlerBundle()]);
  proxy = await startFaultProxy({ target: db.endpoint });
  const env = containerEnvironment({ ...db, endpoint: proxy.endpoint }, key, { REQUEST_TIMEOUT_MS: String(DEADLINE_MS) });
  containers = await Promise.all([0, 1].map(() => startHandlerProcess({ bundle, env })));
  companyId = (await ok(recorder.call(origin(0), admin, CreateCompanyDocument, { input: { name: 'Fault Co' } }))).createCompany.id;
  // The callers are recruiters of the company (tenancy).
  await ok(recorder.call(origin(0), admin, AddCompanyRecruiterDocument, { input: { companyId, userId: RECRUITER_SUB } }));
  jobId = (await ok(recorder.call(origin(1), recruiter, CreateJobDocument, { input: { companyId, title: 'Under fire', status: 'OPEN' } }))).createJob.id;
}, 120_000);

afterAll(async () => {
  await Promise.all(containers.map((container) => container.close()));
  await proxy?.close();
  bundle?.remove();
});

describe('DynamoDB faults between the handler and the table', () => {
  it('answers every request under each fault with a classified, masked GraphQL error or success, in bounded time', async () => {
    for (const [phase, mode, expected] of PHASES) {
      await proxy.setMode('pass');
      const requests = await workload();
      await proxy.setMode(typeof mode === 'function' ? mode() : mode);
      const calls = await Promise.all(requests.map((request, i) => request(i)));
      for (const call of calls) judge(phase, call, expected);
    }
    await proxy.setMode('pass');
    console.log(`faults by phase (phase: outcome):\n${underFaults.toString()}`);
    expect(unexpected).toEqual([]);
    expect(recorder.hangs).toBe(0);
  }, 240_000);

  it('reports success to the caller whose move committed when its response was lost', async () => {
    const application = await anApplication(0);
    let lost = 0;
    // The first transaction of this application's move commits in DynamoDB, then its response is lost.
    await proxy.setMode(({ operation, body }) => (operation === 'TransactWriteItems' && body.includes(application.id) && lost++ === 0 ? 'lose-response' : 'pass'));
    const call = await recorder.call(origin(0), recruiter, MoveApplicationDocument, { id: application.id, stage: 'SCREEN', expectedVersion: 1 });
    await proxy.setMode('pass');
    expect(lost).toBeGreaterThan(0);
    expect(call.errors).toEqual([]);
    expect(call.data).toEqual({ moveApplication: expect.objectContaining({ id: application.id, stage: 'SCREEN', version: 2 }) });
  }, 60_000);

  it('reports success to the caller whose application committed when its response was lost', async () => {
    const candidateId = await aCandidate(1);
    let lost = 0;
    await proxy.setMode(({ operation, body }) => (operation === 'TransactWriteItems' && body.includes(candidateId) && lost++ === 0 ? 'lose-response' : 'pass'));
    const call = await recorder.call(origin(1), recruiter, ApplyToJobDocument, { jobId, candidateId });
    await proxy.setMode('pass');
    expect(lost).toBeGreaterThan(0);
    expect(call.errors).toEqual([]);
    expect(call.data).toEqual({ applyToJob: expect.objectContaining({ jobId, candidateId, version: 1 }) });
  }, 60_000);

  it('serves normally once the faults stop, even when every first attempt is throttled', async () => {
    await proxy.setMode('pass');
    const healthy = await Promise.all(Array.from({ length: 20 }, (_, i) => recorder.call(origin(i), recruiter, JobDocument, { id: jobId })));
    // Every request body's first attempt is throttled and its retry passes: a container whose
    // retry budget the faults have spent would fail these.
    const seen = new Set<string>();
    await proxy.setMode(({ body }) => (seen.has(body) ? 'pass' : (seen.add(body), 'throttle')));
    const throttledOnce = await Promise.all(
      Array.from({ length: 20 }, (_, i) => recorder.call(origin(i), recruiter, CompanyDocument, { id: companyId, jobsLimit: 1 + (i % 10) })),
    );
    await proxy.setMode('pass');
    const kinds = (calls: Array<Call<unknown>>) => calls.map((call) => call.kind);
    expect(kinds(healthy)).toEqual(healthy.map(() => 'ok'));
    expect(kinds(throttledOnce)).toEqual(throttledOnce.map(() => 'ok'));
  }, 60_000);

  it('leaves no hang, no crash, no leak and no half-done write', async () => {
    const { counts, partialWrites } = checkTable(await scanTable(db.doc, db.tableName));
    const stats = await Promise.all(containers.map((container) => container.stats()));
    console.log(
      [
        recorder.report('faults (2 containers behind the fault proxy)'),
        `  proxy: ${JSON.stringify(proxy.counters.byMode)}`,
        `  ERROR log lines per container: ${containers.map((container) => container.errorLogLines()).join(', ')}`,
        `  peak RSS per container: ${stats.map((s) => mib(s.maxRssBytes)).join(', ')}`,
        `  table: ${JSON.stringify(counts)}; partial writes: ${partialWrites.length}`,
        ...partialWrites.slice(0, 10).map((line) => `    ${line}`),
      ].join('\n'),
    );
    expect(containers.map((container) => container.exit())).toEqual(containers.map(() => undefined));
    // An outage is visible in the logs of every container that met it.
    for (const container of containers) expect(container.errorLogLines()).toBeGreaterThan(0);
    expect(recorder.hangs).toBe(0);
    expect(recorder.findings.toString()).toBe('');
    expect(partialWrites).toEqual([]);
  }, 60_000);
});
