// The bench's peer (bench/peer: a hand-written Apollo Server + Document Client implementation) answers
// the SDK's operations with the same data as ours on the same seeded table, so the bench compares
// like with like.
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES, sdkOperations, type Caller } from '../../bench/lib/operations';
import { seedHiringData, type Seed } from '../../bench/lib/seed';
import { createPeerHandler } from '../../bench/peer/app';
import { trustedDocuments } from '../../src/generated/trusted-documents';
import { DEFAULT_QUERY_BUDGETS } from '@appsync-lambda/engine';
import { createTestApi, type TestApi } from '../helpers/api';
import { graphqlEvent } from '../helpers/events';
import { cognitoIdToken, createSigningKey, deployedAuthConfig, TEST_API_KEY, TEST_CLIENT_ID, TEST_USER_POOL_ID } from '../helpers/jwt';

type Body = { data?: Record<string, any> | null; errors?: Array<Record<string, any>> };
type Send = (document: string, variables: Record<string, unknown>, caller: Caller) => Promise<Body>;

const operations = sdkOperations();
const documentOf = (name: string) => operations.find((operation) => operation.name === name)!.document;

let seed: Seed;
let ours: Send;
let peer: Send;

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
  const headers: Record<Caller, Record<string, string>> = {
    jobBoard: { 'x-api-key': TEST_API_KEY },
    recruiter: { authorization: cognitoIdToken(key, { 'cognito:groups': ['recruiters'] }) },
    admin: { authorization: cognitoIdToken(key, { 'cognito:groups': ['admins'] }) },
  };
  ours = async (document, variables, caller) => (await api.graphql(document, variables, { headers: headers[caller] })).body;
  const handler = createPeerHandler({
    doc: api.db.doc,
    tableName: api.db.tableName,
    auth: { apiKeys: [TEST_API_KEY], userPoolId: TEST_USER_POOL_ID, clientIds: [TEST_CLIENT_ID], jwks: key.jwks as unknown as Jwks },
  });
  peer = async (document, variables, caller) => {
    const event: APIGatewayProxyEventV2 = graphqlEvent(document, variables, { headers: headers[caller] });
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
      const { caller, variables } = CASES[operation.name]!;
      const [mine, theirs] = await Promise.all([ours(operation.document, variables(seed, 0), caller), peer(operation.document, variables(seed, 0), caller)]);
      expect(mine.errors).toBeUndefined();
      expect(theirs.errors).toBeUndefined();
      expect(JSON.stringify(mine.data).length).toBeGreaterThan(100);
      expect(comparable(theirs.data)).toEqual(comparable(mine.data));
    });
  }
});

// Each mutation on one implementation, read back through the other: both write the same items.
const readBack: Record<string, { query: string; field: string; variables: (result: Record<string, any>) => Record<string, unknown> }> = {
  CreateCompany: { query: 'Company', field: 'company', variables: (result) => ({ id: result.id }) },
  CreateJob: { query: 'Job', field: 'job', variables: (result) => ({ id: result.id }) },
  CreateCandidate: { query: 'Candidate', field: 'candidate', variables: (result) => ({ id: result.id }) },
  ApplyToJob: { query: 'Application', field: 'application', variables: (result) => ({ id: result.id }) },
  MoveApplication: { query: 'Application', field: 'application', variables: (result) => ({ id: result.id }) },
};

describe('the peer’s writes and ours read alike', () => {
  for (const operation of operations.filter((candidate) => candidate.kind === 'mutation')) {
    it(operation.name, async () => {
      const { caller, variables } = CASES[operation.name]!;
      const back = readBack[operation.name]!;
      expect(back).toBeDefined();
      const directions: Array<[Send, Send]> = [[peer, ours], [ours, peer]];
      for (const [n, [write, read]] of directions.entries()) {
        const written = await write(operation.document, variables(seed, n), caller);
        expect(written.errors).toBeUndefined();
        const result = Object.values(written.data!)[0] as Record<string, any>;
        const [mine, theirs] = await Promise.all(
          [read, write].map((send) => send(documentOf(back.query), back.variables(result), 'recruiter').then((body) => body.data?.[back.field])),
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
    const [mine, theirs] = await Promise.all([ours(documentOf('Candidate'), variables, 'jobBoard'), peer(documentOf('Candidate'), variables, 'jobBoard')]);
    expect(mine.data?.candidate ?? null).toBeNull();
    expect(theirs.data?.candidate ?? null).toBeNull();
    expect(mine.errors?.[0]?.errorType).toBe('Unauthorized');
    expect(theirs.errors?.[0]?.extensions?.errorType).toBe('Unauthorized');
  });

  it('answers a second application of the same candidate to the same job with AlreadyApplied', async () => {
    const variables = { jobId: seed.jobId, candidateId: seed.candidateId };
    const [mine, theirs] = [await ours(documentOf('ApplyToJob'), variables, 'recruiter'), await peer(documentOf('ApplyToJob'), variables, 'recruiter')];
    expect(mine.errors?.[0]?.errorType).toBe('AlreadyApplied');
    expect(theirs.errors?.[0]?.extensions?.errorType).toBe('AlreadyApplied');
    expect(theirs.errors?.[0]?.extensions?.errorInfo).toEqual(mine.errors?.[0]?.errorInfo);
  });
});
