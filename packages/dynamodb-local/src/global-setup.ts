/**
 * A vitest global setup: one in-memory DynamoDB Local for the whole test run, its endpoint given to
 * tests as `inject('dynamodbEndpoint')`. Every test project that lists this file shares the one
 * process: the first project's setup starts it, the last one's teardown stops it. Each test file
 * isolates itself with its own database (test-database.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDBLocal, type DynamoDBLocal } from './launcher';
import type {} from './test-database';

interface Shared {
  started: Promise<DynamoDBLocal>;
  workDir: string;
  projects: number;
}

// Vitest loads a global setup file once per project, as separate module instances: the process they
// share is kept on globalThis, which they have in common.
const SHARED: unique symbol = Symbol.for('@appsync-lambda/dynamodb-local/global-setup');
const holder = globalThis as { [SHARED]?: Shared };

export default async function setup(project: TestProject) {
  if (!holder[SHARED]) {
    const workDir = mkdtempSync(join(tmpdir(), 'dynamodb-local-'));
    holder[SHARED] = { started: startDynamoDBLocal({ workDir }), workDir, projects: 0 };
  }
  const shared = holder[SHARED];
  shared.projects += 1;
  const local = await shared.started;
  project.provide('dynamodbEndpoint', local.endpoint);
  return async () => {
    shared.projects -= 1;
    if (shared.projects > 0) return;
    delete holder[SHARED];
    await local.stop();
    rmSync(shared.workDir, { recursive: true, force: true });
  };
}
