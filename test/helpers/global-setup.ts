/**
 * Starts one in-memory DynamoDB Local for the whole test run (each test file isolates itself), after
 * rebuilding the SDK if its sources changed since its last build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDBLocal } from '../../scripts/lib/dynamodb-local';
import { ensureSdkBuilt } from './sdk-build';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  ensureSdkBuilt();
  const workDir = mkdtempSync(join(tmpdir(), 'hiring-api-ddb-'));
  const local = await startDynamoDBLocal({ workDir });
  project.provide('dynamodbEndpoint', local.endpoint);
  return async () => {
    await local.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}
