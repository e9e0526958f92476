// npm run build:appsync: every routed resolver and pipeline function bundled as AppSync deploys JS
// code (LIM-06 code size, imports limited to @aws-appsync/*), and the bundles, run against our
// @aws-appsync/utils implementation, behave exactly like the source modules.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppSyncExportError, buildAppSyncBundles, exportAppSyncCode, type AppSyncManifest } from '../../scripts/build-appsync';
import { checkBundle, MAX_CODE_CHARACTERS } from '../../scripts/lib/appsync-checks';
import { planAppSyncExport } from '../../scripts/lib/appsync-manifest';
import * as putJob from '../../src/functions/putJob';
import * as requireCompany from '../../src/functions/requireCompany';
import { resolvers } from '../../src/resolvers/index';
import { httpDataSource } from '@appsync-lambda/engine';
import * as MutationCreateJob from '../../src/resolvers/Mutation.createJob/index';
import * as changeStage from '../../src/functions/changeStage';
import * as MutationMoveApplication from '../../src/resolvers/Mutation.moveApplication/index';
import * as QueryCompany from '../../src/resolvers/Query.company';
import * as findRecruiterMembership from '../../src/functions/findRecruiterMembership';
import * as assertRecruiterOfCompany from '../../src/functions/assertRecruiterOfCompany';
import { thrownBy } from '@appsync-lambda/test-support';

/** A request/response module, as loaded from a bundle or a source file. */
interface CodeModule {
  request(ctx: unknown): unknown;
  response(ctx: unknown): unknown;
}

const FIXTURES = 'test/fixtures/appsync-export';
const NOW = new Date('2026-03-01T09:30:00.000Z');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

let outDir: string;
let manifest: AppSyncManifest;

/** A fresh resolver context (each module gets its own: request() writes to the stash). */
function aContext(overrides: Record<string, unknown> = {}) {
  const args = (overrides.args ?? {}) as Record<string, unknown>;
  return {
    arguments: args,
    stash: {},
    prev: { result: undefined },
    source: null,
    identity: null,
    request: { headers: {}, domainName: null },
    info: { fieldName: 'field', parentTypeName: 'Query', variables: {}, selectionSetList: [], selectionSetGraphQL: '' },
    result: undefined,
    error: undefined,
    ...overrides,
    args,
  };
}

/** Loads a bundle as ESM; vitest resolves its `@aws-appsync/*` imports to the engine's appsync-utils. */
async function loadBundle(file: string): Promise<CodeModule> {
  return (await import(/* @vite-ignore */ pathToFileURL(join(outDir, file)).href)) as CodeModule;
}

const asModule = (module: object) => module as unknown as CodeModule;
const withoutIds = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replace(UUID, '<id>'));

