/**
 * @appsync-lambda/engine as another team's project gets it: `npm pack` in packages/engine (its
 * prepack builds dist/), then an empty project that installs only that tarball, `graphql` and
 * `@types/node`. The project (test/fixtures/engine-consumer) is a small AppSync API: its schema as
 * deployed to AppSync, a NONE and two DynamoDB resolvers importing `@aws-appsync/utils`, wired
 * with fromServerlessAppSync. It type-checks against the packed declarations (Bundler and NodeNext
 * resolution), runs in plain Node (a resolve hook maps `@aws-appsync/utils` to the package's
 * `/appsync-utils`), and runs again as one esbuild bundle with that alias, as it would be deployed,
 * against DynamoDB Local.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/dynamodb';

const run = promisify(execFile);
const engineDir = fileURLToPath(new URL('../../packages/engine/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/engine-consumer/', import.meta.url));
const rootPackage = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const API_KEY = 'da2-notes';
const NOTES_TABLE = 'consumer-notes';

/** The environment without what `npm test` adds for its own package, so npm in the consumer project sees that project only. */
function consumerEnv(): NodeJS.ProcessEnv {
  const kept = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_registry']);
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_') || kept.has(name.toLowerCase())));
}

let work: string;
let app: string;
let packed: { filename: string; files: Array<{ path: string }> };
let db: TestDatabase;

interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<Record<string, any>> };
}

/** The requests both runs make: a NONE resolver, a write and a read on DynamoDB, an errorType, a wrong key. */
const CALLS = [
  { query: '{ hello(name: "Ada") }', apiKey: API_KEY },
  { query: 'mutation ($text: String!) { addNote(text: $text) { id text createdAt } }', variables: { text: 'from the tarball' }, apiKey: API_KEY },
  { query: 'query ($id: ID!) { note(id: $id) { id text } }', variables: { id: '$previous' }, apiKey: API_KEY },
  { query: '{ hello(name: "") }', apiKey: API_KEY },
  { query: '{ hello(name: "Ada") }', apiKey: 'da2-wrong' },
];

async function runInApp(args: string[]): Promise<Answer[]> {
  const env = { ...process.env, NOTES_TABLE, API_KEYS: API_KEY, DYNAMODB_ENDPOINT: db.endpoint, DYNAMODB_ACCESS_KEY_ID: db.accessKeyId };
  const { stdout } = await run(process.execPath, [...args, JSON.stringify(CALLS)], { cwd: app, env });
  return JSON.parse(stdout) as Answer[];
}

/** What both runs must answer, with the note just written to DynamoDB Local. */
async function expectAnswers(answers: Answer[]): Promise<void> {
  const [hello, added, read, invalid, refused] = answers;
  expect(hello).toEqual({ status: 200, body: { data: { hello: 'Hello, Ada!' } } });
  expect(added!.body.errors).toBeUndefined();
  const note = added!.body.data!.addNote;
  expect(note).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), text: 'from the tarball', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  const stored = await db.doc.send(new GetCommand({ TableName: NOTES_TABLE, Key: { id: note.id } }));
  expect(stored.Item).toEqual(note);
  expect(read).toEqual({ status: 200, body: { data: { note: { id: note.id, text: 'from the tarball' } } } });
  expect(invalid!.body).toMatchObject({ data: { hello: null }, errors: [{ errorType: 'ValidationError', message: 'name must not be empty', path: ['hello'] }] });
  expect(refused).toMatchObject({ status: 401, body: { errors: [{ errorType: 'UnauthorizedException' }] } });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'engine-consumer-'));
  app = join(work, 'app');
  cpSync(fixtures, app, { recursive: true });
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'engine-consumer', private: true, type: 'module' }, null, 2)}\n`);

  const env = consumerEnv();
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: engineDir, env });
  packed = (JSON.parse(stdout) as Array<typeof packed>)[0]!;
  await run(
    'npm',
    ['install', '--save-exact', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed.filename), `graphql@${rootPackage.dependencies.graphql}`, `@types/node@${rootPackage.devDependencies['@types/node']}`],
    { cwd: app, env },
  );

  db = await createTestDatabase();
  await db.client.send(
    new CreateTableCommand({
      TableName: NOTES_TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }),
  );
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('@appsync-lambda/engine from its npm pack tarball', () => {
  it('packs the built package (ES modules, declarations, the realtime and appsync-utils subpaths) and its README, nothing else', () => {
    const files = packed.files.map((file) => file.path);
    for (const file of ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/realtime.js', 'dist/realtime.d.ts', 'dist/appsync-utils/index.js', 'dist/appsync/utils/index.d.ts', 'dist/appsync-utils/dynamodb.js', 'dist/appsync/utils/dynamodb.d.ts']) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(expect.arrayContaining(['README.md', 'package.json']));
    expect(files.filter((file) => !file.startsWith('dist/'))).toHaveLength(2);
    expect(files.some((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toBe(false);
  });

  it('installs into an empty project beside graphql, its one copy of graphql being the project’s', () => {
    const installed = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(installed.dependencies).sort()).toEqual(['@appsync-lambda/engine', '@types/node', 'graphql']);
    expect(installed.dependencies['@appsync-lambda/engine']).toMatch(/^file:.*\.tgz$/);
    expect(existsSync(join(app, 'node_modules/@appsync-lambda/engine/dist/index.js'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/@appsync-lambda/engine/src'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/@appsync-lambda/engine/node_modules/graphql'))).toBe(false);
  });

  it('type-checks the project against the packed declarations, with Bundler and with NodeNext resolution', async () => {
    // nodenext.ts holds a @ts-expect-error: with unresolved declarations it would be an unused-directive error.
    const checks = ['tsconfig.json', 'tsconfig.nodenext.json'].map((project) => run(process.execPath, [tsc, '-p', project], { cwd: app }));
    await expect(Promise.all(checks)).resolves.toMatchObject([{ stdout: '' }, { stdout: '' }]);
  }, 60_000);

  it('runs the API in plain Node (NONE and DynamoDB resolvers, errorType, 401) with @aws-appsync/utils mapped to the package', async () => {
    await expectAnswers(await runInApp(['--import', './alias.mjs', 'run.ts']));
  }, 30_000);

  it('runs the API as one esbuild bundle with the @aws-appsync/utils alias, as it is deployed', async () => {
    const result = await build({
      entryPoints: [join(app, 'run.ts')],
      absWorkingDir: app,
      outfile: join(app, 'bundle.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      alias: { '@aws-appsync/utils': '@appsync-lambda/engine/appsync-utils' },
      // CommonJS dependencies (the AWS SDK) call require(); an ES module bundle provides it.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      metafile: true,
      logLevel: 'silent',
    });
    // No warning either: the package's sideEffects must keep the chunks its entries import for their effects.
    expect(result.warnings).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('node_modules/@appsync-lambda/engine/dist/appsync-utils/index.js');
    expect(inputs.some((input) => input.startsWith('node_modules/@aws-appsync/utils/'))).toBe(false);
    await expectAnswers(await runInApp(['bundle.mjs']));
  }, 30_000);
});
