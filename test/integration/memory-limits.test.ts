import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobKey } from '../../src/data/keys';
import { MAX_RESPONSE_BYTES, NONE, unit, DEFAULT_MAX_QUERY_BYTES, DEFAULT_MAX_REQUEST_BYTES } from '@appsync-lambda/engine';
import { createLambdaHandler } from '../helpers/handler';
import { graphqlEvent, httpApiEvent } from '@appsync-lambda/test-support';
import { createHiringApi, storedItems, type HiringApi } from '../helpers/hiring';

const parse = (body: unknown) => JSON.parse(String(body));

const sent = new WeakMap<HiringApi, string[]>();
/** Records the name of every DynamoDB command the handler sends (GetItemCommand, QueryCommand, ...). */
function countCommands(h: HiringApi): void {
  const names: string[] = [];
  sent.set(h, names);
  h.api.db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      names.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
}
const commandsOf = (h: HiringApi) => sent.get(h)!;

/** A company query padded with a comment to `bytes` of document text. */
const padded = (bytes: number, filler = 'p') => {
  const query = '{ company(id: "none") { id } }\n#';
  return `${query}${filler.repeat(Math.ceil((bytes - query.length) / Buffer.byteLength(filler)))}`;
};

describe('request size limits', () => {
  let h: HiringApi;
  beforeAll(async () => {
    // The response budget is what these tests measure: 20 aliases of Job.applications (three steps
    // each) are over the signed-in query budget's DynamoDB calls, which is off here.
    h = await createHiringApi({ queryBudgets: undefined });
  });

  it('answers a POST body over MAX_REQUEST_BYTES with 413 RequestTooLarge before parsing it, and writes nothing', async () => {
    const body = JSON.stringify({
      query: 'mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id } }',
      variables: { input: { name: 'x'.repeat(DEFAULT_MAX_REQUEST_BYTES) } },
    });
    const result = await h.api.invoke(httpApiEvent({ body, headers: { 'content-type': 'application/json', ...h.admin.headers } }));
    expect(result.statusCode).toBe(413);
    expect(parse(result.body).errors).toEqual([
      expect.objectContaining({
        errorType: 'RequestTooLarge',
        errorInfo: { limit: 'requestBytes', maximum: DEFAULT_MAX_REQUEST_BYTES, actual: Buffer.byteLength(body) },
        extensions: expect.objectContaining({ errorType: 'RequestTooLarge', code: 'REQUEST_TOO_LARGE' }),
      }),
    ]);
    expect(await storedItems(h.api)).toEqual([]);

    // Not even parsed: an oversized body that is not JSON gets the same answer, not a JSON error.
    const garbage = await h.api.invoke(httpApiEvent({ body: `{${'x'.repeat(DEFAULT_MAX_REQUEST_BYTES)}`, headers: { 'content-type': 'application/json', ...h.admin.headers } }));
    expect([garbage.statusCode, parse(garbage.body).errors[0].errorType]).toEqual([413, 'RequestTooLarge']);
  });

  it('measures a base64 body decoded', async () => {
    const json = JSON.stringify({ query: padded(DEFAULT_MAX_REQUEST_BYTES + 10) });
    const event = { ...httpApiEvent({ headers: { 'content-type': 'application/json', ...h.recruiter.headers } }), body: Buffer.from(json).toString('base64'), isBase64Encoded: true };
    const result = await h.api.invoke(event);
    expect(result.statusCode).toBe(413);
    expect(parse(result.body).errors[0].errorInfo).toEqual({ limit: 'requestBytes', maximum: DEFAULT_MAX_REQUEST_BYTES, actual: Buffer.byteLength(json) });
  });

  it('answers a POSTed document over MAX_QUERY_BYTES with 413, counting UTF-8 bytes; one just under runs', async () => {
    const over = padded(DEFAULT_MAX_QUERY_BYTES + 1);
    const refused = await h.api.graphql(over, undefined, h.recruiter);
    expect(refused.status).toBe(413);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ errorType: 'RequestTooLarge', errorInfo: { limit: 'queryBytes', maximum: DEFAULT_MAX_QUERY_BYTES, actual: Buffer.byteLength(over) } }),
    ]);

    // 3 bytes per character: fewer characters than the limit, more bytes.
    const wide = padded(DEFAULT_MAX_QUERY_BYTES + 3, '€');
    expect(wide.length).toBeLessThan(DEFAULT_MAX_QUERY_BYTES);
    expect((await h.api.graphql(wide, undefined, h.recruiter)).body.errors![0]!.errorInfo.actual).toBe(Buffer.byteLength(wide));

    const under = padded(DEFAULT_MAX_QUERY_BYTES - 100);
    expect(await h.api.graphql(under, undefined, h.recruiter)).toMatchObject({ status: 200, body: { data: { company: null } } });
  });

  it('answers a GET whose document or query string is over its limit with 413', async () => {
    const get = (query: Record<string, string>) => h.api.invoke(httpApiEvent({ method: 'GET', query, headers: { accept: 'application/json', ...h.recruiter.headers } }));
    const over = padded(DEFAULT_MAX_QUERY_BYTES + 1);
    const refused = await get({ query: over });
    expect(refused.statusCode).toBe(413);
    expect(parse(refused.body).errors[0]).toMatchObject({ errorType: 'RequestTooLarge', errorInfo: { limit: 'queryBytes', actual: Buffer.byteLength(over) } });

    const variables = await get({ query: '{ __typename }', variables: JSON.stringify({ pad: 'v'.repeat(DEFAULT_MAX_REQUEST_BYTES) }) });
    expect(variables.statusCode).toBe(413);
    expect(parse(variables.body).errors[0]).toMatchObject({ errorType: 'RequestTooLarge', errorInfo: { limit: 'requestBytes', maximum: DEFAULT_MAX_REQUEST_BYTES } });

    const under = await get({ query: padded(DEFAULT_MAX_QUERY_BYTES - 100) });
    expect([under.statusCode, parse(under.body).data]).toEqual([200, { company: null }]);
  });

  it('reads its limits from the handler options', async () => {
    const small = await createHiringApi({ limits: { maxQueryBytes: 2048, maxRequestBytes: 4096 } });
    const refused = await small.api.graphql(padded(3000), undefined, small.recruiter);
    expect(refused.body.errors![0]).toMatchObject({ errorType: 'RequestTooLarge', errorInfo: { limit: 'queryBytes', maximum: 2048 } });
  });
});

