/**
 * The hiring API as deployed (user pools by default, API key for the job board, the default query
 * budgets, the API key held to the trusted documents) behind the real handler, with signed-in
 * callers and builders for the entities tests need.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { trustedDocuments } from '../../src/generated/trusted-documents';
import { DEFAULT_QUERY_BUDGETS, type AuthConfig } from '@appsync-lambda/engine';
import { createTestApi, type TestApi, type TestApiOptions } from './api';
import { type EventOptions, cognitoIdToken, createSigningKey } from '@appsync-lambda/test-support';
import { deployedAuthConfig, TEST_API_KEY } from './jwt';

export interface HiringApi {
  api: TestApi;
  /** The authorization configuration the handler enforces (user pools and the API key). */
  auth: AuthConfig;
  /** A user-pool token of a user in `groups`, for the handler's pool. */
  tokenFor(groups: string[]): string;
  admin: EventOptions;
  /** A recruiter of every company aCompany made (tenancy: {@link RECRUITER_SUB}). */
  recruiter: EventOptions;
  /** A signed-in user in no group. */
  member: EventOptions;
  jobBoard: EventOptions;
  /**
   * A signed-in user in the candidates group: a new user (sub) with a verified email unless
   * `claims` say otherwise (`email`, `email_verified`, `sub`, `cognito:groups`).
   */
  aCandidateUser(claims?: Record<string, unknown>): CandidateUser;
  /** A signed-in user pool user in `groups`, with more token claims (e.g. `sub`). */
  signedIn(groups: string[], claims?: Record<string, unknown>): EventOptions;
  /** Runs an operation as a recruiter and fails the test on any error. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** A company (made by an admin) whose recruiter `recruiter` is. */
  aCompany(overrides?: { name?: string }): Promise<{ id: string }>;
  /** Makes a user (by sub) or an email a recruiter of the company, as an admin. */
  addRecruiter(companyId: string, recruiter: { userId: string } | { email: string }): Promise<void>;
  aJob(companyId: string, overrides?: { title?: string; status?: 'DRAFT' | 'OPEN' | 'CLOSED' }): Promise<{ id: string; status: string }>;
  /** A candidate `recruiter` registers for `companyId`, by default for a company of theirs made once per API. */
  aCandidate(overrides?: { name?: string; email?: string; phone?: string; companyId?: string }): Promise<{ id: string; email: string }>;
}

/** The Cognito sub of `recruiter`: test-support's token's, when its claims name no other. */
export const RECRUITER_SUB = 'a1b2c3d4-0000-4000-8000-000000000001';

/** A signed-in candidate: the headers to send, and who they are. */
export interface CandidateUser extends EventOptions {
  sub: string;
  email: string;
}

let emails = 0;

/**
 * `options` reach the handler: a client through a fault proxy, a deadline, a logger, or deployed
 * settings a test changes (e.g. `trustedDocuments: undefined`).
 */
export async function createHiringApi(options: TestApiOptions = {}): Promise<HiringApi> {
  const key = createSigningKey();
  const auth = deployedAuthConfig(key);
  const api = await createTestApi({
    auth,
    queryBudgets: DEFAULT_QUERY_BUDGETS,
    trustedDocuments: { documents: trustedDocuments, modes: ['API_KEY'] },
    ...options,
  });
  const tokenFor = (groups: string[], claims: Record<string, unknown> = {}) => cognitoIdToken(key, { 'cognito:groups': groups, ...claims });
  const as = (groups: string[], claims: Record<string, unknown> = {}) => ({ headers: { authorization: tokenFor(groups, claims) } });
  const admin = as(['admins']);
  const recruiter = as(['recruiters']);
  const call = async <T>(query: string, variables: Record<string, unknown> | undefined, options: EventOptions) => {
    const { body } = await api.graphql<T>(query, variables, options);
    expect(body.errors).toBeUndefined();
    return body.data as T;
  };
  const addRecruiter = async (companyId: string, recruiter: { userId: string } | { email: string }) => {
    await call('mutation ($input: CompanyRecruiterInput!) { addCompanyRecruiter(input: $input) { companyId } }', { input: { companyId, ...recruiter } }, admin);
  };
  const aCompany = async (overrides: { name?: string } = {}) => {
    const data = await call<any>('mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id } }', { input: { name: 'Acme', ...overrides } }, admin);
    await addRecruiter(data.createCompany.id, { userId: RECRUITER_SUB });
    return data.createCompany as { id: string };
  };
  let home: Promise<{ id: string }> | undefined;
  return {
    api,
    auth,
    tokenFor,
    admin,
    recruiter,
    member: as([]),
    jobBoard: { headers: { 'x-api-key': TEST_API_KEY } },
    aCandidateUser(claims = {}) {
      emails += 1;
      const sub = randomUUID();
      const email = `candidate.${emails}.${sub.slice(0, 8)}@example.com`;
      const token = cognitoIdToken(key, { sub, 'cognito:username': sub, 'cognito:groups': ['candidates'], email, email_verified: true, ...claims });
      return { sub: String(claims.sub ?? sub), email: String(claims.email ?? email), headers: { authorization: token } };
    },
    signedIn: as,
    ok: (query, variables) => call(query, variables, recruiter),
    aCompany,
    addRecruiter,
    async aJob(companyId, overrides = {}) {
      const input = { companyId, title: 'Engineer', status: 'OPEN', ...overrides };
      const data = await call<any>('mutation ($input: CreateJobInput!) { createJob(input: $input) { id status } }', { input }, recruiter);
      return data.createJob;
    },
    async aCandidate(overrides = {}) {
      emails += 1;
      const email = `ada.${emails}.${Date.now()}@example.com`;
      const companyId = overrides.companyId ?? (await (home ??= aCompany({ name: 'Home' }))).id;
      const input = { name: 'Ada Lovelace', email, ...overrides, companyId };
      const data = await call<any>('mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { id email } }', { input }, recruiter);
      return data.createCandidate;
    },
  };
}

/** Every item stored in the test database, read straight from DynamoDB Local. */
export async function storedItems(api: TestApi): Promise<Array<Record<string, any>>> {
  const items: Array<Record<string, any>> = [];
  let ExclusiveStartKey: Record<string, any> | undefined;
  do {
    const page = await api.db.doc.send(new ScanCommand({ TableName: api.db.tableName, ExclusiveStartKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
