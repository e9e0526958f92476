/**
 * Malformed and hostile API Gateway events for the fuzz, drawn from a seeded PRNG so a failing run
 * replays exactly (FUZZ_SEED). Each generator is one kind of client fault; every event it makes
 * must end in a 2xx/4xx JSON GraphQL answer with an errorType on each error.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { print } from 'graphql';
import { CompanyDocument, JobDocument, JobsByCompanyDocument } from '@hiring/sdk';
import { httpApiEvent } from '@appsync-lambda/test-support';

/** The job board's operations as the SDK sends them: the documents the API key may run. */
const JOB_BOARD = { company: print(CompanyDocument), job: print(JobDocument), jobsByCompany: print(JobsByCompanyDocument) };

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof prng>;

export interface FuzzFixtures {
  companyId: string;
  jobId: string;
  candidateId: string;
  applicationId: string;
  /** A real nextToken of jobsByCompany(companyId, limit: 1). */
  jobsToken: string;
  /** The job board's API key. */
  apiKey: string;
  /** Credentials: header sets for the API key, a recruiter, an admin, and nobody. */
  credentials: Array<Record<string, string>>;
}

export interface FuzzRequest {
  kind: string;
  event: APIGatewayProxyEventV2;
}

const STAGES = ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN'];

function randomUnicode(r: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const roll = r.next();
    if (roll < 0.05) text += String.fromCharCode(r.int(0xd800, 0xdfff)); // lone surrogate
    else if (roll < 0.1) text += String.fromCharCode(r.int(0, 31)); // control characters, NUL included
    else if (roll < 0.15) text += r.pick(['\u202e', '\u200b', '\ufeff', '\u2028', '\\', '"', '{', '}', '$', '#', '…']);
    else text += String.fromCodePoint(r.pick([r.int(0x20, 0x7e), r.int(0xa0, 0x2fff), r.int(0x4e00, 0x9fff), r.int(0x1f300, 0x1faff)]));
  }
  return text;
}

const json = (value: unknown) => JSON.stringify(value);

/** A valid operation of the API, to damage or to send with bad variables. */
function anOperation(r: Random, f: FuzzFixtures): { query: string; variables: Record<string, unknown> } {
  return r.pick([
    { query: 'query ($id: ID!) { company(id: $id) { id name website jobs(limit: 2) { items { id title } nextToken } } }', variables: { id: f.companyId } },
    { query: 'query ($id: ID!) { job(id: $id) { id title status applications(limit: 2) { items { id stage } } } }', variables: { id: f.jobId } },
    { query: 'query ($c: ID!, $l: Int, $t: String) { jobsByCompany(companyId: $c, limit: $l, nextToken: $t) { items { id } nextToken } }', variables: { c: f.companyId, l: 1, t: null } },
    { query: 'query ($id: ID!) { candidate(id: $id) { id email applications { items { id } } } }', variables: { id: f.candidateId } },
    { query: 'query ($id: ID!) { application(id: $id) { id stage version history { stage at } job { id } candidate { id } } }', variables: { id: f.applicationId } },
    { query: 'mutation ($id: ID!, $s: Stage!, $v: Int!) { moveApplication(id: $id, stage: $s, expectedVersion: $v) { id version } }', variables: { id: f.applicationId, s: 'SCREEN', v: 99 } },
    { query: 'mutation ($i: CreateCandidateInput!) { createCandidate(input: $i) { id } }', variables: { i: { name: 'Fuzz', email: `fuzz.${r.int(0, 1e9)}@example.com` } } },
    { query: 'mutation ($i: CreateCompanyInput!) { createCompany(input: $i) { id } }', variables: { i: { name: 'Fuzz Co', website: 'https://fuzz.example' } } },
    { query: 'mutation ($j: ID!, $c: ID!) { applyToJob(jobId: $j, candidateId: $c) { id } }', variables: { j: f.jobId, c: f.candidateId } },
  ]);
}

function post(r: Random, f: FuzzFixtures, body: string, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  return httpApiEvent({ method: 'POST', body, headers: { 'content-type': 'application/json', ...r.pick(f.credentials), ...headers } });
}

function postJson(r: Random, f: FuzzFixtures, payload: unknown): APIGatewayProxyEventV2 {
  return post(r, f, json(payload));
}

