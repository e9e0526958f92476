/**
 * Fuzz: 10,000 malformed and hostile requests (bad JSON, wrong types, deep nesting, alias floods,
 * huge strings, bad nextTokens, wrong methods and content types, bad base64, random unicode,
 * invalid variables, unknown operations, the job board's own operations with odd variables) sent
 * as API Gateway events to two containers of the production bundle. None may crash them, hang,
 * answer 5xx, leave an error without errorType, be masked as InternalFailure (each is the client's
 * fault), or leak internals; their heap after a forced GC stays within a generous bound.
 *
 * FUZZ_SEED replays a run (the seed is printed); FUZZ_REQUESTS changes the count, FUZZ_IN_FLIGHT
 * the requests in flight (8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/dynamodb';
import { graphqlEvent, cognitoIdToken, createSigningKey } from '@appsync-lambda/test-support';
import { TEST_API_KEY } from '../helpers/jwt';
import { fuzzRequest, prng, type FuzzFixtures } from './lib/fuzz-requests';
import { buildHandlerBundle, containerEnvironment, startHandlerProcess, type HandlerBundle, type HandlerProcess, type ProcessStats } from './lib/handler-processes';
import { Findings, graphqlBody, HUNG, mib, outcomeOf, problemsWith, Tally, watched } from './lib/outcomes';
import { checkTable, scanTable } from './lib/table-state';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const REQUESTS = Number(process.env.FUZZ_REQUESTS || 10_000);
const IN_FLIGHT = Number(process.env.FUZZ_IN_FLIGHT || 8);
/** Heap growth after a forced GC, from after the warm-up to the end, that counts as a leak. */
const HEAP_GROWTH_BOUND = 96 * 1024 * 1024;

const key = createSigningKey();
const admin = { authorization: cognitoIdToken(key, { 'cognito:groups': ['admins', 'recruiters'] }) };
let db: TestDatabase;
let bundle: HandlerBundle;
/** Two containers, so the fuzz uses both cores of a CI machine; requests alternate between them. */
let containers: HandlerProcess[] = [];
let fixtures: FuzzFixtures;

async function setUp(query: string, variables: Record<string, unknown>): Promise<any> {
  const result = await containers[0]!.invoke(graphqlEvent(query, variables, { headers: admin }));
  const body = JSON.parse(String(result.body));
  expect(body.errors).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  [db, bundle] = await Promise.all([createTestDatabase('hiring-reliability-fuzz'), buildHandlerBundle()]);
  const env = containerEnvironment(db, key);
  containers = await Promise.all([0, 1].map(() => startHandlerProcess({ bundle, env, nodeArgs: ['--expose-gc'] })));
  const { createCompany } = await setUp('mutation ($i: CreateCompanyInput!) { createCompany(input: $i) { id } }', { i: { name: 'Fuzz Co' } });
  const jobs = [];
  for (const title of ['One', 'Two']) {
    jobs.push((await setUp('mutation ($i: CreateJobInput!) { createJob(input: $i) { id } }', { i: { companyId: createCompany.id, title, status: 'OPEN' } })).createJob);
  }
  const { createCandidate } = await setUp('mutation ($i: CreateCandidateInput!) { createCandidate(input: $i) { id } }', { i: { name: 'Fuzz', email: 'fuzz@example.com' } });
  const { applyToJob } = await setUp('mutation ($j: ID!, $c: ID!) { applyToJob(jobId: $j, candidateId: $c) { id } }', { j: jobs[0].id, c: createCandidate.id });
  const { jobsByCompany } = await setUp('query ($c: ID!) { jobsByCompany(companyId: $c, limit: 1) { nextToken } }', { c: createCompany.id });
  fixtures = {
    companyId: createCompany.id,
    jobId: jobs[0].id,
    candidateId: createCandidate.id,
    applicationId: applyToJob.id,
    jobsToken: jobsByCompany.nextToken,
    apiKey: TEST_API_KEY,
    credentials: [{ 'x-api-key': TEST_API_KEY }, { 'x-api-key': TEST_API_KEY }, admin, { authorization: cognitoIdToken(key, { 'cognito:groups': ['recruiters'] }) }, {}, { authorization: 'Bearer not.a.jwt' }],
  };
}, 120_000);

