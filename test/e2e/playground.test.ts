import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePlayground } from '../../scripts/build-playground';
import { createTestApi, type TestApi } from '../helpers/api';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { startLocalHttpApi, type LocalHttpApi } from '../helpers/http-server';

let api: TestApi;
let server: LocalHttpApi;
let browser: TestBrowser;
let page: Page;
const requests: Request[] = [];
const problems: string[] = [];

beforeAll(async () => {
  await ensurePlayground();
  api = await createTestApi();
  server = await startLocalHttpApi(api.invoke);
  browser = await launchBrowser();
  // On the context, so requests of the page's workers are seen too.
  browser.context.on('request', (request) => requests.push(request));
  page = await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The text a Monaco editor shows (it renders spaces as no-break spaces). */
const editorText = (selector: string) =>
  page.locator(`${selector} .view-lines`).first().evaluate((element) => (element.textContent ?? '').replaceAll('\u00a0', ' '));

describe('the GraphQL playground in a browser', () => {
  it('renders GraphiQL with the hiring API tour when a browser opens /graphql', async () => {
    const introspection = page.waitForResponse((response) => response.request().method() === 'POST', { timeout: 60_000 });
    const response = await page.goto(`${server.origin}/graphql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    // GraphiQL runs nothing until both editors are mounted; the schema arrives by introspection.
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-response .monaco-editor').waitFor({ timeout: 60_000 });
    expect((await (await introspection).json()).data.__schema.queryType).toEqual({ name: 'Query', kind: 'OBJECT' });
    await expect.poll(() => editorText('.graphiql-query-editor'), { timeout: 30_000 }).toContain('mutation CreateCompany');
  }, 120_000);

  it('runs an operation typed into the editor against the API and shows the result', async () => {
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('mutation { createCompany(input: { name: "PlaygroundRobotics" }) { id name } }');
    await expect.poll(() => editorText('.graphiql-query-editor'), { timeout: 10_000 }).toContain('PlaygroundRobotics');
    // Until GraphiQL has parsed the new text, the button still offers the tour's three
    // operations as a menu; once it is a plain button, a click runs the one operation.
    await page.locator('.graphiql-execute-button:not([aria-haspopup])').click();

    await expect.poll(() => editorText('.graphiql-response'), { timeout: 30_000 }).toContain('"name": "PlaygroundRobotics"');
    const id = /"id": "([^"]+)"/.exec(await editorText('.graphiql-response'))?.[1];
    expect(id).toBeDefined();
    // The company really was written through the API the page talks to.
    const read = await api.graphql('query ($id: ID!) { company(id: $id) { name } }', { id });
    expect(read.body).toEqual({ data: { company: { name: 'PlaygroundRobotics' } } });
  }, 60_000);

  it('validates the operation against the schema in its GraphQL web worker', async () => {
    await page.locator('.graphiql-query-editor .monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('{ company(id: "1") { name noSuchField } }');
    await page.locator('.graphiql-query-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.graphiql-query-editor .squiggly-error').count()).toBe(1);
  }, 60_000);

  it('shows the schema in its docs explorer, Query fields included', async () => {
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const explorer = page.locator('.graphiql-doc-explorer');
    await explorer.getByText('Query', { exact: true }).first().click();
    await expect.poll(() => explorer.textContent(), { timeout: 30_000 }).toContain('jobsByCompany');
  }, 60_000);

  it('posts its operations as JSON to the URL it was served from', () => {
    const posts = requests.filter((request) => request.method() === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(post.url()).toBe(`${server.origin}/graphql`);
      expect(post.headers()['content-type']).toBe('application/json');
    }
  });

  it('sends no request to any host but the API, and breaks no content security rule', () => {
    expect(requests.length).toBeGreaterThan(3);
    const elsewhere = requests.map((request) => request.url()).filter((url) => !url.startsWith(`${server.origin}/`) && !/^(blob|data):/.test(url));
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });
});