describe('response budget counted while resolving (LIM-10)', () => {
  /** The description of the example: aliases of a 350 KB field. */
  const DESCRIPTION_BYTES = 350_000;
  let h: HiringApi;
  let jobId: string;

  beforeAll(async () => {
    // The response budget is what these tests measure: 20 aliases of Job.applications (three steps
    // each) are over the signed-in query budget's DynamoDB calls, which is off here.
    h = await createHiringApi({ queryBudgets: undefined });
    const company = await h.aCompany();
    jobId = (await h.aJob(company.id)).id;
    // Stored directly: the API's own input limits would refuse a description this long.
    await h.api.db.doc.send(
      new UpdateCommand({ TableName: h.api.db.tableName, Key: jobKey(jobId), UpdateExpression: 'SET description = :d', ExpressionAttributeValues: { ':d': 'd'.repeat(DESCRIPTION_BYTES) } }),
    );
    countCommands(h);
  });

  it('stops resolving once the budget is passed: later fields run no resolver and the response is one ResponseTooLarge error', async () => {
    const aliases = 20;
    const fit = Math.floor(MAX_RESPONSE_BYTES / DESCRIPTION_BYTES);
    expect(fit).toBeLessThan(aliases);
    // Each alias: the job (one GetItem for all, coalesced), its default-resolved description, then
    // Job.applications, a DynamoDB Query run only while the budget holds.
    const query = `query ($id: ID!) { ${Array.from({ length: aliases }, (_, i) => `a${i}: job(id: $id) { description applications(limit: 1) { items { id } } }`).join(' ')} }`;
    const commands = commandsOf(h);
    commands.length = 0;
    const result = await h.api.graphql(query, { id: jobId }, h.recruiter);

    expect(result.status).toBe(200);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        errorType: 'ResponseTooLarge',
        errorInfo: expect.objectContaining({ limit: 'responseBytes', maximum: MAX_RESPONSE_BYTES }),
        extensions: expect.objectContaining({ errorType: 'ResponseTooLarge', code: 'RESPONSE_TOO_LARGE' }),
      }),
    ]);
    expect(result.body.errors![0]!.errorInfo.actual).toBeGreaterThan(MAX_RESPONSE_BYTES);
    // Only the aliases whose description fit the budget went on to query their applications.
    expect(commands.filter((name) => name === 'QueryCommand')).toHaveLength(fit);
    // The job, and the recruiter's membership of its company for job and for applications (tenancy), each read once for every alias.
    expect(commands.filter((name) => name !== 'QueryCommand')).toEqual(['GetItemCommand', 'GetItemCommand', 'GetItemCommand']);
  });

  it('counts each request on its own: the next request, within budget, is answered in full', async () => {
    const result = await h.api.graphql('query ($id: ID!) { a: job(id: $id) { description } b: job(id: $id) { description } }', { id: jobId }, h.recruiter);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.a.description).toHaveLength(DESCRIPTION_BYTES);
  });

  it('counts the items of a list, with a smaller budget (MAX_RESPONSE_BYTES)', async () => {
    const queries = () => commandsOf(small).filter((name) => name === 'QueryCommand').length;
    const small = await createHiringApi({ limits: { maxResponseBytes: 100_000 } });
    countCommands(small);
    const company = await small.aCompany();
    const jobs = [];
    for (let i = 0; i < 6; i += 1) jobs.push(await small.aJob(company.id));
    for (const job of jobs) {
      await small.api.db.doc.send(
        new UpdateCommand({ TableName: small.api.db.tableName, Key: jobKey(job.id), UpdateExpression: 'SET description = :d', ExpressionAttributeValues: { ':d': 'l'.repeat(30_000) } }),
      );
    }
    const list = 'query ($c: ID!) { jobsByCompany(companyId: $c, limit: 10) { items { id description applications(limit: 1) { items { id } } } } }';
    const before = queries();
    const large = await small.api.graphql(list, { c: company.id }, small.recruiter);
    expect(large.body.errors).toEqual([expect.objectContaining({ errorType: 'ResponseTooLarge' })]);
    expect(large.body.data).toBeUndefined();
    // The page (one Query). Job.applications first reads the recruiter's membership (tenancy), and by
    // then the page's descriptions have passed the budget: no application Query runs.
    expect(queries() - before).toBe(1);

    // Three descriptions fit.
    const fewer = await small.api.graphql('query ($c: ID!) { jobsByCompany(companyId: $c, limit: 3) { items { id description } } }', { c: company.id }, small.recruiter);
    expect(fewer.body.errors).toBeUndefined();
    expect(fewer.body.data!.jobsByCompany.items).toHaveLength(3);
  });

  it('counts list items and their __typename: a list over the budget is refused before any of its items resolves', async () => {
    // Query.items: n objects from the NONE data source (no I/O); Item.child counts its executions.
    let children = 0;
    const items = { request: (ctx: { args: { n: number } }) => ({ payload: Array.from({ length: ctx.args.n }, () => ({})) }), response: (ctx: { result: unknown }) => ctx.result };
    const child = {
      request: () => {
        children += 1;
        return { payload: 'c' };
      },
      response: (ctx: { result: unknown }) => ctx.result,
    };
    const handler = createLambdaHandler({
      logger: new Logger({ serviceName: 'budget-test', logLevel: 'SILENT' }),
      runtime: { client: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' })), tables: { main: 'unused' }, tokenSecret: 's', env: {} },
      schema: {
        sdl: 'type Item { child: String } type Query { items(n: Int!): [Item!]! }',
        resolvers: { 'Query.items': unit(items as never, NONE), 'Item.child': unit(child as never, NONE) },
      },
      maxResponseBytes: 20_000,
    });
    const run = async (n: number) => {
      children = 0;
      const typenames = Array.from({ length: 50 }, (_, i) => `t${i}: __typename`).join(' ');
      const result = (await handler(graphqlEvent(`{ items(n: ${n}) { child ${typenames} } }`), { awsRequestId: 't' } as Context, () => undefined)) as APIGatewayProxyStructuredResultV2;
      return JSON.parse(String(result.body));
    };
    expect((await run(5)).data.items).toHaveLength(5);
    expect(children).toBe(5);

    // 5,000 objects of 50 __typename each would serialise to about 5 MB.
    const large = await run(5_000);
    expect(large.errors).toEqual([expect.objectContaining({ errorType: 'ResponseTooLarge', errorInfo: expect.objectContaining({ maximum: 20_000 }) })]);
    expect(large.errors[0].errorInfo.actual).toBeGreaterThan(20_000);
    expect(children).toBe(0);
  });
});