async function problemsOf(source: string): Promise<readonly string[]> {
  const error = await exportAppSyncCode([{ source, file: 'fixture.js' }], join(outDir, 'fixtures')).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppSyncExportError);
  return (error as AppSyncExportError).problems;
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'appsync-export-'));
  manifest = await buildAppSyncBundles(outDir);
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('buildAppSyncBundles', () => {
  it('lists every routed coordinate with its kind, data source and code, and writes manifest.json', async () => {
    expect(Object.keys(manifest.resolvers).sort()).toEqual(Object.keys(resolvers).sort());
    for (const [coordinate, definition] of Object.entries(resolvers)) {
      const entry = manifest.resolvers[coordinate]!;
      expect(entry.kind, coordinate).toBe(definition.kind);
      expect(`${entry.typeName}.${entry.fieldName}`).toBe(coordinate);
      if (entry.kind === 'LAMBDA') expect(entry.needs).toMatch(/AWS_LAMBDA data source/);
      else expect(entry.code).toBe(`${coordinate}.js`);
      // The API's unit resolvers use the table, its subscription resolvers the NONE data source.
      if (entry.kind === 'UNIT' && definition.kind === 'UNIT') expect(manifest.dataSources[entry.dataSource]?.type, coordinate).toBe(definition.dataSource.kind === 'NONE' ? 'NONE' : 'AMAZON_DYNAMODB');
      if (entry.kind === 'PIPELINE' && definition.kind === 'PIPELINE') expect(entry.functions).toEqual(definition.functions.map((step) => step.name));
    }
    expect(manifest.resolvers['Mutation.createJob']).toMatchObject({ kind: 'PIPELINE', functions: ['requireCompany', 'findRecruiterMembership', 'assertRecruiterOfCompany', 'putJob'] });
    expect(manifest.functions.putJob).toEqual({ kind: 'JS', source: 'src/functions/putJob.ts', dataSource: 'main', code: 'functions/putJob.js' });
    expect(JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'))).toEqual(manifest);
  });

  it('writes a bundle for every resolver and pipeline function the manifest names, and nothing else', async () => {
    const named = [...Object.values(manifest.resolvers), ...Object.values(manifest.functions)].flatMap((entry) => ('code' in entry ? [entry.code] : []));
    const written = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.js'));
    expect(written.sort()).toEqual(named.sort());
    expect(named).toContain('functions/requireCompany.js');
  });

  it('LIM-06: keeps every bundle within AppSync’s 32,768 characters', async () => {
    for (const file of (await readdir(outDir, { recursive: true })).filter((name) => name.endsWith('.js'))) {
      const code = await readFile(join(outDir, file), 'utf8');
      expect(code.length, file).toBeGreaterThan(0);
      expect(code.length, file).toBeLessThanOrEqual(MAX_CODE_CHARACTERS);
    }
  });

  it('bundles import nothing but @aws-appsync/utils and @aws-appsync/utils/dynamodb, as ESM', async () => {
    for (const file of (await readdir(outDir, { recursive: true })).filter((name) => name.endsWith('.js'))) {
      const code = (await readFile(join(outDir, file), 'utf8')).replace(/\/\/# sourceMappingURL=.*$/m, '');
      const imported = [...code.matchAll(/\bfrom\s*"([^"]+)"|\bimport\s*\(?\s*"([^"]+)"/g)].map((match) => match[1] ?? match[2]);
      for (const path of imported) expect(['@aws-appsync/utils', '@aws-appsync/utils/dynamodb'], `${file} imports ${path}`).toContain(path);
      expect(code, file).not.toMatch(/\brequire\(/);
      expect(code, file).toMatch(/^export \{/m);
    }
  });

  it('bundles a pipeline’s before/after module as written: request and response, its functions named only in the manifest', async () => {
    const code = await readFile(join(outDir, 'Mutation.createJob.js'), 'utf8');
    expect(code).not.toContain('src/functions/');
    expect(code).not.toContain('functions');
    expect(Object.keys(await loadBundle('Mutation.createJob.js')).sort()).toEqual(['request', 'response']);
    expect(manifest.resolvers['Mutation.applyToJob']).toMatchObject({ kind: 'PIPELINE', functions: ['requireOpenJob', 'loadMyCompanies', 'loadMyCompaniesByEmail', 'requireMyCompany', 'loadVisibleCandidate', 'putApplication'] });
  });
});

describe('planAppSyncExport', () => {
  it('lists Direct Lambda resolvers and steps as needing a Lambda data source, with no code to bundle', () => {
    const { manifest: planned, entries } = planAppSyncExport([
      { coordinate: 'Query.report', kind: 'LAMBDA', source: 'src/resolvers/Query.report.ts', functions: [] },
      { coordinate: 'Job.score', kind: 'LAMBDA', source: 'src/resolvers/Job.score.ts', maxBatchSize: 100, functions: [] },
      {
        coordinate: 'Mutation.score',
        kind: 'PIPELINE',
        source: 'src/resolvers/Mutation.score/index.ts',
        functions: [
          { name: 'scoreCandidate', kind: 'LAMBDA', source: 'src/functions/scoreCandidate.ts' },
          { name: 'echo', kind: 'JS', source: 'src/functions/echo.ts', dataSource: { kind: 'NONE' } },
        ],
      },
    ]);
    expect(planned.resolvers['Query.report']).toEqual({
      typeName: 'Query',
      fieldName: 'report',
      source: 'src/resolvers/Query.report.ts',
      kind: 'LAMBDA',
      needs: expect.stringContaining('AWS_LAMBDA data source'),
    });
    expect(planned.resolvers['Job.score']).toMatchObject({ kind: 'LAMBDA', maxBatchSize: 100 });
    expect(planned.functions.scoreCandidate).toMatchObject({ kind: 'LAMBDA', needs: expect.stringContaining('AWS_LAMBDA data source') });
    expect(planned.functions.echo).toEqual({ kind: 'JS', source: 'src/functions/echo.ts', dataSource: 'NONE', code: 'functions/echo.js' });
    expect(planned.dataSources).toEqual({ NONE: { type: 'NONE', description: expect.any(String) } });
    expect(entries).toEqual([
      { source: 'src/resolvers/Mutation.score/index.ts', file: 'Mutation.score.js' },
      { source: 'src/functions/echo.ts', file: 'functions/echo.js' },
    ]);
  });

  it('lists named tables and Lambda functions as data sources, with a BatchInvoke size on the resolver or function', () => {
    const { manifest: planned } = planAppSyncExport([
      { coordinate: 'Query.orders', kind: 'UNIT', source: 'src/resolvers/Query.orders.ts', dataSource: { kind: 'DYNAMODB', table: 'orders' }, functions: [] },
      { coordinate: 'Order.score', kind: 'UNIT', source: 'src/resolvers/Order.score.ts', dataSource: { kind: 'LAMBDA', functionName: 'order-scorer', maxBatchSize: 50 }, functions: [] },
      {
        coordinate: 'Mutation.place',
        kind: 'PIPELINE',
        source: 'src/resolvers/Mutation.place/index.ts',
        functions: [{ name: 'charge', kind: 'JS', source: 'src/functions/charge.ts', dataSource: { kind: 'LAMBDA', functionName: 'arn:aws:lambda:eu-west-1:123456789012:function:payments-charge:live' } }],
      },
    ]);
    expect(planned.dataSources).toEqual({
      orders: { type: 'AMAZON_DYNAMODB', description: expect.stringContaining('orders') },
      order_scorer: { type: 'AWS_LAMBDA', description: expect.any(String), functionName: 'order-scorer' },
      payments_charge: { type: 'AWS_LAMBDA', description: expect.any(String), functionName: 'arn:aws:lambda:eu-west-1:123456789012:function:payments-charge:live' },
    });
    expect(planned.resolvers['Query.orders']).toEqual({ typeName: 'Query', fieldName: 'orders', source: 'src/resolvers/Query.orders.ts', kind: 'UNIT', dataSource: 'orders', code: 'Query.orders.js' });
    expect(planned.resolvers['Order.score']).toMatchObject({ kind: 'UNIT', dataSource: 'order_scorer', maxBatchSize: 50 });
    expect(planned.functions.charge).toEqual({ kind: 'JS', source: 'src/functions/charge.ts', dataSource: 'payments_charge', code: 'functions/charge.js' });
  });

  it('refuses two pipeline functions of the same name from different files', () => {
    const step = (source: string) => ({ name: 'load', kind: 'JS' as const, source, dataSource: { kind: 'NONE' as const } });
    const pipelineOf = (coordinate: string, source: string) => ({ coordinate, kind: 'PIPELINE' as const, source: `src/resolvers/${coordinate}/index.ts`, functions: [step(source)] });
    expect(() => planAppSyncExport([pipelineOf('Mutation.a', 'src/functions/load.ts'), pipelineOf('Mutation.b', 'src/resolvers/Mutation.b/load.ts')])).toThrow(
      'Pipeline function load is both src/functions/load.ts and src/resolvers/Mutation.b/load.ts',
    );
  });

  it('lists an HTTP data source with its endpoint and authorizationConfig, and never its credentials', () => {
    const authorizationConfig = { authorizationType: 'AWS_IAM', awsIamConfig: { signingRegion: 'eu-west-1', signingServiceName: 'states' } } as const;
    const states = httpDataSource('https://states.eu-west-1.amazonaws.com', { authorizationConfig, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    const { manifest: planned } = planAppSyncExport([
      { coordinate: 'Mutation.start', kind: 'UNIT', source: 'src/resolvers/Mutation.start.ts', dataSource: states, functions: [] },
      { coordinate: 'Query.weather', kind: 'UNIT', source: 'src/resolvers/Query.weather.ts', dataSource: httpDataSource('https://api.weather.example:8443/v2', { name: 'weather' }), functions: [] },
    ]);
    expect(planned.resolvers['Mutation.start']).toMatchObject({ kind: 'UNIT', dataSource: 'states_eu_west_1_amazonaws_com' });
    expect(planned.dataSources).toEqual({
      states_eu_west_1_amazonaws_com: { type: 'HTTP', description: expect.any(String), httpConfig: { endpoint: 'https://states.eu-west-1.amazonaws.com', authorizationConfig } },
      weather: { type: 'HTTP', description: expect.any(String), httpConfig: { endpoint: 'https://api.weather.example:8443/v2' } },
    });
    expect(JSON.stringify(planned)).not.toContain('secret');
  });
});

describe('bundles run unchanged against the runtime', () => {
  it('Query.company: the bundle builds the same GetItem and returns the same result as the source', async () => {
    const bundle = await loadBundle('Query.company.js');
    const args = { id: 'company-1' };
    expect(bundle.request(aContext({ args }))).toEqual(QueryCompany.request(aContext({ args }) as never));
    expect(bundle.request(aContext({ args }))).toEqual({ operation: 'GetItem', key: { PK: { S: 'COMPANY#company-1' }, SK: { S: '#META' } } });
    const result = { id: 'company-1', name: 'Acme' };
    expect(bundle.response(aContext({ args, result }))).toEqual(QueryCompany.response(aContext({ args, result }) as never));
    const error = { message: 'throttled', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    expect(thrownBy(() => bundle.response(aContext({ args, error })))).toEqual(thrownBy(() => QueryCompany.response(aContext({ args, error }) as never)));
  });

  it('Mutation.createJob: before step, requireCompany and putJob behave like their sources', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const args = { input: { companyId: 'company-1', title: ' Engineer ', location: 'Berlin' } };
    const [before, require, put] = await Promise.all(['Mutation.createJob.js', 'functions/requireCompany.js', 'functions/putJob.js'].map(loadBundle));
    const bundledBefore = aContext({ args });
    const sourceBefore = aContext({ args });
    expect(before!.request(bundledBefore)).toEqual(asModule(MutationCreateJob).request(sourceBefore));
    const job = { companyId: 'company-1', title: 'Engineer', description: null, location: 'Berlin', remote: false, employmentType: null, salary: null, status: 'DRAFT' };
    expect(bundledBefore.stash).toEqual({ companyId: 'company-1', job });
    expect(bundledBefore.stash).toEqual(sourceBefore.stash);
    // The input limits hold in the bundle too: checked before the pipeline's first read.
    for (const input of [{ ...args.input, title: '  ' }, { ...args.input, title: 'T'.repeat(201) }, { ...args.input, companyId: 'c'.repeat(129) }]) {
      const refused = thrownBy(() => before!.request(aContext({ args: { input } })));
      expect(refused).toMatchObject({ errorType: 'ValidationError' });
      expect(refused).toEqual(thrownBy(() => asModule(MutationCreateJob).request(aContext({ args: { input } }))));
    }

    const stash = { companyId: 'company-1' };
    expect(require!.request(aContext({ args, stash }))).toEqual(asModule(requireCompany).request(aContext({ args, stash })));
    const missing = aContext({ args, stash, result: null });
    expect(thrownBy(() => require!.response(missing))).toEqual(thrownBy(() => asModule(requireCompany).response(missing)));
    expect(thrownBy(() => require!.response(missing))).toMatchObject({ errorType: 'NotFound' });

    const written = put!.request(aContext({ args, stash: { job } }));
    expect(written).toMatchObject({ operation: 'PutItem', condition: { expression: 'attribute_not_exists(PK)' } });
    expect(withoutIds(written)).toEqual(withoutIds(asModule(putJob).request(aContext({ args, stash: { job } }))));

    const prev = { result: { id: 'job-1', title: 'Engineer' } };
    expect(before!.response(aContext({ args, prev }))).toEqual(asModule(MutationCreateJob).response(aContext({ args, prev })));
  });

  it('the tenancy steps: the bundles read the same membership and refuse a recruiter of another company alike', async () => {
    const [find, assert] = await Promise.all(['functions/findRecruiterMembership.js', 'functions/assertRecruiterOfCompany.js'].map(loadBundle));
    const recruiter = { sub: 'user-1', username: 'rita', groups: ['recruiters'], claims: { email: 'Rita@Example.com', email_verified: true } };
    const stash = { companyId: 'company-1' };
    const prev = { result: { id: 'job-1' } };
    const byUser = find!.request(aContext({ identity: recruiter, stash, prev }));
    expect(byUser).toEqual(asModule(findRecruiterMembership).request(aContext({ identity: recruiter, stash, prev })));
    expect(byUser).toEqual({ operation: 'GetItem', key: { PK: { S: 'COMPANY#company-1' }, SK: { S: 'RECRUITER#USER#user-1' } } });
    const byEmail = assert!.request(aContext({ identity: recruiter, stash: { ...stash, membership: null }, prev }));
    expect(byEmail).toEqual({ operation: 'GetItem', key: { PK: { S: 'COMPANY#company-1' }, SK: { S: 'RECRUITER#EMAIL#rita@example.com' } } });
    const denied = aContext({ identity: recruiter, stash: { ...stash, membership: null }, prev, result: null });
    expect(thrownBy(() => assert!.response(denied))).toMatchObject({ errorType: 'Unauthorized' });
    expect(thrownBy(() => assert!.response(denied))).toEqual(thrownBy(() => asModule(assertRecruiterOfCompany).response(denied)));
    const member = aContext({ identity: recruiter, stash: { ...stash, membership: null }, prev, result: { companyId: 'company-1' } });
    expect(assert!.response(member)).toEqual(prev.result);
  });

  it('Mutation.moveApplication: the before step and changeStage build the same requests and the same typed errors', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const [before, change] = await Promise.all(['Mutation.moveApplication.js', 'functions/changeStage.js'].map(loadBundle));
    const args = { id: 'app-1', stage: 'INTERVIEW', expectedVersion: 2 };
    const [bundleCtx, sourceCtx] = [aContext({ args }), aContext({ args })];
    expect(before!.request(bundleCtx)).toEqual(asModule(MutationMoveApplication).request(sourceCtx));
    // Each move writes a token of its own (kept in the stash).
    expect(bundleCtx.stash).toEqual({ applicationId: 'app-1', stage: 'INTERVIEW', expectedVersion: 2, moveToken: expect.any(String) });
    const toApplied = { ...args, stage: 'APPLIED' };
    expect(thrownBy(() => before!.request(aContext({ args: toApplied })))).toEqual(thrownBy(() => asModule(MutationMoveApplication).request(aContext({ args: toApplied }))));

    const current = { id: 'app-1', jobId: 'job-1', candidateId: 'cand-1', stage: 'SCREEN', version: 2, appliedAt: NOW.toISOString(), updatedAt: NOW.toISOString(), history: [] };
    const step = (overrides: Record<string, unknown> = {}) =>
      aContext({ args, stash: { applicationId: 'app-1', stage: 'INTERVIEW', expectedVersion: 2, moveToken: 'token-1' }, prev: { result: current }, ...overrides });
    const request = change!.request(step());
    expect(request).toEqual(asModule(changeStage).request(step()));
    expect(request).toMatchObject({ operation: 'TransactWriteItems', transactItems: [{ operation: 'UpdateItem', key: { PK: { S: 'APPLICATION#app-1' } } }, { key: { PK: { S: 'JOB#job-1' } } }] });
    const stale = () => step({ prev: { result: { ...current, version: 3 } } });
    expect(thrownBy(() => change!.request(stale()))).toMatchObject({ errorType: 'ConcurrentModification', errorInfo: { currentVersion: 3, currentStage: 'SCREEN' } });
    expect(thrownBy(() => change!.request(stale()))).toEqual(thrownBy(() => asModule(changeStage).request(stale())));

    const written = { current, now: NOW.toISOString() };
    const error = { message: 'Transaction cancelled', type: 'DynamoDB:TransactionCanceledException' };
    const cancelledBy = (item: unknown) => ({ keys: null, cancellationReasons: [{ type: 'ConditionalCheckFailed', message: 'The conditional request failed', item }, { type: 'None', message: null }] });
    const moved = { ...current, stage: 'INTERVIEW', version: 3, moveToken: 'token-1' };
    // Its own move, committed before the condition failed on a resend, is a success in both.
    const retried = () => step({ error, result: cancelledBy(moved), stash: { ...step().stash, ...written } });
    expect(change!.response(retried())).toEqual(moved);
    expect(asModule(changeStage).response(retried())).toEqual(moved);
    const others = () => step({ error, result: cancelledBy({ ...moved, moveToken: 'token-2' }), stash: { ...step().stash, ...written } });
    expect(thrownBy(() => change!.response(others()))).toMatchObject({ errorType: 'ConcurrentModification', errorInfo: { currentVersion: 3, currentStage: 'INTERVIEW' } });
    expect(thrownBy(() => change!.response(others()))).toEqual(thrownBy(() => asModule(changeStage).response(others())));
    const done = () => step({ result: { keys: [], cancellationReasons: null }, stash: { ...step().stash, ...written } });
    expect(change!.response(done())).toEqual(asModule(changeStage).response(done()));
    expect(change!.response(done())).toMatchObject({ stage: 'INTERVIEW', version: 3, moveToken: 'token-1', history: [{ stage: 'INTERVIEW', at: NOW.toISOString() }] });
  });
});

describe('exportAppSyncCode', () => {
  it('fails naming the file when a resolver imports the AWS SDK', async () => {
    expect(await problemsOf(`${FIXTURES}/Query.withSdk.ts`)).toContainEqual(expect.stringMatching(/^test\/fixtures\/appsync-export\/Query\.withSdk\.ts: imports @aws-sdk\/client-dynamodb;/));
  });

  it('LANG-03: fails naming the file when the bundled output uses a class', async () => {
    const problems = await problemsOf(`${FIXTURES}/Query.withClass.ts`);
    expect(problems).toContainEqual(expect.stringMatching(/^test\/fixtures\/appsync-export\/Query\.withClass\.ts \(bundled as fixture\.js\): \d+:\d+ Classes are not supported/));
  });

  it('fails when a resolver pulls in a node: builtin or the engine', async () => {
    const problems = await problemsOf(`${FIXTURES}/Query.withRuntime.ts`);
    expect(problems).toContainEqual(expect.stringContaining('Query.withRuntime.ts: imports node:crypto;'));
    expect(problems).toContainEqual(expect.stringContaining('Query.withRuntime.ts: imports @appsync-lambda/engine;'));
  });

  it('fails when a pipeline module exports its function list instead of naming the functions in the routing table', async () => {
    const problems = await problemsOf(`${FIXTURES}/Mutation.withFunctionList/index.ts`);
    expect(problems).toContainEqual(expect.stringContaining('Mutation.withFunctionList/index.ts: imports @appsync-lambda/engine;'));
  });

  it('fails when a module does not export response(ctx)', async () => {
    expect(await problemsOf(`${FIXTURES}/Query.noResponse.ts`)).toEqual([`${FIXTURES}/Query.noResponse.ts: the bundle does not export response(ctx)`]);
  });

  it('LIM-06: refuses a bundle over 32,768 characters', () => {
    const output = { bytes: 0, imports: [], exports: ['request', 'response'], inputs: {} };
    const bundle = { code: 'x'.repeat(MAX_CODE_CHARACTERS + 1), metafile: { inputs: {}, outputs: { 'big.js': output } }, forbiddenImports: [] };
    expect(checkBundle('src/resolvers/Query.big.ts', bundle)).toEqual([
      'src/resolvers/Query.big.ts: the bundle has 32769 characters; AppSync accepts at most 32768 (LIM-06)',
    ]);
    expect(checkBundle('src/resolvers/Query.big.ts', { ...bundle, code: 'x'.repeat(MAX_CODE_CHARACTERS) })).toEqual([]);
  });
});
