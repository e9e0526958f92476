/**
 * Runs the API's function locally with serverless-offline (under osls): the same serverless.yml,
 * the same esbuild bundle, HTTP API v2 events. In-process, so the function shares this process
 * group's environment (DYNAMODB_ENDPOINT, AWS credentials) — and because worker threads time out
 * under concurrent cold requests.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { serverlessCli, serviceDir } from './serverless.ts';
import { stopProcessGroup } from './process-group.ts';

export interface OfflineOptions {
  port: number;
  /** serverless-offline's own Lambda invoke endpoint; any free port. */
  lambdaPort: number;
  /** The WebSocket API (subscriptions) and its Management API. */
  websocketPort: number;
  stage: string;
  /** Extra environment for the function (merged into this process's environment). */
  env: Record<string, string>;
  /** Called with each chunk the framework prints. */
  onOutput?: (text: string) => void;
  /**
   * Holds back what the framework prints until it is ready (a reload's route banner is noise);
   * a failed start still reports it in its error.
   */
  quietStart?: boolean;
  /** Aborting stops the start-up (and the process). */
  signal?: AbortSignal;
}

export interface Offline {
  url: string;
  /** The WebSocket endpoint (graphql-transport-ws). */
  websocketUrl: string;
  /** Settles when serverless-offline ends, whatever ended it. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

async function waitUntilListening(url: string, failure: () => string | null, signal?: AbortSignal, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    const failed = failure();
    if (failed) throw new Error(failed);
    try {
      await fetch(url, { method: 'OPTIONS', signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`serverless-offline did not answer on ${url} within ${timeoutMs / 1000} s`);
}

// The framework's error report ("Error:" and the message under it). After a failed bundle
// (a syntax error) serverless-offline prints it and keeps running without listening.
const errorReport = /^Error:\n.+\n/m;

/** What the framework printed, without the stack traces of its error report. */
const withoutStackTraces = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n')
    .trim();

/** Starts serverless-offline in a process group of its own and resolves once it accepts requests. */
export async function startOffline(options: OfflineOptions): Promise<Offline> {
  // A work folder per run: `npm run package` or a second stack must not delete this one's bundle.
  const workFolder = join('.esbuild', `offline-${options.port}`);
  const args = [
    // A bad WebSocket frame closes its connection, not serverless-offline (offline-websocket-guard.ts).
    '--import',
    new URL('./offline-websocket-guard.ts', import.meta.url).href,
    serverlessCli(),
    'offline',
    'start',
    '--stage',
    options.stage,
    '--httpPort',
    String(options.port),
    '--lambdaPort',
    String(options.lambdaPort),
    '--websocketPort',
    String(options.websocketPort),
    '--host',
    '127.0.0.1',
    '--useInProcess',
    '--noPrependStageInUrl',
    '--noSponsor',
  ];
  const child = spawn(process.execPath, args, {
    cwd: serviceDir,
    detached: true,
    // serverless.yml's local stage reads REALTIME_LOCAL_ENDPOINT (the Management API the fan-out
    // posts to), REALTIME_LOCAL_WEBSOCKET_URL (where the playground subscribes) and
    // REALTIME_LOCAL_LAMBDA_ENDPOINT (the Invoke API the HTTP function hands mutations to).
    env: {
      ...process.env,
      ...options.env,
      ESBUILD_WORK_FOLDER: workFolder,
      REALTIME_LOCAL_ENDPOINT: `http://127.0.0.1:${options.websocketPort}`,
      REALTIME_LOCAL_WEBSOCKET_URL: `ws://127.0.0.1:${options.websocketPort}`,
      REALTIME_LOCAL_LAMBDA_ENDPOINT: `http://127.0.0.1:${options.lambdaPort}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let recent = '';
  let ready = !options.quietStart;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    recent = (recent + text).slice(-4_000);
    if (ready) options.onOutput?.(text);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    await stopProcessGroup(child);
    rmSync(join(serviceDir, workFolder), { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${options.port}/graphql`;
  try {
    await waitUntilListening(
      url,
      () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          return `serverless-offline exited before it was ready (${child.exitCode ?? child.signalCode}):\n${withoutStackTraces(recent)}`;
        }
        return errorReport.test(recent) ? `serverless-offline could not start:\n${withoutStackTraces(recent)}` : null;
      },
      options.signal,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  ready = true;
  return { url, websocketUrl: `ws://127.0.0.1:${options.websocketPort}`, exited, stop };
}
