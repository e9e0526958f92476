// `npm start`'s reload: a change under a watched path restarts serverless-offline alone; DynamoDB Local and its data stay.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@appsync-lambda/dynamodb-local';
import { CompanyDocument, createClient, CreateCompanyDocument } from '@hiring/sdk';
import { pidsMentioning, processesMentioning, startLocalStack, type LocalStack } from '../helpers/local-stack';

let stack: LocalStack | undefined;
let dataDir: string;
// The stack watches this folder instead of the sources, which other tests read while this one runs.
let watchDir: string;
let port: number;

const api = () => createClient({ url: stack!.url, getToken: () => stack!.token });
const offlinePids = () => pidsMentioning(`--httpPort ${port}`);
const javaPids = () => pidsMentioning(dataDir);
const reloadLine = /Reloaded in \d+\.\d s \((.+)\)\n/;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hiring-api-reload-'));
  watchDir = mkdtempSync(join(tmpdir(), 'hiring-api-watched-'));
  writeFileSync(join(watchDir, 'handler.ts'), 'export {};\n');
  port = await freePort();
  stack = await startLocalStack({ port, dynamodbPort: await freePort(), dataDir, watch: [watchDir] });
}, 180_000);

afterAll(async () => {
  if (stack) await stack.stop('SIGINT');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(watchDir, { recursive: true, force: true });
});

describe('npm start reload', () => {
  it('says reload is on and what it watches', () => {
    expect(stack!.output()).toContain(`Reload        on: a change in ${watchDir} restarts the API`);
  });

  it('restarts serverless-offline on a change, keeping DynamoDB Local, its process and its data', async () => {
    const { createCompany } = await api().request(CreateCompanyDocument, { input: { name: 'Before Reload Ltd' } });
    const [offlineBefore] = offlinePids();
    const javaBefore = javaPids();
    expect(offlineBefore).toBeDefined();
    expect(javaBefore).toHaveLength(1);

    const reloaded = stack!.waitForOutput(reloadLine);
    writeFileSync(join(watchDir, 'handler.ts'), 'export const changed = true;\n');
    expect((await reloaded)[1]).toBe(join(watchDir, 'handler.ts'));

    const offlineAfter = offlinePids();
    expect(offlineAfter).toHaveLength(1);
    expect(offlineAfter).not.toContain(offlineBefore);
    expect(javaPids()).toEqual(javaBefore);
    const { company } = await api().request(CompanyDocument, { id: createCompany.id });
    expect(company?.name).toBe('Before Reload Ltd');
  }, 60_000);

  it('reloads once for a burst of changes, naming the files', async () => {
    const reloaded = stack!.waitForOutput(reloadLine);
    for (const name of ['a.ts', 'b.ts', 'c.ts']) writeFileSync(join(watchDir, name), 'export {};\n');
    const [, files] = await reloaded;
    expect(files).toBe(['a.ts', 'b.ts', 'c.ts'].map((name) => join(watchDir, name)).join(', '));
    expect(offlinePids()).toHaveLength(1);
  }, 60_000);

  it('ignores editor swap and backup files', async () => {
    const reloaded = stack!.waitForOutput(reloadLine);
    writeFileSync(join(watchDir, '.handler.ts.swp'), '');
    writeFileSync(join(watchDir, 'handler.ts~'), '');
    writeFileSync(join(watchDir, 'd.ts'), 'export {};\n');
    // The one reload names only the source file.
    expect((await reloaded)[1]).toBe(join(watchDir, 'd.ts'));
  }, 60_000);

  it('stops DynamoDB Local and serverless-offline on Ctrl+C after reloads, leaving no process behind', async () => {
    expect(await stack!.stop('SIGINT')).toBe(0);
    expect(processesMentioning(dataDir)).toEqual([]);
    expect(processesMentioning(`--httpPort ${port}`)).toEqual([]);
    stack = undefined;
  });
});
