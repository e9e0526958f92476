import { randomUUID } from 'node:crypto';
import { util, type Context } from '@aws-appsync/utils';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { execute, parse } from 'graphql';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GetItemLoaders, createRequestContext, buildExecutableSchema } from '@appsync-lambda/engine/testing';
import { type RequestContext, unit } from '@appsync-lambda/engine';
import { createHarness, type DataSourceHarness } from './data-source';

// A test-only schema: a list of jobs, each resolving its company with a plain GetItem resolver.
const SDL = /* GraphQL */ `
  type Company { id: ID! name: String }
  type Job { id: ID! companyId: String! company: Company }
  type Query { jobsByTag(tag: String!): [Job!]! }
`;
const schema = buildExecutableSchema(SDL, {
  'Query.jobsByTag': unit({
    request: (ctx: Context) => ({ operation: 'Query', query: { expression: 'PK = :pk', expressionValues: { ':pk': { S: `TAG#${ctx.args.tag}` } } } }),
    response: (ctx: Context) => ctx.result.items,
  }),
  'Job.company': unit({
    request: (ctx: Context) => ({ operation: 'GetItem', key: { PK: { S: ctx.source.companyId }, SK: { S: 'META' } } }),
    response: (ctx: Context) => {
      if (ctx.error) util.error(ctx.error.message, ctx.error.type);
      return ctx.result;
    },
  }),
});

let h: DataSourceHarness;
beforeAll(async () => {
  h = await createHarness();
});
beforeEach(() => {
  h.intercept(undefined);
  h.calls.length = 0;
  h.commands.length = 0;
});

function requestContext(): RequestContext {
  return createRequestContext({
    runtime: { client: h.client, tables: { main: h.db.tableName }, tokenSecret: 'test-secret', env: {} },
    requestId: 'test',
    request: { headers: {}, sourceIp: [], domainName: null, apiRequestId: null, method: 'POST', path: '/graphql' },
    authorization: { mode: 'API_KEY', identity: null, groups: null, deniedFields: null },
  });
}

const JOBS = parse('query ($tag: String!) { jobsByTag(tag: $tag) { id company { id name } } }');
const runJobs = (tag: string) => execute({ schema, document: JOBS, variableValues: { tag }, contextValue: requestContext() });

