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
import { graphqlEvent } from '../helpers/events';
import { cognitoIdToken, createSigningKey, deployedAuthConfig, TEST_API_KEY, TEST_CLIENT_ID, TEST_USER_POOL_ID } from '../helpers/jwt';

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
}
const readBack: Record<string, ReadBack> = {
  CreateCompany: { query: 'Company', field: 'company', variables: (result) => ({ id: result.id }) },
  CreateJob: { query: 'Job', field: 'job', variables: (result) => ({ id: result.id }) },
  CreateCandidate: { query: 'Candidate', field: 'candidate', variables: (result) => ({ id: result.id }) },
  ApplyToJob: { query: 'Application', field: 'application', variables: (result) => ({ id: result.id }) },
  MoveApplication: { query: 'Application', field: 'application', variables: (result) => ({ id: result.id }) },
  CreateMyProfile: { query: 'Candidate', field: 'candidate', variables: (result) => ({ id: result.id }) },
  UpdateMyProfile: { query: 'Candidate', field: 'candidate', variables: (result) => ({ id: result.id }) },
  ApplyAsMe: { query: 'Application', field: 'application', variables: (result) => ({ id: result.id }) },
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
          [read, write].map((send) => send(documentOf(back.query), back.variables(result), headersOf(RECRUITER, 0)).then((body) => pick(body.data?.[back.field], result))),
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

  it('hides recruiters’ fields (version, notes) from a candidate reading their own applications, as ours does', async () => {
    const errors = await both('query { me { id applications { items { id version notes { items { id } } } } } }', {}, candidate(seed.me));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.errorType === 'Unauthorized')).toBe(true);
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
});
