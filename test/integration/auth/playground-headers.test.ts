// The playground page pre-fills GraphiQL's header editor only where the stage sets PLAYGROUND_HEADERS (the local stack).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { servePlayground } from '../../../src/http/playground';
import { httpApiEvent } from '@appsync-lambda/test-support';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'playground-headers-'));
  // The real template, as the build copies it (asset names do not matter here).
  writeFileSync(join(dir, 'index.html'), readFileSync('playground/index.html'));
  const previous = process.env.PLAYGROUND_DIR;
  process.env.PLAYGROUND_DIR = dir;
  return () => {
    if (previous === undefined) delete process.env.PLAYGROUND_DIR;
    else process.env.PLAYGROUND_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
});
afterEach(() => {
  delete process.env.PLAYGROUND_HEADERS;
});

const page = async () => String((await servePlayground(httpApiEvent({ method: 'GET', headers: { accept: 'text/html' } })))?.body);
const meta = (html: string) => /<meta name="playground-default-headers" content="([^"]*)" \/>/.exec(html)?.[1];

describe('servePlayground: default headers', () => {
  it('leaves the header editor empty when the stage sets nothing', async () => {
    expect(meta(await page())).toBe('');
  });

  it('pre-fills the local stage headers, escaped for the attribute', async () => {
    process.env.PLAYGROUND_HEADERS = JSON.stringify({ Authorization: 'eyJ"<tok>' });
    const content = meta(await page());
    expect(content).toContain('&quot;Authorization&quot;: &quot;eyJ\\&quot;&lt;tok&gt;&quot;');
  });

  it('ignores a value that is not a JSON object', async () => {
    process.env.PLAYGROUND_HEADERS = '"just a string"';
    expect(meta(await page())).toBe('');
  });
});
