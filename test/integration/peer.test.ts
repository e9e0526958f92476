// The bench's peer (bench/peer: a hand-written Apollo Server + Document Client implementation) answers
// the SDK's operations with the same data as ours on the same seeded table, so the bench compares
// like with like.
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerClaims, CASES, sdkOperations, type OperationCase } from '../../bench/lib/operations';
import { seedHiringData, type CandidateUser, type Seed } from '../../bench/lib/seed';
import { createPeerHandler } from '../../bench/peer/app';
import { trustedDocuments } from '../../src/generated/trusted-documents';
import { DEFAULT_QUERY_BUDGETS } from '@appsync-lambda/engine';
import { createTestApi, type TestApi } from '../helpers/api';
import { graphqlEvent, cognitoIdToken, createSigningKey, TEST_CLIENT_ID, TEST_USER_POOL_ID } from '@appsync-lambda/test-support';
import { deployedAuthConfig, TEST_API_KEY } from '../helpers/jwt';

type Body = { data?: Record<string, any> | null; errors?: Array<Record<string, any>> };
type Headers = Record<string, string>;
type Send = (document: string, variables: Record<string, unknown>, headers: Headers) => Promise<Body>;

const operations = sdkOperations();
const documentOf = (name: string) => operations.find((operation) => operation.name === name)!.document;

let seed: Seed;
let ours: Send;
let peer: Send;
/** The headers of the `n`-th call of an operation's case (its caller's token, or the API key). */
let headersOf: (operationCase: OperationCase, n: number) => Headers;
/** A signed-in candidate user's headers; `claims` replace the token's. */
let candidate: (user: CandidateUser, claims?: Record<string, unknown>) => Headers;
/** A recruiter who works for no company of the seed. */
let stranger: Headers;
const RECRUITER = CASES.Candidate!;

/** nextToken values differ by design (ours are encrypted); whether there is a next page must not. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, key === 'nextToken' ? entry !== null : comparable(entry)]));
  }
  return value;
}

beforeAll(async () => {
  const key = createSigningKey();
  const api: TestApi = await createTestApi({
    auth: deployedAuthConfig(key),
    queryBudgets: DEFAULT_QUERY_BUDGETS,
    trustedDocuments: { documents: trustedDocuments, modes: ['API_KEY'] },
  });
  seed = await seedHiringData(api.db.doc, api.db.tableName, undefined, { jobs: 20, applicationsPerJob: 20, spares: 4 });
  headersOf = (operationCase, n): Headers => {
    const claims = callerClaims(operationCase, seed, n);
    return claims ? { authorization: cognitoIdToken(key, claims) } : { 'x-api-key': TEST_API_KEY };
  };
  stranger = { authorization: cognitoIdToken(key, { 'cognito:groups': ['recruiters'], sub: 'recruiter-of-another-company' }) };
  candidate = (user, claims = {}) => ({
    authorization: cognitoIdToken(key, { 'cognito:groups': ['candidates'], sub: user.sub, email: user.email, email_verified: true, ...claims }),
  });
  ours = async (document, variables, headers) => (await api.graphql(document, variables, { headers })).body;
  const handler = createPeerHandler({
    doc: api.db.doc,
    tableName: api.db.tableName,
    auth: { apiKeys: [TEST_API_KEY], userPoolId: TEST_USER_POOL_ID, clientIds: [TEST_CLIENT_ID], jwks: key.jwks as unknown as Jwks },
  });
  peer = async (document, variables, headers) => {
    const event: APIGatewayProxyEventV2 = graphqlEvent(document, variables, { headers });
    const result = (await handler(event, { awsRequestId: 'peer' } as Context, () => undefined)) as APIGatewayProxyStructuredResultV2;
    return JSON.parse(String(result.body)) as Body;
  };
});

describe('the bench’s operations', () => {
  it('cover every operation of the SDK (a new one needs an entry in bench/lib/operations.ts)', () => {
    expect(operations.filter((operation) => !operation.case).map((operation) => operation.name)).toEqual([]);
    expect(Object.keys(CASES).sort()).toEqual(operations.map((operation) => operation.name).sort());
  });
});

describe('the peer answers the SDK’s queries with ours’ data', () => {
  for (const operation of operations.filter((candidate) => candidate.kind === 'query')) {
    it(operation.name, async () => {
      const operationCase = CASES[operation.name]!;
      const send = (api: Send) => api(operation.document, operationCase.variables(seed, 0), headersOf(operationCase, 0));
      const [mine, theirs] = await Promise.all([send(ours), send(peer)]);
      expect(mine.errors).toBeUndefined();
      expect(theirs.errors).toBeUndefined();
      expect(JSON.stringify(mine.data).length).toBeGreaterThan(100);
      expect(comparable(theirs.data)).toEqual(comparable(mine.data));
    });
  }
});

// Each mutation on one implementation, read back through the other: both write the same items.
interface ReadBack {
  query: string;
  field: string;
  variables: (result: Record<string, any>) => Record<string, unknown>;
  /** What to compare with the mutation's result, from the query's field; the field itself by default. */
  pick?: (read: Record<string, any> | undefined, result: Record<string, any>) => unknown;
  /** Who reads it back: the recruiter's case by default. */
  reader?: OperationCase;
}
/** The membership named by the mutation's result, among the company's recruiters. */
const recruiterIn = (read: Record<string, any> | undefined, result: Record<string, any>) =>
  read?.recruiters.items.find((recruiter: { email: string | null; userId: string | null }) => recruiter.email === result.email && recruiter.userId === result.userId);
