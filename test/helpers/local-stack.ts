/**
 * `npm start` as a child process with its own ports and data folder: what the end-to-end tests
 * run against, started and stopped exactly as a developer does (Ctrl+C signals the whole group).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { freePort } from '@appsync-lambda/dynamodb-local';

export interface LocalStackOptions {
  port: number;
  dynamodbPort: number;
  /** The WebSocket API's port (WEBSOCKET_PORT); a free one when omitted. */
  websocketPort?: number;
  dataDir: string;
  /**
   * Paths the stack watches to reload the API (WATCH_PATHS). Off by default: the sources are
   * edited while tests run, and a reload in the middle of a test would fail its requests.
   */
  watch?: string[];
}

export interface LocalStack {
  /** The GraphQL endpoint the stack printed. */
  url: string;
  /** The subscriptions endpoint (ws://) the stack printed. */
  websocketUrl: string;
  /** The local admin's sign-in token the stack printed (send as `authorization`). */
  token: string;
  /** The local recruiter's (of no company) and candidate's sign-in tokens the stack printed. */
  tokens: { recruiter: string; candidate: string };
  /** The token the stack printed for a recruiter of each company, by company name. */
  recruitersOf: Record<string, { companyId: string; token: string }>;
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in what the stack prints from now on. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Sends `signal` to the stack's process group and resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/** Starts `scripts/start.ts` as `npm start` does and resolves once it prints its endpoint. */
export async function startLocalStack(options: LocalStackOptions, timeoutMs = 150_000): Promise<LocalStack> {
  const child = spawn(process.execPath, [tsxCli, 'scripts/start.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(options.port),
      DYNAMODB_PORT: String(options.dynamodbPort),
      WEBSOCKET_PORT: String(options.websocketPort ?? (await freePort())),
      DYNAMODB_DATA_DIR: options.dataDir,
      ...(options.watch ? { WATCH_PATHS: options.watch.join(',') } : { WATCH: 'false' }),
    },
  });
  let output = '';
  const listeners = new Set<() => void>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The local stack printed no endpoint within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      for (const listener of listeners) listener();
      const match = /GraphQL API\s+(http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The local stack exited with code ${code} before it was ready:\n${output}`));
    });
  });
  const token = /Admin token\s+(\S+)/.exec(output)?.[1] ?? '';
  const tokens = { recruiter: /^ {2}Recruiter +(\S+)/m.exec(output)?.[1] ?? '', candidate: /^ {2}Candidate +(\S+)/m.exec(output)?.[1] ?? '' };
  const websocketUrl = /Subscriptions\s+(ws:\/\/\S+)/.exec(output)?.[1] ?? '';
  const recruitersOf = Object.fromEntries(
    [...output.matchAll(/^ {2}Recruiter of {2}(.+) \(company (\S+)\)\n {16}(\S+)/gm)].map(([, name, companyId, recruiterToken]) => [name!, { companyId: companyId!, token: recruiterToken! }]),
  );
  return {
    url,
    websocketUrl,
    token,
    tokens,
    recruitersOf,
    child,
    output: () => output,
    waitForOutput(pattern, waitMs = 60_000) {
      const from = output.length;
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output.slice(from));
          if (!match) return;
          done();
          resolve(match);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`The local stack printed nothing matching ${pattern} within ${waitMs} ms:\n${output.slice(from)}`));
        }, waitMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
      });
    },
    async stop(signal = 'SIGINT') {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
      return exited;
    },
  };
}

/** Command lines of the running processes that contain `text` (`ps` works on Linux and macOS). */
export function processesMentioning(text: string): string[] {
  return runningProcesses()
    .filter(({ args }) => args.includes(text))
    .map(({ args }) => args);
}

/** Process ids of the running processes whose command line contains `text`. */
export function pidsMentioning(text: string): number[] {
  return runningProcesses()
    .filter(({ args }) => args.includes(text))
    .map(({ pid }) => pid);
}

function runningProcesses(): Array<{ pid: number; args: string }> {
  const { stdout } = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null && !match[2]!.startsWith('ps '))
    .map((match) => ({ pid: Number(match![1]), args: match![2]! }));
}
