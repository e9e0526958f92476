/**
 * Runs bench/lib/child.cjs in fresh Node processes (the project's Node 24) with a clean
 * environment: only PATH, the bundle's own variables and the job description.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const NODE = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.cjs', import.meta.url));
const RESULT_MARK = 'BENCH_RESULT ';

export interface ChildRun {
  /** Milliseconds from just before spawn to the receipt of the child's result line. */
  wallMs: number;
  result: unknown;
}

/** Spawns one child and resolves on its result line (the process then exits by itself). */
export function runChild(args: string[], env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(NODE, [...nodeArgs, CHILD, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // The handler's own log lines come first; the result is the line child.cjs marks.
      const start = stdout.indexOf(RESULT_MARK);
      const end = start === -1 ? -1 : stdout.indexOf('\n', start);
      if (end === -1 || settled) return;
      settled = true;
      const wallMs = performance.now() - started;
      resolve({ wallMs, result: JSON.parse(stdout.slice(start + RESULT_MARK.length, end)) });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    // 'close', not 'exit': the last stdout chunk can arrive after the process has exited.
    child.once('close', (code) => {
      if (!settled) reject(new Error(`benchmark process exited with ${code} before answering:\n${stderr}`));
    });
  });
}
