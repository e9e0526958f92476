/** CloudWatch embedded-metric-format lines a test's code writes to stdout, captured by namespace. */
import { afterEach, beforeEach, vi } from 'vitest';

export type Emf = Record<string, any> & { _aws: { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> } };

/**
 * Captures, for each test of the file, the stdout lines that carry `namespace` (parsed), and lets
 * every other write through. Returns the lines of the running test.
 */
export function captureEmf(namespace: string): () => Emf[] {
  let lines: Emf[] = [];
  beforeEach(() => {
    lines = [];
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      const text = String(chunk);
      if (!text.includes(namespace)) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      for (const line of text.split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      return true;
    }) as typeof process.stdout.write);
  });
  afterEach(() => vi.restoreAllMocks());
  return () => lines;
}
