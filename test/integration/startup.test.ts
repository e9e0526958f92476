import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLambda } from '../../build/esbuild';
import { graphqlEvent } from '@appsync-lambda/test-support';
import { createLambdaHandler } from '../helpers/handler';
import { lambdaTraceHeader, startXRayDaemon } from '../helpers/xray-daemon';
import { NONE, unit } from '@appsync-lambda/engine';

const logger = new Logger({ serviceName: 'startup-test', logLevel: 'SILENT' });
const runtime = {
  client: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' })),
  tables: { main: 'unused' },
  tokenSecret: 'secret',
  env: {},
};
const echo = { request: () => ({ payload: 'ok' }), response: (ctx: { result: unknown }) => ctx.result };

describe('cold start', () => {
  it('throws while building the handler when a resolver is routed to a field the schema lacks', () => {
    expect(() =>
      createLambdaHandler({ logger, runtime, schema: { sdl: 'type Query { hello: String }', resolvers: { 'Query.hullo': unit(echo, NONE) } } }),
    ).toThrow(/Query\.hullo.*not a field/);
  });

  it('throws while building the handler when the schema is invalid', () => {
    expect(() => createLambdaHandler({ logger, runtime, schema: { sdl: 'type Query { hello: Missing }', resolvers: {} } })).toThrow(/Missing/);
  });

  describe('the production bundle', () => {
    let dir: string;
    let bundle: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hiring-api-bundle-'));
      bundle = join(dir, 'handler.cjs');
      await buildLambda(bundle);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const load = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['-e', `require(${JSON.stringify(bundle)}); console.log('loaded')`], {
        env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1', ...env },
        encoding: 'utf8',
      });

    it('fails its init (exit code and message) without TABLE_NAME instead of failing every request later', () => {
      const result = load({});
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/TABLE_NAME is not set/);
      expect(result.stdout).not.toMatch(/loaded/);
    });

    it('fails its init on a malformed DATA_SOURCE_TABLES', () => {
      const result = load({ TABLE_NAME: 'hiring-test', DATA_SOURCE_TABLES: 'orders' });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/DATA_SOURCE_TABLES must be name=table pairs/);
    });

    it('ships the Lambda data source’s client beside the bundle, not in it, loaded on its first call', () => {
      // The Invoke operation's path is in the client's serializer, and only there.
      const invokePath = '/2015-03-31/functions/';
      expect(readFileSync(bundle, 'utf8')).not.toContain(invokePath);
      expect(readFileSync(join(dir, 'lambda-client.cjs'), 'utf8')).toContain(invokePath);
      const client = spawnSync(process.execPath, ['-e', `const m = require(${JSON.stringify(join(dir, 'lambda-client.cjs'))}); console.log(typeof m.LambdaClient, typeof m.InvokeCommand)`], { encoding: 'utf8' });
      expect(client.stdout.trim()).toBe('function function');
    });

    /** Runs one request through the bundle in a fresh process: its status, and whether tracer.cjs was loaded. */
    const invoke = async (env: Record<string, string>) => {
      const script = `const { handler } = require(${JSON.stringify(bundle)});
        handler(JSON.parse(process.env.EVENT), { awsRequestId: 'startup', getRemainingTimeInMillis: () => 3000 }, () => undefined).then((result) => {
          console.log(JSON.stringify({ status: result.statusCode, tracerLoaded: Object.keys(require.cache).some((file) => file.endsWith('tracer.cjs')) }));
        });`;
      const event = JSON.stringify(graphqlEvent('{ __typename }'));
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1', TABLE_NAME: 'hiring-test', LOG_LEVEL: 'SILENT', METRICS: 'off', EVENT: event, ...env } });
      return JSON.parse(stdout.trim().split('\n').at(-1)!) as { status: number; tracerLoaded: boolean };
    };

    it('ships the Tracer and the X-Ray SDK beside the bundle, not in it, and loads neither with TRACING off', async () => {
      // The daemon's address variable is read by the X-Ray SDK, and only there.
      expect(readFileSync(bundle, 'utf8')).not.toContain('AWS_XRAY_DAEMON_ADDRESS');
      expect(readFileSync(join(dir, 'tracer.cjs'), 'utf8')).toContain('AWS_XRAY_DAEMON_ADDRESS');
      // Unauthenticated: a 401, answered after the hooks saw the request.
      expect(await invoke({})).toEqual({ status: 401, tracerLoaded: false });
      expect(await invoke({ TRACING: 'off' })).toEqual({ status: 401, tracerLoaded: false });
    });

    it('loads tracer.cjs with TRACING=on and sends the request’s subsegment to the X-Ray daemon', async () => {
      const daemon = await startXRayDaemon();
      try {
        const trace = lambdaTraceHeader();
        const lambda = { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x', AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand', LAMBDA_TASK_ROOT: dir, _HANDLER: 'src/handler.handler' };
        expect(await invoke({ ...lambda, TRACING: 'on', AWS_XRAY_DAEMON_ADDRESS: daemon.address, _X_AMZN_TRACE_ID: trace.header })).toEqual({ status: 401, tracerLoaded: true });
        const request = await daemon.next((document) => document.trace_id === trace.traceId);
        expect(request).toMatchObject({ name: '## src/handler.handler', parent_id: trace.parentId, error: true, annotations: { ColdStart: true, Service: 'hiring-api', status: 401 } });
      } finally {
        await daemon.close();
      }
    });

    it('fails its init on an unknown TRACING value', () => {
      const result = load({ TABLE_NAME: 'hiring-test', TRACING: 'yes' });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/TRACING must be on, off or resolvers/);
    });

    it('loads with a valid configuration', () => {
      const result = load({ TABLE_NAME: 'hiring-test' });
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe('loaded');
      expect(result.status).toBe(0);
    });
  });
});
