/**
 * The GraphQL playground served by the API itself (GraphiQL, bundled by
 * scripts/build-playground.ts): a browser's GET of the endpoint gets the page, and
 * `GET <endpoint>/playground/<file>` its pre-gzipped, content-hashed script and stylesheet, and
 * `GET /` redirects to the endpoint.
 *
 * The files are read from disk on the first playground request, never at cold start, and the
 * assets then kept in memory. Settings come from the configuration (src/config/playground.ts).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { eventHeader, jsonError, type HttpApiRoute } from '@appsync-lambda/engine';

export interface PlaygroundSettings {
  /** The built playground (scripts/build-playground.ts); dist/playground in the working directory (on Lambda, the function root) by default. */
  dir?: string;
  /** Headers pre-filled in GraphiQL's header editor (the local stage: the local admin's token). */
  headers?: Record<string, unknown>;
  /** The subscriptions endpoint the page's fetcher opens (the stage's WebSocket API), a ws:// or wss:// URL. */
  subscriptionUrl?: string;
}

const assetPath = /\/playground\/([^/]*)$/;
const assetName = /^[\w-]+\.(js|css)$/;
const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** Only a plain ws(s) URL may go into the content security policy; anything else is left out. */
const wsUrl = (url: string | undefined) => (url && /^wss?:\/\/[^\s"';<>]+$/.test(url) ? url : '');

/** The page disallows everything but this origin, the subscriptions endpoint (and the blob URLs of Monaco's workers). */
const contentSecurityPolicy = (subscriptions: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    'worker-src blob:',
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    subscriptions ? `connect-src 'self' ${subscriptions}` : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

const assets = new Map<string, Promise<Buffer | undefined>>();

function readAsset(path: string): Promise<Buffer | undefined> {
  let asset = assets.get(path);
  if (!asset) {
    asset = readFile(path).catch(() => undefined);
    assets.set(path, asset);
    // A missing file is looked up again next time (the build may land later, as in development).
    void asset.then((content) => content ?? assets.delete(path));
  }
  return asset;
}

/** A missing file gets the same JSON error shape as every other error, so clients handle it alike. */
const notFound = (message: string) => jsonError(404, message, 'NotFound', 'NOT_FOUND');

const htmlAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function servePage(event: APIGatewayProxyEventV2, { dir, headers, subscriptionUrl }: PlaygroundSettings & { dir: string }): Promise<APIGatewayProxyStructuredResultV2> {
  // Read each time (it is tiny): after a rebuild it names the new assets.
  const template = await readFile(join(dir, 'index.html')).catch(() => undefined);
  if (!template) return notFound('The GraphQL playground is not built in this deployment.');
  // Relative to the page, so the assets resolve behind any stage or base-path prefix.
  const endpoint = (event.rawPath ?? '').split('/').pop() ?? '';
  const assetBase = endpoint ? `${endpoint}/playground/` : 'playground/';
  const subscriptions = wsUrl(subscriptionUrl);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-security-policy': contentSecurityPolicy(subscriptions),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
    body: template
      .toString('utf8')
      .replaceAll('%ASSET_BASE%', assetBase)
      .replaceAll('%DEFAULT_HEADERS%', htmlAttribute(headers ? JSON.stringify(headers, null, 2) : ''))
      .replaceAll('%SUBSCRIPTION_URL%', htmlAttribute(subscriptions)),
  };
}

async function serveAsset(event: APIGatewayProxyEventV2, name: string, dir: string): Promise<APIGatewayProxyStructuredResultV2> {
  const extension = assetName.exec(name)?.[1];
  const content = extension ? await readAsset(join(dir, `${name}.gz`)) : undefined;
  if (!extension || !content) return notFound(`No playground file named '${name}'.`);
  // File names carry their content hash, so the name is a strong validator and never changes.
  const etag = `"${name}"`;
  const headers = {
    'content-type': contentTypes[extension]!,
    'content-encoding': 'gzip',
    'cache-control': 'public, max-age=31536000, immutable',
    etag,
    'x-content-type-options': 'nosniff',
  };
  if (eventHeader(event, 'if-none-match') === etag) return { statusCode: 304, headers };
  return { statusCode: 200, headers, isBase64Encoded: true, body: content.toString('base64') };
}

/** The API's root: a redirect to the endpoint, so opening the bare host lands in the playground. */
const redirectToEndpoint = (): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 302,
  // Relative, so it resolves behind any host, stage or base-path prefix.
  headers: { location: 'graphql', 'cache-control': 'no-cache' },
  body: '',
});

/**
 * The playground as a route of the HTTP API handler: answers playground requests and leaves every
 * other request (undefined) to Apollo. A GET of the root redirects to the endpoint; a GET that accepts HTML and carries no `query` parameter is
 * a browser opening the endpoint; GraphQL over GET keeps working.
 */
export function createPlayground(settings: PlaygroundSettings): HttpApiRoute {
  const dir = resolve(settings.dir ?? 'dist/playground');
  return async (event) => {
    if (event.requestContext?.http?.method !== 'GET') return undefined;
    if (event.rawPath === '/') return redirectToEndpoint();
    const asset = assetPath.exec(event.rawPath ?? '');
    if (asset) return serveAsset(event, asset[1]!, dir);
    if (!(eventHeader(event, 'accept') ?? '').includes('text/html') || event.queryStringParameters?.query !== undefined) return undefined;
    return servePage(event, { ...settings, dir });
  };
}
