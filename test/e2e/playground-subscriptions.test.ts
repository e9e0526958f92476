// The playground runs a subscription in a real headless browser: GraphiQL's fetcher opens the
// WebSocket API (graphql-ws) with the header editor's credentials and shows each event as it comes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePlayground } from '../../scripts/build-playground';
import { createPlayground } from '../../src/http/playground';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { startLocalHttpApi, type LocalHttpApi } from '../helpers/http-server';
import { createRealtimeApi, type RealtimeApi } from '../helpers/realtime';

let rt: RealtimeApi;
let server: LocalHttpApi;
let browser: TestBrowser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  await ensurePlayground();
  rt = await createRealtimeApi();
  // What serverless.yml sets: the stage's WebSocket API, and (local stage) a signed-in header; the
  // playground answers first, as the API's own route does, and everything else goes to the API.
  const playground = createPlayground({ subscriptionUrl: rt.gateway.url, headers: { Authorization: rt.hiring.tokenFor(['recruiters']) } });
  server = await startLocalHttpApi(async (event) => (await playground(event)) ?? rt.hiring.api.invoke(event));
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rt?.close();
});

const editorText = (selector: string) =>
  page.locator(`${selector} .view-lines`).first().evaluate((element) => (element.textContent ?? '').replaceAll('\u00a0', ' '));

describe('the GraphQL playground: subscriptions', () => {
  it('subscribes over the WebSocket API with the header editor\'s token and shows a move as it happens', async () => {
    const company = await rt.hiring.aCompany();
    const job = await rt.hiring.aJob(company.id);
    const candidate = await rt.hiring.aCandidate();
    const { applyToJob } = await rt.hiring.ok<any>('mutation ($j: ID!, $c: ID!) { applyToJob(jobId: $j, candidateId: $c) { id } }', { j: job.id, c: candidate.id });

    const response = await page.goto(`${server.origin}/graphql`);
    expect(response?.headers()['content-security-policy']).toContain(`connect-src 'self' ${rt.gateway.url}`);
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-response .monaco-editor').waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-query-editor .monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(`subscription { onApplicationMoved(jobId: "${job.id}") { id stage version } }`);
    await expect.poll(() => editorText('.graphiql-query-editor'), { timeout: 10_000 }).toContain('onApplicationMoved');
    await page.locator('.graphiql-execute-button:not([aria-haspopup])').click();

    await expect.poll(async () => (await rt.realtime.store.subscriptions(`onApplicationMoved#jobId=${job.id}`)).length, { timeout: 30_000 }).toBe(1);
    await rt.hiring.ok('mutation ($id: ID!) { moveApplication(id: $id, stage: SCREEN, expectedVersion: 1) { id jobId stage version } }', { id: applyToJob.id });
    await expect.poll(() => editorText('.graphiql-response'), { timeout: 30_000 }).toContain('"stage": "SCREEN"');
    expect(await editorText('.graphiql-response')).toContain(`"id": "${applyToJob.id}"`);
    expect(problems).toEqual([]);
  }, 120_000);
});
