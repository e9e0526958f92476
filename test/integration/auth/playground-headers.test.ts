// The playground page pre-fills GraphiQL's header editor only where the stage gives it headers (the local stack's PLAYGROUND_HEADERS).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlayground } from '../../../src/http/playground';
import { httpApiEvent } from '@appsync-lambda/test-support';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'playground-headers-'));
  // The real template, as the build copies it (asset names do not matter here).
  writeFileSync(join(dir, 'index.html'), readFileSync('playground/index.html'));
  return () => rmSync(dir, { recursive: true, force: true });
});

const page = async (headers?: Record<string, unknown>) =>
  String((await createPlayground({ dir, headers })(httpApiEvent({ method: 'GET', headers: { accept: 'text/html' } })))?.body);
const meta = (html: string) => /<meta name="playground-default-headers" content="([^"]*)" \/>/.exec(html)?.[1];

describe('createPlayground: default headers', () => {
  it('leaves the header editor empty when the stage sets nothing', async () => {
    expect(meta(await page())).toBe('');
  });

  it('pre-fills the local stage headers, escaped for the attribute', async () => {
    const content = meta(await page({ Authorization: 'eyJ"<tok>' }));
    expect(content).toContain('&quot;Authorization&quot;: &quot;eyJ\\&quot;&lt;tok&gt;&quot;');
  });
});
