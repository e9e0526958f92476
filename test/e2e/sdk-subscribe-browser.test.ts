// The SDK's subscribe in a real headless browser: a page bundled with esbuild from @hiring/sdk (the
// built workspace package) subscribes with the browser's own WebSocket to the WebSocket API (the
// real handler behind a local API Gateway) and shows each move of one job as it happens.
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { print } from 'graphql';
import { MoveApplicationDocument } from '@hiring/sdk';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { createRealtimeApi, type RealtimeApi } from '../helpers/realtime';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE_SCRIPT = `
import { createSubscriptionClient, OnApplicationMovedDocument } from '@hiring/sdk';
const { url, token, jobId } = JSON.parse(document.getElementById('config').textContent);
const client = createSubscriptionClient({ url, getToken: async () => token });
const list = document.getElementById('events');
(async () => {
  for await (const event of client.subscribe(OnApplicationMovedDocument, { jobId })) {
    const item = document.createElement('li');
    item.textContent = event.onApplicationMoved.id + ' ' + event.onApplicationMoved.stage + ' ' + event.onApplicationMoved.version;
    list.append(item);
  }
})().catch((error) => { document.getElementById('error').textContent = JSON.stringify(error); });
`;

let rt: RealtimeApi;
let server: Server;
let origin: string;
let browser: TestBrowser;
let page: Page;
let script: string;
const problems: string[] = [];

beforeAll(async () => {
  rt = await createRealtimeApi();
  const bundled = await build({ stdin: { contents: PAGE_SCRIPT, resolveDir: ROOT, loader: 'js' }, bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  script = bundled.outputFiles[0]!.text;
  server = createServer((request, response) => {
    if (request.url === '/app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
      return;
    }
    const config = new URL(request.url ?? '/', 'http://page').searchParams.get('config') ?? '{}';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><meta charset="utf-8"><script id="config" type="application/json">${config.replaceAll('<', '\\u003c')}</script><ul id="events"></ul><pre id="error"></pre><script type="module" src="/app.js"></script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rt?.close();
});

describe('@hiring/sdk subscribe in a browser', () => {
  it('receives the moves of the job it subscribed to, and not another job’s', async () => {
    // The bundle is the SDK's browser build: no Node module in it.
    expect(script).not.toMatch(/require\(["']ws["']\)|node:/);
    const company = await rt.hiring.aCompany();
    const [job, other] = [await rt.hiring.aJob(company.id), await rt.hiring.aJob(company.id)];
    const apply = async (jobId: string) =>
      (await rt.hiring.ok<any>('mutation ($j: ID!, $c: ID!) { applyToJob(jobId: $j, candidateId: $c) { id } }', { j: jobId, c: (await rt.hiring.aCandidate()).id })).applyToJob.id as string;
    const [mine, theirs] = [await apply(job.id), await apply(other.id)];

    const config = JSON.stringify({ url: rt.gateway.url, token: rt.hiring.tokenFor(['recruiters']), jobId: job.id });
    await page.goto(`${origin}/?config=${encodeURIComponent(config)}`);
    await expect.poll(async () => (await rt.realtime.store.subscriptions(`onApplicationMoved#jobId=${job.id}`)).length, { timeout: 30_000 }).toBe(1);

    const move = print(MoveApplicationDocument);
    await rt.hiring.ok(move, { id: theirs, stage: 'SCREEN', expectedVersion: 1 });
    await rt.hiring.ok(move, { id: mine, stage: 'SCREEN', expectedVersion: 1 });
    await rt.hiring.ok(move, { id: mine, stage: 'INTERVIEW', expectedVersion: 2 });
    const events = () => page.locator('#events li').allTextContents();
    await expect.poll(events, { timeout: 30_000 }).toEqual([`${mine} SCREEN 2`, `${mine} INTERVIEW 3`]);
    expect(await page.locator('#error').textContent()).toBe('');
    expect(problems).toEqual([]);
  }, 120_000);
});
