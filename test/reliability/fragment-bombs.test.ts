/**
 * Fragment bombs: documents of a few kilobytes whose fragments each spread the next one twice, so
 * that 40 levels expand to 2^40 selections. Sent over HTTP to a container of the production bundle
 * as every caller the hiring API has (the job board's API key and signed-in admins, recruiters,
 * candidates and users in no group), each is answered at once: refused with a stable errorType
 * (`PersistedQueryNotAllowed` for the API key, `QueryLimitExceeded` past a budget) or answered with
 * the data of its expansion. The request after each bomb is served as usual. The time per bomb is
 * printed; the bound itself is the linear work count of the engine's own tests.
 */
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanyDocument, CreateCompanyDocument } from '@hiring/sdk';
import { readLimitSettings } from '../../src/config/limits';
import { createTestDatabase, type TestDatabase } from '../helpers/dynamodb';
import { cognitoIdToken, createSigningKey } from '@appsync-lambda/test-support';
import { TEST_API_KEY } from '../helpers/jwt';
import { buildHandlerBundle, containerEnvironment, deployedEnvironment, startHandlerProcess, type HandlerBundle, type HandlerProcess } from './lib/handler-processes';
import { Findings, HUNG, outcomeOf, postGraphQL, problemsWith, type Answer } from './lib/outcomes';

const LEVELS = [10, 20, 30, 40];
const COMPANY = 'Bomb Co';

const key = createSigningKey();
const signedIn = (groups: string[]) => ({ authorization: cognitoIdToken(key, { sub: `bomb-${groups.join('-') || 'member'}`, 'cognito:groups': groups, email: 'bomb@example.com', email_verified: true }) });
const CALLERS: Record<string, Record<string, string>> = {
  'API key': { 'x-api-key': TEST_API_KEY },
  admin: signedIn(['admins']),
  recruiter: signedIn(['recruiters']),
  candidate: signedIn(['candidates']),
  member: signedIn([]),
};
/** The signed-in budget the container reads from serverless.yml's environment. */
const budget = readLimitSettings(deployedEnvironment()).queryBudgets.AMAZON_COGNITO_USER_POOLS.limits;

/** What a signed-in caller gets for a bomb: the data of its expansion, or a refusal naming the limit. */
type Expected = { data: unknown } | { refused: string };

interface Shape {
  /** The operation (spreading `...F0`), the fragments' type and what the last fragment selects. */
  operation: string;
  type: string;
  leaf: string;
  expected(levels: number): Expected;
}

const overBudget = (limit: 'aliases' | 'cost', actual: number): Expected | undefined => (budget[limit] !== null && actual > budget[limit] ? { refused: limit } : undefined);

const SHAPES: Record<string, Shape> = {
  'root __typename': { operation: 'query Bomb { ...F0 }', type: 'Query', leaf: '__typename', expected: () => ({ data: { __typename: 'Query' } }) },
  'company __typename': {
    operation: 'query Bomb($id: ID!) { company(id: $id) { ...F0 } }',
    type: 'Company',
    leaf: '__typename',
    expected: () => ({ data: { company: { __typename: 'Company' } } }),
  },
  'company name': {
    operation: 'query Bomb($id: ID!) { company(id: $id) { ...F0 } }',
    type: 'Company',
    leaf: 'name',
    // company, then one name per expanded spread.
    expected: (levels) => overBudget('cost', 1 + 2 ** levels) ?? { data: { company: { name: COMPANY } } },
  },
  'company alias': {
    operation: 'query Bomb($id: ID!) { company(id: $id) { ...F0 } }',
    type: 'Company',
    leaf: 'label: name',
    expected: (levels) => overBudget('aliases', 2 ** levels) ?? { data: { company: { label: COMPANY } } },
  },
};

function bomb(levels: number, { operation, type, leaf }: Shape): string {
  const fragments = Array.from({ length: levels }, (_, level) => `fragment F${level} on ${type} { ...F${level + 1} ...F${level + 1} }`);
  return [operation, ...fragments, `fragment F${levels} on ${type} { ${leaf} }`].join('\n');
}

