/** Starts one in-memory DynamoDB Local for the whole test run; each test file isolates itself. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDBLocal } from '../../scripts/lib/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const workDir = mkdtempSync(join(tmpdir(), 'hiring-api-ddb-'));
  const local = await startDynamoDBLocal({ workDir });
  project.provide('dynamodbEndpoint', local.endpoint);
  return async () => {
    await local.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}