const generators: Record<string, (r: Random, f: FuzzFixtures) => APIGatewayProxyEventV2> = {
  'bad JSON': (r, f) => {
    const valid = json(anOperation(r, f));
    return post(
      r,
      f,
      r.pick([
        valid.slice(0, r.int(0, valid.length - 1)),
        `${valid}${r.pick(['}', ']', ',', 'garbage', '\u0000'])}`,
        valid.replace(/"/g, "'"),
        `\ufeff${valid}`,
        '{"query": NaN}',
        '{"query": "{ __typename }", "query": 1}',
        '[',
        `${'['.repeat(r.int(1000, 200_000))}${']'.repeat(r.int(0, 10))}`,
        `{"variables": ${'{"a":'.repeat(r.int(100, 50_000))}1${'}'.repeat(r.int(0, 5))}`,
        randomUnicode(r, r.int(1, 200)),
        '',
      ]),
    );
  },
  'wrong types': (r, f) => {
    const { query, variables } = anOperation(r, f);
    const junk = () => r.pick<unknown>([null, 0, -1, 1e308, true, 'x', [], [query], {}, { query }]);
    return postJson(
      r,
      f,
      r.pick([
        { query: junk(), variables },
        { query, variables: r.pick<unknown>(['x', 1, [variables], true]) },
        { query, variables, operationName: r.pick<unknown>([1, {}, [], true]) },
        { query, variables, extensions: r.pick<unknown>(['x', 1, { persistedQuery: junk() }, { persistedQuery: { version: junk(), sha256Hash: junk() } }]) },
        r.pick<unknown>([null, 1, 'query', true, [], [{ query }, { query }]]),
      ]),
    );
  },
  'deep nesting': (r, f) => {
    const depth = r.int(20, 20_000);
    return postJson(
      r,
      f,
      r.pick([
        { query: `{ ${'company(id: "x") { jobs { items { company: __typename '.repeat(Math.min(depth, 300))}${'} } } '.repeat(Math.min(depth, 300))} }` },
        { query: `{${'a{'.repeat(depth)}${'}'.repeat(depth + 1)}` },
        { query: `query ($v: [[[[[[[[Int]]]]]]]]) { __typename } `, variables: { v: JSON.parse(`${'['.repeat(2_000)}${']'.repeat(2_000)}`) } },
        { query: 'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }' },
        { query: `{ job(id: "${f.jobId}") { ${'... on Job { '.repeat(Math.min(depth, 2_000))}id${' }'.repeat(Math.min(depth, 2_000))} } }` },
        { query: `{ company(id: "x") { id } } ${'#'.repeat(10)}${'('.repeat(depth)}` },
      ]),
    );
  },
  'alias flood': (r, f) => {
    const [field, most] = r.pick<[string, number]>([
      ['__typename', 3_000],
      ['__typename @skip(if: true)', 3_000],
      ['nope', 300],
      [`company(id: "${f.companyId}") { id }`, 60],
      ['job(id: "missing") { id }', 60],
      ['__schema { types { name } }', 5],
    ]);
    // Fields that reach DynamoDB, fail validation or introspect stay few enough to keep the run
    // short; cheap ones flood. Documents stay under about 1 MB (bigger ones are huge strings').
    const n = r.int(Math.min(50, most), most);
    const directives = r.chance(0.3) ? ' @include(if: true)'.repeat(Math.min(r.int(1, 300), Math.floor(30_000 / n))) : '';
    return postJson(r, f, { query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}${directives}`).join(' ')} }` });
  },
  'huge strings': (r, f) => {
    const size = r.chance(0.05) ? r.int(1_000_000, 3_000_000) : r.pick([1_000, 10_000, 50_000, 300_000]);
    const big = r.pick(['x', 'é', '😀', ' ']).repeat(Math.floor(size / 2));
    return postJson(
      r,
      f,
      r.pick([
        { query: 'query ($id: ID!) { company(id: $id) { id } }', variables: { id: big } },
        { query: 'mutation ($i: CreateCompanyInput!) { createCompany(input: $i) { id } }', variables: { i: { name: big } } },
        { query: 'mutation ($i: CreateCandidateInput!) { createCandidate(input: $i) { id } }', variables: { i: { name: 'n', email: `${big.slice(0, r.int(250, 5_000))}@example.com` } } },
        { query: `{ __typename } # ${big} ${r.int(0, 1e9)}` },
        { query: `{ company(id: "${big.slice(0, 100_000)}") { id } }` },
        { query: '{ __typename }', operationName: big },
      ]),
    );
  },
  'bad nextToken': (r, f) => {
    const token = r.pick([
      `${f.jobsToken}${r.pick(['x', '==', 'AAAA', '%00'])}`,
      f.jobsToken.slice(0, r.int(0, f.jobsToken.length - 1)),
      Buffer.from(json({ PK: `JOB#${f.jobId}`, SK: '#META', GSI1PK: 'COMPANY#other', GSI1SK: 'JOB#' })).toString('base64'),
      Buffer.from(randomUnicode(r, 40)).toString('base64'),
      randomUnicode(r, r.int(0, 100)),
      'e30=',
      'null',
      '',
      'A'.repeat(r.int(1_000, 100_000)),
    ]);
    const query = r.pick([
      'query ($c: ID!, $t: String) { jobsByCompany(companyId: $c, limit: 1, nextToken: $t) { items { id } nextToken } }',
      'query ($c: ID!, $t: String) { company(id: $c) { jobs(limit: 1, nextToken: $t) { items { id } } } }',
      'query ($c: ID!, $t: String) { applicationsByJob(jobId: $c, nextToken: $t) { items { id } } }',
    ]);
    return postJson(r, f, { query, variables: { c: r.chance(0.5) ? f.companyId : 'other-company', t: token } });
  },
  'wrong method': (r, f) => {
    const { query, variables } = anOperation(r, f);
    const method = r.pick(['PUT', 'DELETE', 'PATCH', 'HEAD', 'TRACE', 'CONNECT', 'get', 'post', '', 'GET', 'GET', 'OPTIONS']);
    const params = r.pick<Record<string, string>>([
      { query, variables: json(variables) },
      { query },
      { query, variables: '{not json' },
      {},
      { query: `mutation { createCompany(input: { name: "via GET" }) { id } }` },
      { query, extensions: '{"persistedQuery":{"version":1,"sha256Hash":"00"}}' },
    ]);
    const headers = { ...r.pick(f.credentials), ...(r.chance(0.5) ? { 'apollo-require-preflight': 'true' } : {}), ...(r.chance(0.5) ? { 'content-type': 'application/json' } : {}) };
    return httpApiEvent({ method: method as 'GET', query: params, headers, body: r.chance(0.3) ? json({ query }) : undefined });
  },
  'wrong content type': (r, f) => {
    const contentType = r.pick([
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/graphql',
      'application/json; charset=utf-16',
      'APPLICATION/JSON',
      'application/x-www-form-urlencoded',
      'application/graphql-response+json',
      'application/json, text/plain',
      randomUnicode(r, 20),
    ]);
    return post(r, f, json(anOperation(r, f)), { 'content-type': contentType });
  },
  'bad base64': (r, f) => {
    const body = r.pick([
      '!!!not base64!!!',
      Buffer.from(json(anOperation(r, f))).toString('base64').slice(0, -3),
      Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80, 0x81]).toString('base64'),
      `${Buffer.from('{"query":"{ __typename }"}').toString('base64')}====`,
      Buffer.from(randomUnicode(r, 50), 'latin1').toString('base64'),
    ]);
    return { ...post(r, f, body), isBase64Encoded: true };
  },
  'random unicode': (r, f) => {
    const text = randomUnicode(r, r.int(1, 400));
    return postJson(
      r,
      f,
      r.pick([
        { query: text },
        { query: `{ company(id: "${text.replace(/["\\]/g, '')}") { id } }` },
        { query: 'query ($id: ID!) { job(id: $id) { id } }', variables: { id: text } },
        { query: 'mutation ($i: CreateCandidateInput!) { createCandidate(input: $i) { id } }', variables: { i: { name: text, email: `${text}@example.com`, phone: text } } },
        { query: `{ ${text} }` },
      ]),
    );
  },
  'invalid variables': (r, f) => {
    const variables = r.pick<Record<string, unknown>>([
      { id: f.applicationId, s: r.pick([...STAGES, 'NOPE', 'screen', '', 1]), v: r.pick<unknown>([1.5, -1, 2 ** 31, 1e20, '1', null, NaN, [], {}]) },
      { id: r.pick<unknown>([null, 1, {}, [], true]), s: 'SCREEN', v: 1 },
      { i: r.pick<unknown>([null, {}, { name: 'x' }, { name: 'x', email: 'not-an-email' }, { name: 'x', email: 'a@b.c', phone: 'abc' }, { name: 'x', email: 'a@b.c', extra: 1 }, 'x']) },
      { i: { name: 'x', website: r.pick(['javascript:alert(1)', 'ftp://x', 'not a url', `https://${'a'.repeat(5_000)}.com`, 'data:text/html,x']) } },
      { c: f.companyId, l: r.pick<unknown>([-1, 0, 1e6, 2 ** 31, 'many', 1.5, null]) },
    ]);
    const query = r.pick([
      'mutation ($id: ID!, $s: Stage!, $v: Int!) { moveApplication(id: $id, stage: $s, expectedVersion: $v) { id } }',
      'mutation ($i: CreateCandidateInput!) { createCandidate(input: $i) { id } }',
      'mutation ($i: CreateCompanyInput!) { createCompany(input: $i) { id } }',
      'query ($c: ID!, $l: Int) { jobsByCompany(companyId: $c, limit: $l) { items { id } } }',
    ]);
    return postJson(r, f, { query, variables });
  },
  'job board operation, odd variables': (r, f) => {
    // Mostly of the declared type (so the operation runs), sometimes not.
    const wrongType = () => r.pick<unknown>([[], {}, true, 1.5, 'x']);
    const aString = () =>
      r.chance(0.15) ? wrongType() : r.pick<unknown>([null, '', 'x'.repeat(r.int(1, 5_000)), randomUnicode(r, r.int(1, 50)), `${f.jobsToken}x`, f.jobsToken, f.companyId, f.jobId]);
    const anInt = () => (r.chance(0.15) ? wrongType() : r.pick<unknown>([null, -1, 0, 1, 100, 101, 2 ** 31 - 1, -(2 ** 31)]));
    const [query, variables] = r.pick<[string, Record<string, unknown>]>([
      [JOB_BOARD.company, { id: r.chance(0.5) ? f.companyId : aString(), jobsLimit: anInt(), jobsNextToken: aString() }],
      [JOB_BOARD.job, { id: r.chance(0.3) ? f.jobId : aString() }],
      [JOB_BOARD.jobsByCompany, { companyId: r.chance(0.5) ? f.companyId : aString(), limit: anInt(), nextToken: aString() }],
    ]);
    const operationName = r.pick([undefined, /^query (\w+)/.exec(query)![1], 'Nope']);
    return httpApiEvent({ method: 'POST', body: json({ query, variables, operationName }), headers: { 'content-type': 'application/json', 'x-api-key': f.apiKey } });
  },
  'unknown operation': (r, f) => {
    const { query, variables } = anOperation(r, f);
    return postJson(
      r,
      f,
      r.pick([
        { query, variables, operationName: 'Nope' },
        { query: `query A { __typename } query B { __typename }` },
        { query: `query A { __typename } query B { __typename }`, operationName: 'C' },
        { query: 'subscription { onJob { id } }' },
        { query: '{ nope }' },
        { query: '{ company(id: "x") { nope } }' },
        { query: 'query ($x: Nope) { __typename }' },
        { query: '{ __schema { queryType { name } types { name fields { name args { name } } } } }' },
        { query: '{ __type(name: "Query") { name } }' },
        { query: 'mutation { deleteEverything }' },
        { query: '' },
        { query: ' ' },
        { query: `{ company(id: "x") @nope { id } }` },
      ]),
    );
  },
};

export const FUZZ_KINDS = Object.keys(generators);

/** The `index`-th request of a run: its kind, then its event. */
export function fuzzRequest(r: Random, fixtures: FuzzFixtures): FuzzRequest {
  const kind = r.pick(FUZZ_KINDS);
  return { kind, event: generators[kind]!(r, fixtures) };
}