let db: TestDatabase;
let bundle: HandlerBundle;
let container: HandlerProcess;
let companyId: string;

beforeAll(async () => {
  [db, bundle] = await Promise.all([createTestDatabase('hiring-reliability-bombs'), buildHandlerBundle()]);
  container = await startHandlerProcess({ bundle, env: containerEnvironment(db, key) });
  const created = await postGraphQL(`${container.origin}/graphql`, { query: print(CreateCompanyDocument), variables: { input: { name: COMPANY } } }, CALLERS.admin!);
  if (created === HUNG || !created.body) throw new Error('the company could not be created');
  companyId = (created.body.data as { createCompany: { id: string } }).createCompany.id;
}, 120_000);

afterAll(async () => {
  await container?.close();
  bundle?.remove();
});

describe('fragment bombs against the production bundle', () => {
  it('answers or refuses every bomb with a stable errorType as every caller, and serves the next request', async () => {
    const url = `${container.origin}/graphql`;
    const findings = new Findings();
    // One row per bomb: each caller's outcome and milliseconds.
    const rows: Record<string, Record<string, string>> = {};
    for (const [shapeName, shape] of Object.entries(SHAPES)) {
      for (const levels of LEVELS) {
        const query = bomb(levels, shape);
        const row: Record<string, string> = (rows[`${shapeName}, ${levels} levels (${query.length} B)`] = {});
        for (const [caller, headers] of Object.entries(CALLERS)) {
          const label = `${shapeName}, ${levels} levels, ${caller}`;
          const started = performance.now();
          const answer = await postGraphQL(url, { query, variables: { id: companyId } }, headers);
          const ms = performance.now() - started;
          row[caller] = `${answer === HUNG ? 'hung' : outcomeOf(answer)} ${ms.toFixed(1)} ms`;
          if (answer === HUNG) {
            findings.add('a bomb hung', label);
            continue;
          }
          for (const problem of problemsWith(answer, { clientFault: true })) findings.add(problem, `${label}: ${answer.text}`);
          const expected: Expected = caller === 'API key' ? { refused: 'PersistedQueryNotAllowed' } : shape.expected(levels);
          if (!answered(answer, expected)) findings.add('not the expected answer', `${label}: expected ${JSON.stringify(expected)}, got ${answer.status} ${answer.text.slice(0, 300)}`);

          const next = await postGraphQL(url, { query: print(CompanyDocument), variables: { id: companyId } }, headers);
          const name = next === HUNG ? undefined : (next.body?.data as { company?: { name?: string } } | undefined)?.company?.name;
          if (name !== COMPANY) findings.add('the next request was not served', `${label}: ${next === HUNG ? 'hung' : next.text.slice(0, 300)}`);
        }
      }
    }
    console.log(`fragment bombs: ${Object.keys(rows).length} bombs × ${Object.keys(CALLERS).length} callers, each followed by an ordinary request; problems: ${findings.count}\n${findings.toString()}`);
    console.table(rows);
    expect(container.exit()).toBeUndefined();
    expect(findings.toString()).toBe('');
  }, 300_000);
});

/** Whether an answer is the data expected, or a 400 refusal of the expected type (a budget refusal naming its limit). */
function answered(answer: Answer, expected: Expected): boolean {
  if ('data' in expected) return answer.status === 200 && !answer.body?.errors && JSON.stringify(answer.body?.data) === JSON.stringify(expected.data);
  const errors = (answer.body?.errors ?? []) as Array<{ errorType?: string; errorInfo?: { limit?: string } }>;
  if (answer.status !== 400 || errors.length !== 1) return false;
  const [error] = errors;
  if (expected.refused === 'PersistedQueryNotAllowed') return error!.errorType === 'PersistedQueryNotAllowed';
  return error!.errorType === 'QueryLimitExceeded' && error!.errorInfo?.limit === expected.refused;
}
