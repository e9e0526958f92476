/**
 * Lambda containers for the reliability suite: the production bundle (build/esbuild.ts, as
 * deployed) in child Node processes, each configured like the deployed function (the literal
 * environment of serverless.yml) and pointed at a DynamoDB Local database.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { parse } from 'yaml';
import { buildLambda } from '../../../build/esbuild.ts';
import { TEST_API_KEY } from '../../helpers/jwt';
import { TEST_CLIENT_ID, TEST_USER_POOL_ID, type SigningKey } from '@appsync-lambda/test-support';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const NODE = fromRoot('node_modules/.bin/node');
const CHILD = fileURLToPath(new URL('./handler-child.ts', import.meta.url));

export interface HandlerBundle {
  file: string;
  remove(): void;
}

/** Bundles src/handler.ts with the production configuration into a temporary folder. */
export async function buildHandlerBundle(): Promise<HandlerBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'hiring-api-reliability-'));
  const file = join(dir, 'handler.cjs');
  await buildLambda(file);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The function's environment as serverless.yml sets it, where the value is literal or a
 * `${param:…}` with a literal default; references to the stack, the stage or the deployer's
 * environment are left out (the caller supplies what the test needs).
 */
export function deployedEnvironment(): Record<string, string> {
  const template = parse(readFileSync(fromRoot('serverless.yml'), 'utf8'), { logLevel: 'error' }) as {
    params?: { default?: Record<string, unknown> };
    provider: { environment?: Record<string, unknown> };
    functions?: Record<string, { environment?: Record<string, unknown> }>;
  };
  const params = template.params?.default ?? {};
  const resolve = (value: unknown): string | undefined => {
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') return undefined;
    const param = /^\$\{param:(\w+)\}$/.exec(value);
    if (param) return resolve(params[param[1]!]);
    return value.includes('${') ? undefined : value;
  };
  const entries = [template.provider.environment ?? {}, ...Object.values(template.functions ?? {}).map((fn) => fn.environment ?? {})].flatMap(Object.entries);
  const env: Record<string, string> = {};
  for (const [name, value] of entries) {
    const resolved = resolve(value);
    if (resolved !== undefined) env[name] = resolved;
  }
  delete env.NODE_OPTIONS;
  // No WebSocket function here: committed mutations are not handed to a fan-out.
  env.REALTIME_PUBLISH = 'off';
  return env;
}

export interface DatabaseTarget {
  endpoint: string;
  tableName: string;
  /** DynamoDB Local keeps one database per access key id: every container must use the same. */
  accessKeyId: string;
}

/** The environment of a container on `database`, trusting tokens signed with `key`. */
export function containerEnvironment(database: DatabaseTarget, key: SigningKey, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...deployedEnvironment(),
    TABLE_NAME: database.tableName,
    DYNAMODB_ENDPOINT: database.endpoint,
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: database.accessKeyId,
    AWS_SECRET_ACCESS_KEY: 'local',
    COGNITO_USER_POOL_ID: TEST_USER_POOL_ID,
    COGNITO_CLIENT_IDS: TEST_CLIENT_ID,
    COGNITO_JWKS: JSON.stringify(key.jwks),
    API_KEYS: TEST_API_KEY,
    PAGINATION_SECRET: 'reliability-pagination-secret',
    LOG_LEVEL: 'WARN',
    ...extra,
  };
}

export interface ProcessStats {
  maxRssBytes: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Whether heapUsedBytes was measured after a full GC. */
  gcForced: boolean;
}

export interface HandlerProcess {
  /** e.g. http://127.0.0.1:43210; GraphQL is served at `${origin}/graphql`. */
  origin: string;
  pid: number;
  /** Set once the process has ended: a container that ends by itself has crashed. */
  exit(): { code: number | null; signal: string | null } | undefined;
  /** Log lines the handler wrote at ERROR. */
  errorLogLines(): number;
  /** The last lines the process wrote to stderr (for a crash report). */
  stderrTail(): string;
  /** Invokes the handler with an event, as Lambda would (no HTTP). */
  invoke(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
  stats(): Promise<ProcessStats>;
  close(): Promise<void>;
}

export interface StartOptions {
  bundle: HandlerBundle;
  env: Record<string, string>;
  /** Node flags, e.g. --expose-gc, --max-old-space-size=… */
  nodeArgs?: string[];
}

/** Starts one container and resolves once its HTTP server listens. */
export function startHandlerProcess({ bundle, env, nodeArgs = [] }: StartOptions): Promise<HandlerProcess> {
  const child: ChildProcess = fork(CHILD, [], {
    execPath: NODE,
    execArgv: nodeArgs,
    env: { PATH: process.env.PATH ?? '', ...env, HANDLER_BUNDLE: bundle.file },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let exit: { code: number | null; signal: string | null } | undefined;
  let errorLines = 0;
  let stderr = '';
  // Powertools writes ERROR lines to stderr, the others to stdout.
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      errorLines += lines.filter((line) => line.includes('"level":"ERROR"')).length;
      if (stream === child.stderr) stderr = (stderr + chunk.toString()).slice(-4000);
    });
  }
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  const closed = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      for (const { reject } of pending.values()) reject(new Error(`handler process exited (${code ?? signal})`));
      pending.clear();
      resolve();
    }),
  );
  const call = <T>(message: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      if (exit) return reject(new Error('handler process has exited'));
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      child.send({ ...message, id });
    });
  child.on('message', (message: { id?: number; ready?: string; result?: unknown; error?: string; stats?: ProcessStats }) => {
    if (message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (!waiter) return;
    if (message.error !== undefined) waiter.reject(new Error(message.error));
    else waiter.resolve(message.stats ?? message.result);
  });
  return new Promise((resolve, reject) => {
    child.once('exit', () => reject(new Error(`handler process ended before listening:\n${stderr}`)));
    child.on('message', (message: { ready?: string }) => {
      if (!message.ready) return;
      resolve({
        origin: message.ready,
        pid: child.pid!,
        exit: () => exit,
        errorLogLines: () => errorLines,
        stderrTail: () => stderr,
        invoke: (event) => call({ event }),
        stats: () => call({ stats: true }),
        async close() {
          if (!exit) child.kill('SIGTERM');
          await closed;
        },
      });
    });
  });
}