/** Stores `jobs` jobs under one tag, spread over `companies` companies (the last company missing). */
async function seedJobs(jobs: number, companies: number): Promise<string> {
  const tag = randomUUID();
  const companyId = (i: number) => `COMPANY#${tag}#${i % companies}`;
  const items = [
    ...Array.from({ length: jobs }, (_, i) => ({ PK: `TAG#${tag}`, SK: `JOB#${String(i).padStart(3, '0')}`, id: `job-${i}`, companyId: companyId(i) })),
    ...Array.from({ length: companies - 1 }, (_, i) => ({ PK: companyId(i), SK: 'META', id: companyId(i), name: `Company ${i}` })),
  ];
  for (let i = 0; i < items.length; i += 25) {
    await h.db.doc.send(new BatchWriteCommand({ RequestItems: { [h.db.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
  return tag;
}

type JobsData = { jobsByTag: Array<{ id: string; company: { id: string; name: string } | null }> };

describe('GetItem coalescing', () => {
  it('DDB-10 resolves a nested GetItem per list item with a number of calls that does not grow with the list (no N+1)', async () => {
    const small = await seedJobs(3, 4);
    const large = await seedJobs(30, 11);

    const smallResult = await runJobs(small);
    const smallCalls = h.calls.splice(0);
    h.commands.length = 0;
    const largeResult = await runJobs(large);
    const largeCalls = [...h.calls];

    expect(smallResult.errors).toBeUndefined();
    expect(largeResult.errors).toBeUndefined();
    expect(largeCalls.length).toBe(smallCalls.length);
    expect(largeCalls).toEqual(['QueryCommand', 'BatchGetCommand']);
    const jobs = (largeResult.data as JobsData).jobsByTag;
    expect(jobs).toHaveLength(30);
    expect(jobs[0]!.company).toEqual({ id: `COMPANY#${large}#0`, name: 'Company 0' });
    expect(jobs[12]!.company).toEqual({ id: `COMPANY#${large}#1`, name: 'Company 1' });
    expect(jobs[10]!.company).toBeNull(); // company 10 was never stored
    // 30 jobs share 11 companies: each company key is requested once.
    expect(h.commands[1]?.input.RequestItems[h.db.tableName].Keys).toHaveLength(11);
  });

  it('DDB-10 gives each resolver of a failed coalesced batch the GetItem error shape', async () => {
    const tag = await seedJobs(4, 3);
    h.intercept((command) => {
      if (command.constructor.name !== 'BatchGetCommand') return undefined;
      throw Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400, requestId: 'R4' } });
    });
    const { data, errors } = await runJobs(tag);
    expect((data as JobsData).jobsByTag.map((job) => job.company)).toEqual([null, null, null, null]);
    expect(errors).toHaveLength(4);
    expect(errors![0]).toMatchObject({
      message: 'Rate exceeded (Service: DynamoDb, Status Code: 400)',
      path: ['jobsByTag', 0, 'company'],
      extensions: { errorType: 'DynamoDB:ProvisionedThroughputExceededException' },
    });
  });

  it('DDB-10 confines a malformed key to its own resolver: the batch is retried one GetItem at a time', async () => {
    const tag = await seedJobs(3, 2);
    await h.db.doc.send(new BatchWriteCommand({ RequestItems: { [h.db.tableName]: [{ PutRequest: { Item: { PK: `TAG#${tag}`, SK: 'JOB#999', id: 'bad', companyId: '' } } }] } }));
    const { data, errors } = await runJobs(tag);
    const jobs = (data as JobsData).jobsByTag;
    expect(jobs.map((job) => job.company?.name ?? null)).toEqual(['Company 0', null, 'Company 0', null]);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ path: ['jobsByTag', 3, 'company'], extensions: { errorType: 'DynamoDB:DynamoDbException' } });
  });

  it('DDB-33 retries keys a coalesced batch leaves unprocessed, then reads the rest one by one', async () => {
    const tag = await seedJobs(3, 4);
    h.intercept((command) => {
      // DynamoDB never processes the batch: every key stays unprocessed.
      if (command.constructor.name === 'BatchGetCommand') return { Responses: {}, UnprocessedKeys: command.input.RequestItems };
      return undefined;
    });
    const { data, errors } = await runJobs(tag);
    expect(errors).toBeUndefined();
    expect((data as JobsData).jobsByTag.map((job) => job.company?.name)).toEqual(['Company 0', 'Company 1', 'Company 2']);
    expect(h.calls.filter((name) => name === 'GetCommand')).toHaveLength(3);
  });
});

describe('GetItem loaders', () => {
  const key = (pk: string) => ({ PK: { S: pk }, SK: { S: 'META' } });

  it('DDB-10 batches only GetItems with the same consistentRead and projection', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await h.run({ operation: 'BatchPutItem', tables: { main: [a, b].map((pk) => ({ ...key(pk), name: { S: pk } })) } });
    h.calls.length = 0;
    h.commands.length = 0;
    const getItems = new GetItemLoaders(h.client);
    const results = await Promise.all([
      h.run({ operation: 'GetItem', key: key(a) }, { getItems }),
      h.run({ operation: 'GetItem', key: key(b) }, { getItems }),
      h.run({ operation: 'GetItem', key: key(a), consistentRead: true }, { getItems }),
      h.run({ operation: 'GetItem', key: key(b), consistentRead: true }, { getItems }),
      h.run({ operation: 'GetItem', key: key(b), projection: { expression: '#n', expressionNames: { '#n': 'name' } } }, { getItems }),
    ]);
    expect(results.map(({ result }) => result)).toEqual([
      { PK: a, SK: 'META', name: a },
      { PK: b, SK: 'META', name: b },
      { PK: a, SK: 'META', name: a },
      { PK: b, SK: 'META', name: b },
      { name: b },
    ]);
    expect(h.calls.sort()).toEqual(['BatchGetCommand', 'BatchGetCommand', 'GetCommand']);
    const consistency = h.commands.filter((c) => c.constructor.name === 'BatchGetCommand').map((c) => c.input.RequestItems[h.db.tableName].ConsistentRead);
    expect(consistency.sort()).toEqual([false, true]);
  });

  it('DDB-10 never serves a later GetItem of the same request from an earlier read', async () => {
    const a = randomUUID();
    const getItems = new GetItemLoaders(h.client);
    await h.run({ operation: 'PutItem', key: key(a), attributeValues: { v: { N: 1 } } });
    expect((await h.run({ operation: 'GetItem', key: key(a) }, { getItems })).result.v).toBe(1);
    await h.run({ operation: 'PutItem', key: key(a), attributeValues: { v: { N: 2 } } });
    expect((await h.run({ operation: 'GetItem', key: key(a) }, { getItems })).result.v).toBe(2);
  });
});
