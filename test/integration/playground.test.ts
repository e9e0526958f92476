import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLambda } from '../../build/esbuild';
import { defaultPlaygroundDir, ensurePlayground, type PlaygroundManifest } from '../../scripts/build-playground';
import { createPlayground } from '../../src/http/playground';
import { createTestApi, type TestApi } from '../helpers/api';
import { httpApiEvent } from '@appsync-lambda/test-support';

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let api: TestApi;
let manifest: PlaygroundManifest;

beforeAll(async () => {
  manifest = await ensurePlayground();
  api = await createTestApi();
});

const getPage = (path = '/graphql', headers: Record<string, string> = { accept: browserAccept }) =>
  api.invoke(httpApiEvent({ method: 'GET', path, headers }));
const getAsset = (name: string, headers: Record<string, string> = {}) =>
  api.invoke(httpApiEvent({ method: 'GET', path: `/graphql/playground/${name}`, headers }));

describe('createPlayground: the page', () => {
  it('answers a browser opening GET /graphql with the GraphiQL page', async () => {
    const response = await getPage();
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<div id="playground"></div>');
    expect(response.body).toContain(`<script src="graphql/playground/${manifest.script}"></script>`);
    expect(response.body).toContain(`<link rel="stylesheet" href="graphql/playground/${manifest.stylesheet}" />`);
  });

  it('references its assets relative to the page, so a stage prefix keeps working', async () => {
    const response = await getPage('/prod/graphql');
    expect(response.body).toContain(`src="graphql/playground/${manifest.script}"`);
    expect(response.body).not.toMatch(/(src|href)="\//);
  });

  it('redirects a GET of the root to the endpoint, relative to the host', async () => {
    const response = await api.invoke(httpApiEvent({ method: 'GET', path: '/', headers: { accept: browserAccept } }));
    expect(response.statusCode).toBe(302);
    expect(response.headers?.location).toBe('graphql');
  });

  it('forbids loading anything from another origin', async () => {
    const policy = String((await getPage()).headers?.['content-security-policy']);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("script-src 'self'");
  });

  it('leaves GraphQL over GET to Apollo when the client does not ask for HTML', async () => {
    const response = await api.invoke(
      httpApiEvent({ method: 'GET', query: { query: '{ __typename }' }, headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } }),
    );
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(String(response.body))).toEqual({ data: { __typename: 'Query' } });
  });

  it('leaves a GET carrying a query to Apollo even from a browser', async () => {
    const response = await api.invoke(
      httpApiEvent({ method: 'GET', query: { query: '{ __typename }' }, headers: { accept: browserAccept, 'apollo-require-preflight': 'true' } }),
    );
    expect(String(response.headers?.['content-type'])).not.toContain('text/html');
  });

  it('still answers POSTed operations', async () => {
    const created = await api.graphql('mutation { createCompany(input: { name: "Playground Co" }) { id name } }');
    expect(created.body.errors).toBeUndefined();
    const read = await api.graphql('query ($id: ID!) { company(id: $id) { name } }', { id: created.body.data?.createCompany.id });
    expect(read.body).toEqual({ data: { company: { name: 'Playground Co' } } });
  });
});

describe('createPlayground: the assets', () => {
  it.each([
    ['script', 'text/javascript; charset=utf-8'],
    ['stylesheet', 'text/css; charset=utf-8'],
  ] as const)('serves the %s pre-gzipped as base64 with a year-long immutable cache', async (kind, contentType) => {
    const name = manifest[kind];
    const response = await getAsset(name);
    expect(response.statusCode).toBe(200);
    expect(response.isBase64Encoded).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': contentType,
      'content-encoding': 'gzip',
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${name}"`,
    });
    const gzipped = Buffer.from(String(response.body), 'base64');
    expect(gzipped.byteLength).toBe(statSync(join(defaultPlaygroundDir, `${name}.gz`)).size);
    expect(gunzipSync(gzipped).byteLength).toBe(manifest.files[name]!.bytes);
  });

  it('keeps every asset response under the 6 MB Lambda payload limit', async () => {
    for (const name of [manifest.script, manifest.stylesheet]) {
      expect(String((await getAsset(name)).body).length).toBeLessThan(6 * 1024 * 1024 - 4096);
    }
  });

  it('ships a stylesheet whose fonts and images are inlined, with nothing to fetch elsewhere', async () => {
    const css = gunzipSync(Buffer.from(String((await getAsset(manifest.stylesheet)).body), 'base64')).toString('utf8');
    expect(css).toContain('font-family:codicon');
    expect(css).not.toContain('@import');
    expect(css.match(/url\((?!["']?data:)[^)]*\)/g) ?? []).toEqual([]);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const response = await getAsset(manifest.script, { 'if-none-match': `"${manifest.script}"` });
    expect(response.statusCode).toBe(304);
    expect(response.body).toBeUndefined();
  });

  it.each(['graphiql-000000000000.js', 'manifest.json', 'index.html', '..%2Fmanifest.json', ''])(
    "answers 404 NotFound for '%s'",
    async (name) => {
      const response = await getAsset(name);
      expect(response.statusCode).toBe(404);
      expect(response.headers?.['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(String(response.body)).errors[0]).toMatchObject({ errorType: 'NotFound' });
      // The same shape as every other error: AppSync's fields at the top level and under extensions.
      expect(JSON.parse(String(response.body)).errors[0]).toMatchObject({
        path: null,
        data: null,
        errorInfo: null,
        locations: null,
        extensions: { errorType: 'NotFound', errorInfo: null, data: null, code: 'NOT_FOUND' },
      });
    },
  );

  it('answers 404 NotFound for the page when the playground is not built', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'playground-missing-'));
    try {
      const response = (await createPlayground({ dir: emptyDir })(httpApiEvent({ method: 'GET', path: '/graphql', headers: { accept: browserAccept } })))!;
      expect(response.statusCode).toBe(404);
      expect(JSON.parse(String(response.body)).errors[0]).toMatchObject({ errorType: 'NotFound' });
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});

describe('the Lambda bundle', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'lambda-bundle-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('holds the playground middleware but none of GraphiQL, React or Monaco', async () => {
    const result = await buildLambda(join(outDir, 'handler.cjs'));
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('src/http/playground.ts');
    expect(inputs.filter((input) => /node_modules\/(graphiql|@graphiql|react|react-dom|monaco-\w+)\//.test(input))).toEqual([]);
    expect(readFileSync(join(outDir, 'handler.cjs'), 'utf8')).not.toContain('GraphiQL');
  });
});