afterAll(async () => {
  await Promise.all(containers.map((container) => container.close()));
  bundle?.remove();
});

describe('fuzz against the production bundle', () => {
  it(`answers ${REQUESTS} malformed requests with 4xx or 2xx GraphQL errors that carry an errorType, never crashing, hanging or leaking`, async () => {
    const random = prng(SEED);
    const outcomes = new Tally();
    const byKind = new Tally();
    const msByKind = new Tally();
    const findings = new Findings();
    let hangs = 0;
    let sent = 0;
    let warm: ProcessStats[] | undefined;
    const crashed = () => containers.some((container) => container.exit());
    const started = performance.now();

    async function worker() {
      while (sent < REQUESTS && !crashed()) {
        const index = sent++;
        const container = containers[index % containers.length]!;
        const { kind, event } = fuzzRequest(random, fixtures);
        const sentAt = performance.now();
        const answer = await watched(async () => {
          try {
            const result = await container.invoke(event);
            const text = result.body === undefined ? '' : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8').toString('utf8');
            return { status: result.statusCode ?? 200, text, body: graphqlBody(text) };
          } catch (error) {
            return { status: 0, text: String(error) };
          }
        });
        msByKind.add(kind, Math.round(performance.now() - sentAt));
        if (answer === HUNG) {
          hangs += 1;
          byKind.add(`${kind}: hung`);
          continue;
        }
        const outcome = outcomeOf(answer);
        outcomes.add(outcome);
        byKind.add(`${kind}: ${outcome}`);
        // A preflight is answered 204 with no body, as it should be.
        const preflight = answer.status === 204 && event.requestContext.http.method === 'OPTIONS' && answer.text === '';
        const problems = preflight ? [] : problemsWith(answer, { clientFault: true });
        if (answer.status === 0) problems.push('no answer: the handler failed or the process died');
        for (const problem of problems) findings.add(`${kind}: ${problem}`, `request #${index}: ${(event.body ?? JSON.stringify(event.queryStringParameters ?? {})).slice(0, 200)} → ${answer.status} ${answer.text}`);
        if (index === 500) warm = await Promise.all(containers.map((c) => c.stats()));
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const seconds = (performance.now() - started) / 1000;
    const end = await Promise.all(containers.map((container) => container.stats()));
    const growth = warm ? Math.max(...end.map((stats, i) => stats.heapUsedBytes - warm![i]!.heapUsedBytes)) : 0;
    const gcForced = end.every((stats) => stats.gcForced);
    const { partialWrites } = checkTable(await scanTable(db.doc, db.tableName));
    console.log(
      [
        `fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${sent} requests in ${seconds.toFixed(1)} s, ${hangs} hung, ${containers.length} containers, crashed: ${crashed() ? JSON.stringify(containers.map((c) => c.exit())) : 'none'}`,
        '  outcomes (HTTP status, errorTypes):',
        outcomes.toString(),
        '  by kind:',
        byKind.toString(),
        '  milliseconds spent by kind (summed over requests in flight):',
        msByKind.toString(),
        `  peak RSS per container: ${end.map((stats) => mib(stats.maxRssBytes)).join(', ')}`,
        `  heap per container${gcForced ? ' after a forced GC' : ''}: ${end.map((stats, i) => `${warm ? mib(warm[i]!.heapUsedBytes) : '?'} after request 500 → ${mib(stats.heapUsedBytes)} at the end`).join('; ')}`,
        `  partial writes: ${partialWrites.length}`,
        `  problems: ${findings.count}`,
        findings.toString(),
      ].join('\n'),
    );
    expect(containers.map((container) => container.exit())).toEqual([undefined, undefined]);
    expect(sent).toBe(REQUESTS);
    expect(hangs).toBe(0);
    expect(findings.toString()).toBe('');
    expect(partialWrites).toEqual([]);
    if (gcForced) expect(growth).toBeLessThan(HEAP_GROWTH_BOUND);
  }, 300_000);
});