const readBack: Record<string, ReadBack> = {
  CreateCompany: { query: 'Company', field: 'company', variables: (result) => ({ id: result.id }) },
  CreateJob: { query: 'Job', field: 'job', variables: (result) => ({ id: result.id }) },
  CreateCandidate: { query: 'Candidate', field: 'candidate', variables: (result) => ({ id: result.id }) },
  ApplyToJob: { query: 'Application', field: 'application', variables: (result) => ({ id: result.id }) },
  MoveApplication: { query: 'Application', field: 'application', variables: (result) => ({ id: result.id }) },
  CreateMyProfile: { query: 'Candidate', field: 'candidate', variables: (result) => ({ id: result.id }) },
  UpdateMyProfile: { query: 'Candidate', field: 'candidate', variables: (result) => ({ id: result.id }) },
  ApplyAsMe: { query: 'Application', field: 'application', variables: (result) => ({ id: result.id }) },
  WithdrawApplication: { query: 'Application', field: 'application', variables: (result) => ({ id: result.id }) },
  // The job with its counts: a change of details or status leaves them as they were.
  UpdateJob: { query: 'JobPipeline', field: 'job', variables: (result) => ({ id: result.id }) },
  PublishJob: { query: 'JobPipeline', field: 'job', variables: (result) => ({ id: result.id }) },
  CloseJob: { query: 'JobPipeline', field: 'job', variables: (result) => ({ id: result.id }) },
  AddCompanyRecruiter: { query: 'CompanyRecruiters', field: 'company', variables: (result) => ({ id: result.companyId }), pick: recruiterIn, reader: CASES.CompanyRecruiters },
  // Removed: the company's recruiters no longer hold it (the result stands for its absence).
  RemoveCompanyRecruiter: {
    query: 'CompanyRecruiters',
    field: 'company',
    variables: (result) => ({ id: result.companyId }),
    pick: (read, result) => (read && !recruiterIn(read, result) ? result : null),
    reader: CASES.CompanyRecruiters,
  },
  AddNote: {
    query: 'ApplicationNotes',
    field: 'application',
    variables: (result) => ({ id: result.applicationId }),
    pick: (read, result) => read?.notes.items.find((note: { id: string }) => note.id === result.id),
  },
};

describe('the peer’s writes and ours read alike', () => {
  for (const operation of operations.filter((candidate) => candidate.kind === 'mutation')) {
    it(operation.name, async () => {
      const operationCase = CASES[operation.name]!;
      const back = readBack[operation.name]!;
      expect(back).toBeDefined();
      const pick = back.pick ?? ((read) => read);
      const directions: Array<[Send, Send]> = [[peer, ours], [ours, peer]];
      for (const [n, [write, read]] of directions.entries()) {
        const written = await write(operation.document, operationCase.variables(seed, n), headersOf(operationCase, n));
        expect(written.errors).toBeUndefined();
        const result = Object.values(written.data!)[0] as Record<string, any>;
        const [mine, theirs] = await Promise.all(
          [read, write].map((send) => send(documentOf(back.query), back.variables(result), headersOf(back.reader ?? RECRUITER, 0)).then((body) => pick(body.data?.[back.field], result))),
        );
        expect(mine).toMatchObject(result);
        expect(comparable(theirs)).toEqual(comparable(mine));
      }
    });
  }
});

