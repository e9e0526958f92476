/**
 * @hiring/sdk as a frontend project gets it: `npm pack` in sdk/, then an empty project that
 * installs only that tarball and `graphql`. Its programs (test/fixtures/sdk-consumer) type-check
 * against the packed types, run in Node, and run in Chromium as an esbuild bundle, against the
 * real handler (deployed auth, the job board's API key) over HTTP.
 *
 * The pack skips the SDK's `prepare` build: the test run already built sdk/dist (global setup), and
 * rebuilding it here would rewrite files other test files are loading.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { createHiringApi, type HiringApi } from '../helpers/hiring';
import { startLocalHttpApi, type LocalHttpApi } from '../helpers/http-server';
import { TEST_API_KEY } from '../helpers/jwt';

const run = promisify(execFile);
const sdkDir = fileURLToPath(new URL('../../sdk/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/sdk-consumer/', import.meta.url));
const rootPackage = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/**
 * The environment without what `npm test` adds for its own package (npm_package_*, the root's
 * prefix, …), so npm in the consumer project sees that project only. The user's npm settings stay.
 */
function consumerEnv(): NodeJS.ProcessEnv {
  const kept = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_registry']);
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_') || kept.has(name.toLowerCase())));
}

let work: string;
let app: string;
let packed: { filename: string; files: Array<{ path: string }> };
let hiring: HiringApi;
let companyId: string;
/** The company as the repository reads it: what the consumer must show. */
let expected: { name: string; jobs: Array<{ title: string; status: string }> };
let server: LocalHttpApi;
let browser: TestBrowser | undefined;
let bundle: { code: string; metafile: Metafile };

/** The page and its bundle under /app/, everything else to the handler: one origin, as behind a CDN. */
async function route(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  if (event.rawPath === '/app/') return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: readFileSync(join(app, 'index.html'), 'utf8') };
  if (event.rawPath === '/app/page.js') return { statusCode: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' }, body: bundle.code };
  return hiring.api.invoke(event);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'hiring-sdk-consumer-'));
  app = join(work, 'app');
  cpSync(fixtures, app, { recursive: true });
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'sdk-consumer', private: true, type: 'module' }, null, 2)}\n`);

  const env = consumerEnv();
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: sdkDir, env });
  packed = (JSON.parse(stdout) as Array<typeof packed>)[0]!;
  await run('npm', ['install', '--save-exact', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed.filename), `graphql@${rootPackage.dependencies.graphql}`], { cwd: app, env });

  hiring = await createHiringApi();
  companyId = (await hiring.aCompany({ name: 'Tarball Robotics' })).id;
  await hiring.aJob(companyId, { title: 'Engineer' });
  // Both OPEN: the job board (API key) never sees a DRAFT or CLOSED job.
  await hiring.aJob(companyId, { title: 'Designer', status: 'OPEN' });
  // Newest first; two jobs written in the same millisecond may come in either order, so the order
  // to expect is the one the API answers.
  const read = await hiring.ok<{ company: { name: string; jobs: { items: typeof expected.jobs } } }>(
    'query ($id: ID!) { company(id: $id) { name jobs { items { title status } } } }',
    { id: companyId },
  );
  expected = { name: read.company.name, jobs: read.company.jobs.items };
  expect(expected.jobs.map((job) => job.title).sort()).toEqual(['Designer', 'Engineer']);
  server = await startLocalHttpApi(route);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('@hiring/sdk from its npm pack tarball', () => {
  it('packs the built package, its sources and README, and nothing else', () => {
    const files = packed.files.map((file) => file.path).sort();
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/generated/graphql.js');
    expect(files.filter((file) => !/^(dist|src)\//.test(file))).toEqual(['README.md', 'package.json']);
  });

  it('installs into an empty project with only graphql beside it', () => {
    const installed = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(installed.dependencies).sort()).toEqual(['@hiring/sdk', 'graphql']);
    expect(installed.dependencies['@hiring/sdk']).toMatch(/^file:.*\.tgz$/);
    // A copy, not a link to the repository: the project holds what the tarball held.
    expect(existsSync(join(app, 'node_modules/@hiring/sdk/dist/index.js'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/@hiring/sdk/tsconfig.build.json'))).toBe(false);
    // graphql is a peer: the project's one copy, none nested under the SDK.
    expect(existsSync(join(app, 'node_modules/@hiring/sdk/node_modules'))).toBe(false);
    // Besides graphql: the SDK's two dependencies (typed-document-node's types, graphql-ws for subscriptions).
    expect(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.')).sort()).toEqual(['@graphql-typed-document-node', '@hiring', 'graphql', 'graphql-ws']);
  });

  it('type-checks the project against the packed types, which reject wrong variables and values', async () => {
    // node.ts holds two @ts-expect-error lines: without the packed types they would be unused errors.
    await expect(run(process.execPath, [tsc, '-p', app], { cwd: app })).resolves.toMatchObject({ stdout: '' });
  }, 60_000);

  it('runs a typed query in Node over HTTP, and reports the errorType of a write the API key may not make', async () => {
    const { stdout } = await run(process.execPath, ['node.ts', `${server.origin}/graphql`, TEST_API_KEY, companyId], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({ ...expected, denied: 'Unauthorized' });
  }, 30_000);

  it('bundles with esbuild from the installed package', async () => {
    const result = await build({
      entryPoints: [join(app, 'page.ts')],
      absWorkingDir: app,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    bundle = { code: result.outputFiles[0]!.text, metafile: result.metafile };
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs).toContain('node_modules/@hiring/sdk/dist/index.js');
    expect(inputs.every((input) => input === 'page.ts' || input.startsWith('node_modules/'))).toBe(true);
  });

  it('renders the company and its jobs in headless Chromium, read through the bundled SDK', async () => {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const graphqlPosts: Array<Record<string, unknown>> = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') graphqlPosts.push({ url: request.url(), apiKey: request.headers()['x-api-key'], body: request.postDataJSON() });
    });

    await page.goto(`${server.origin}/app/?key=${TEST_API_KEY}&company=${encodeURIComponent(companyId)}`);
    await page.locator('body[data-state="ready"]').waitFor({ timeout: 30_000 });

    expect(await page.locator('h1').textContent()).toBe(expected.name);
    expect(await page.locator('li').allTextContents()).toEqual(expected.jobs.map((job) => `${job.title} (${job.status})`));
    expect(problems).toEqual([]);
    // The SDK's client sent the Company query by hash (a trusted document) with the key.
    expect(graphqlPosts).toEqual([
      {
        url: `${server.origin}/graphql`,
        apiKey: TEST_API_KEY,
        body: expect.objectContaining({ operationName: 'Company', extensions: { persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) } } }),
      },
    ]);
  }, 60_000);

  it('shows the errorType of a failed request in the browser', async () => {
    const page = await browser!.context.newPage();
    await page.goto(`${server.origin}/app/?key=da2-not-a-key&company=${encodeURIComponent(companyId)}`);
    await page.locator('body[data-state="ready"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('h1').textContent()).toBe('Error: UnauthorizedException');
  }, 30_000);
});