describe('the peer applies the same rules', () => {
  it('refuses the job board candidates and applications, as ours does', async () => {
    const variables = CASES.Candidate!.variables(seed, 0);
    const jobBoard = { 'x-api-key': TEST_API_KEY };
    const [mine, theirs] = await Promise.all([ours(documentOf('Candidate'), variables, jobBoard), peer(documentOf('Candidate'), variables, jobBoard)]);
    expect(mine.data?.candidate ?? null).toBeNull();
    expect(theirs.data?.candidate ?? null).toBeNull();
    expect(mine.errors?.[0]?.errorType).toBe('Unauthorized');
    expect(theirs.errors?.[0]?.extensions?.errorType).toBe('Unauthorized');
  });

  it('refuses a recruiter of another company the seed’s applications, candidates and counts, and shows them its OPEN jobs only, as ours does (tenancy)', async () => {
    for (const name of ['Application', 'ApplicationsByJob', 'Candidate', 'JobPipeline', 'ApplicationNotes']) {
      const errors = await both(documentOf(name), CASES[name]!.variables(seed, 0), stranger);
      expect(errors.map((error) => error.errorType), name).toContain('Unauthorized');
    }
    const { jobsByCompany } = (await peer(documentOf('JobsByCompany'), { companyId: seed.companyId, limit: 100 }, stranger)).data!;
    expect(jobsByCompany.items.length).toBeGreaterThan(0);
    expect(jobsByCompany.items.every((job: { status: string }) => job.status === 'OPEN')).toBe(true);
    await both(documentOf('JobsByCompany'), { companyId: seed.companyId, limit: 100 }, stranger);
  });

  it('answers a second application of the same candidate to the same job with AlreadyApplied', async () => {
    const variables = { jobId: seed.jobId, candidateId: seed.candidateId };
    const recruiter = headersOf(RECRUITER, 0);
    const [mine, theirs] = [await ours(documentOf('ApplyToJob'), variables, recruiter), await peer(documentOf('ApplyToJob'), variables, recruiter)];
    expect(mine.errors?.[0]?.errorType).toBe('AlreadyApplied');
    expect(theirs.errors?.[0]?.extensions?.errorType).toBe('AlreadyApplied');
    expect(theirs.errors?.[0]?.extensions?.errorInfo).toEqual(mine.errors?.[0]?.errorInfo);
  });

  /** Both sides' answers to the same request: their data alike, and each error's errorType and errorInfo. */
  async function both(document: string, variables: Record<string, unknown>, headers: Headers) {
    const [mine, theirs] = [await ours(document, variables, headers), await peer(document, variables, headers)];
    expect(comparable(theirs.data ?? null)).toEqual(comparable(mine.data ?? null));
    const errors = (body: Body, of: (error: Record<string, any>) => Record<string, any>) => (body.errors ?? []).map((error) => ({ path: error.path, errorType: of(error).errorType, errorInfo: of(error).errorInfo ?? null }));
    expect(errors(theirs, (error) => error.extensions ?? {})).toEqual(errors(mine, (error) => error));
    return errors(mine, (error) => error);
  }

  it('shows a candidate the version of their own applications and hides recruiters’ notes, as ours does', async () => {
    const errors = await both('query { me { id applications { items { id version notes { items { id } } } } } }', {}, candidate(seed.me));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.errorType === 'Unauthorized' && error.path.at(-1) === 'notes')).toBe(true);
    const { data } = await peer('query { me { applications { items { version } } } }', {}, candidate(seed.me));
    expect(data?.me.applications.items[0].version).toBeGreaterThan(0);
  });

  it('refuses a profile to an unverified email (EmailNotVerified) and a second one to a linked user (AlreadyLinked)', async () => {
    const create = documentOf('CreateMyProfile');
    const input = { input: { name: 'Someone' } };
    expect(await both(create, input, candidate(seed.claimingUsers[2]!, { email_verified: false }))).toEqual([
      { path: ['createMyProfile'], errorType: 'EmailNotVerified', errorInfo: { email: seed.claimingUsers[2]!.email } },
    ]);
    expect(await both(create, input, candidate(seed.me))).toEqual([{ path: ['createMyProfile'], errorType: 'AlreadyLinked', errorInfo: { candidateId: seed.candidateId } }]);
  });

  it('answers another candidate’s email (in any letter case) with Conflict, and applyAsMe before a profile with ProfileNotFound', async () => {
    const taken = seed.claimingUsers[3]!.email.toUpperCase();
    expect(await both(documentOf('UpdateMyProfile'), { input: { email: taken } }, candidate(seed.me))).toEqual([
      { path: ['updateMyProfile'], errorType: 'Conflict', errorInfo: { email: taken } },
    ]);
    const stranger = { sub: 'no-profile-yet', email: 'stranger@example.com' };
    expect(await both(documentOf('ApplyAsMe'), { jobId: seed.jobId }, candidate(stranger))).toEqual([
      { path: ['applyAsMe'], errorType: 'ProfileNotFound', errorInfo: { mutation: 'createMyProfile' } },
    ]);
  });

  it('moves a candidate’s email guard with the email: the other side finds them by the new email, not the old', async () => {
    const find = documentOf('FindCandidateByEmail');
    const recruiter = headersOf(RECRUITER, 0);
    const directions: Array<[Send, Send]> = [[peer, ours], [ours, peer]];
    for (const [n, [write, read]] of directions.entries()) {
      const user = seed.applyingUsers[2 + n]!;
      const moved = `Moved.${n}.${user.sub}@example.com`;
      const written = await write(documentOf('UpdateMyProfile'), { input: { email: moved } }, candidate(user));
      expect(written.errors).toBeUndefined();
      expect(written.data?.updateMyProfile.email).toBe(moved);
      expect((await read(find, { email: moved.toLowerCase() }, recruiter)).data?.findCandidateByEmail).toEqual(written.data?.updateMyProfile);
      expect((await read(find, { email: user.email }, recruiter)).data?.findCandidateByEmail).toBeNull();
    }
  });

  it('lets a candidate withdraw only their own application (Unauthorized, errorInfo id, otherwise), and refuses them the SDK document’s candidateId', async () => {
    const withdraw = 'mutation ($id: ID!, $expectedVersion: Int!) { withdrawApplication(id: $id, expectedVersion: $expectedVersion) { id jobId stage version } }';
    const [mine, theirs] = [seed.withdrawals[2]!, seed.withdrawals[3]!];
    expect(await both(withdraw, { id: theirs.applicationId, expectedVersion: 1 }, candidate(mine.user))).toEqual([
      { path: ['withdrawApplication'], errorType: 'Unauthorized', errorInfo: { id: theirs.applicationId } },
    ]);
    expect(await both(documentOf('WithdrawApplication'), { id: mine.applicationId, expectedVersion: 7 }, candidate(mine.user))).toEqual([
      { path: ['withdrawApplication'], errorType: 'ConcurrentModification', errorInfo: { currentVersion: 1, currentStage: 'APPLIED' } },
    ]);
    const directions: Array<[Send, { user: CandidateUser; applicationId: string }]> = [
      [peer, mine],
      [ours, theirs],
    ];
    for (const [send, { user, applicationId }] of directions) {
      const { data, errors } = await send(withdraw, { id: applicationId, expectedVersion: 1 }, candidate(user));
      expect(errors).toBeUndefined();
      expect(data?.withdrawApplication).toMatchObject({ id: applicationId, stage: 'WITHDRAWN', version: 2 });
    }
    // Withdrawn is final.
    expect(await both(documentOf('WithdrawApplication'), { id: mine.applicationId, expectedVersion: 2 }, headersOf(RECRUITER, 0))).toEqual([
      { path: ['withdrawApplication'], errorType: 'InvalidTransition', errorInfo: { from: 'WITHDRAWN', to: 'WITHDRAWN' } },
    ]);
  });

  it('keeps a job’s per-stage counts in the same transactions: each side’s move and withdrawal counted, read alike through the other', async () => {
    const recruiter = headersOf(RECRUITER, 0);
    const counts = async (send: Send): Promise<Record<string, number>> => {
      const { data } = await send(documentOf('JobPipeline'), { id: seed.jobIds[1] }, recruiter);
      return { total: data?.job.applicationCount as number, ...Object.fromEntries(data?.job.stageCounts.map(({ stage, count }: { stage: string; count: number }) => [stage, count])) };
    };
    const directions: Array<[Send, Send]> = [
      [peer, ours],
      [ours, peer],
    ];
    for (const [n, [write, read]] of directions.entries()) {
      const before = await counts(read);
      const applicationId = seed.spareApplicationIds[2 + n]!;
      expect((await write(documentOf('MoveApplication'), { id: applicationId, stage: 'SCREEN', expectedVersion: 1 }, recruiter)).errors).toBeUndefined();
      expect((await write(documentOf('WithdrawApplication'), { id: applicationId, expectedVersion: 2 }, recruiter)).errors).toBeUndefined();
      expect(await counts(read)).toEqual({ ...before, APPLIED: before.APPLIED! - 1, WITHDRAWN: before.WITHDRAWN! + 1 });
      expect(await counts(write)).toEqual(await counts(read));
    }
    // A stale version and a move no stage allows fail alike, and count nothing.
    const before = await counts(ours);
    expect(await both(documentOf('MoveApplication'), { id: seed.spareApplicationIds[2]!, stage: 'INTERVIEW', expectedVersion: 1 }, recruiter)).toEqual([
      { path: ['moveApplication'], errorType: 'ConcurrentModification', errorInfo: { currentVersion: 3, currentStage: 'WITHDRAWN' } },
    ]);
    expect(await both(documentOf('MoveApplication'), { id: seed.spareApplicationIds[2]!, stage: 'OFFER', expectedVersion: 3 }, recruiter)).toEqual([
      { path: ['moveApplication'], errorType: 'InvalidTransition', errorInfo: { from: 'WITHDRAWN', to: 'OFFER' } },
    ]);
    expect(await both(documentOf('MoveApplication'), { id: 'no-such-application', stage: 'SCREEN', expectedVersion: 1 }, recruiter)).toEqual([
      { path: ['moveApplication'], errorType: 'NotFound', errorInfo: { id: 'no-such-application' } },
    ]);
    expect(await counts(peer)).toEqual(before);
  });

  it('refuses job changes alike: NotFound, ConcurrentModification, InvalidTransition, JobClosed, ValidationError', async () => {
    const recruiter = headersOf(RECRUITER, 0);
    const [open, draft, closed] = [seed.jobIds[1]!, seed.jobIds[2]!, seed.jobIds[3]!];
    const update = documentOf('UpdateJob');
    expect(await both(documentOf('PublishJob'), { id: 'no-such-job', expectedVersion: 1 }, recruiter)).toEqual([
      { path: ['publishJob'], errorType: 'NotFound', errorInfo: { jobId: 'no-such-job' } },
    ]);
    expect(await both(documentOf('CloseJob'), { id: draft, expectedVersion: 2 }, recruiter)).toEqual([
      { path: ['closeJob'], errorType: 'ConcurrentModification', errorInfo: { currentVersion: 1, currentStatus: 'DRAFT' } },
    ]);
    expect(await both(documentOf('PublishJob'), { id: open, expectedVersion: 2 }, recruiter)).toEqual([
      { path: ['publishJob'], errorType: 'InvalidTransition', errorInfo: { from: 'OPEN', to: 'OPEN' } },
    ]);
    expect(await both(update, { id: closed, input: { title: 'Reopened?' }, expectedVersion: 3 }, recruiter)).toEqual([
      { path: ['updateJob'], errorType: 'JobClosed', errorInfo: { jobId: closed, status: 'CLOSED' } },
    ]);
    expect(await both(update, { id: open, input: { salary: { min: 90000, max: 80000, currency: 'EUR' } }, expectedVersion: 2 }, recruiter)).toEqual([
      { path: ['updateJob'], errorType: 'ValidationError', errorInfo: { field: 'salary.min', maximum: 80000, actual: 90000 } },
    ]);
    expect(await both(update, { id: open, input: { title: null }, expectedVersion: 2 }, recruiter)).toEqual([
      { path: ['updateJob'], errorType: 'ValidationError', errorInfo: { field: 'title' } },
    ]);
    expect(await both(update, { id: open, input: { salary: { min: 1, max: 2, currency: 'ABC' } }, expectedVersion: 2 }, recruiter)).toEqual([
      { path: ['updateJob'], errorType: 'ValidationError', errorInfo: { field: 'salary.currency', actual: 'ABC' } },
    ]);
  });

  it('shows the job board OPEN jobs only, and no counts', async () => {
    const jobBoard = { 'x-api-key': TEST_API_KEY };
    for (const id of [seed.jobIds[2]!, seed.jobIds[3]!]) {
      expect(await both(documentOf('Job'), { id }, jobBoard)).toEqual([]);
      expect((await peer(documentOf('Job'), { id }, jobBoard)).data?.job).toBeNull();
      expect((await peer(documentOf('Job'), { id }, headersOf(RECRUITER, 0))).data?.job.id).toBe(id);
    }
    const errors = await both(documentOf('JobPipeline'), { id: seed.jobId }, jobBoard);
    // applicationCount is non-null: its refusal nulls the job, on both sides alike.
    expect(errors).toEqual([{ path: ['job', 'applicationCount'], errorType: 'Unauthorized', errorInfo: null }]);
  });

  it('pages every list alike and never ends on an empty last page (nextToken null on the last)', async () => {
    const jobBoard = { 'x-api-key': TEST_API_KEY };
    /** Every page of a list through one side, following its own tokens. */
    async function pages(send: Send, name: string, field: string, variables: Record<string, unknown>, headers: Headers) {
      const all: unknown[][] = [];
      let nextToken: string | null = null;
      do {
        const body: Body = await send(documentOf(name), { ...variables, nextToken }, headers);
        expect(body.errors).toBeUndefined();
        all.push(body.data![field].items);
        nextToken = body.data![field].nextToken;
      } while (nextToken && all.length < 100);
      return all;
    }
    const lists: Array<[string, string, Record<string, unknown>, Headers]> = [
      ['OpenJobs', 'openJobs', {}, jobBoard],
      ['OpenJobs', 'openJobs', { filter: { remote: true } }, jobBoard],
      ['OpenJobs', 'openJobs', { filter: { companyId: seed.companyId, employmentType: 'FULL_TIME' } }, jobBoard],
      ['OpenJobs', 'openJobs', { filter: { location: ' lyon,  FRANCE ' } }, jobBoard],
      ['OpenJobs', 'openJobs', { filter: { companyId: seed.companyId, location: 'Berlin, Germany', remote: false } }, jobBoard],
      ['OpenJobs', 'openJobs', { filter: { employmentType: 'INTERNSHIP' } }, jobBoard],
      ['JobsByCompany', 'jobsByCompany', { companyId: seed.companyId }, jobBoard],
      ['JobsByCompany', 'jobsByCompany', { companyId: seed.companyId }, headersOf(RECRUITER, 0)],
      ['Companies', 'companies', {}, jobBoard],
    ];
    for (const [name, field, variables, headers] of lists) {
      const [everything] = await pages(ours, name, field, { ...variables, limit: 100 }, headers);
      const total = everything!.length;
      for (const limit of [...new Set([1, 2, Math.max(1, Math.ceil(total / 2)), Math.max(1, total)])]) {
        const [mine, theirs] = await Promise.all([pages(ours, name, field, { ...variables, limit }, headers), pages(peer, name, field, { ...variables, limit }, headers)]);
        expect(theirs, `${name} ${JSON.stringify(variables)} limit ${limit}`).toEqual(mine);
        expect(mine.flat()).toEqual(everything);
        // Only an empty list has an empty page.
        if (total > 0) expect(mine.every((page) => page.length > 0)).toBe(true);
      }
    }
  });
});
