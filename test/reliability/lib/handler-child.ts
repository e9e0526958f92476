/**
 * One Lambda container in its own Node process: requires the production bundle (HANDLER_BUNDLE) with
 * the environment it was given, and serves it two ways, each call getting a fresh Lambda context
 * with a deadline of LAMBDA_TIMEOUT_MS:
 *
 * - over HTTP (API Gateway HTTP API v2 events, as test/helpers/http-server.ts builds them);
 * - over the IPC channel: `{ id, event }` in, `{ id, result }` out, for events HTTP cannot carry
 *   (bad base64, odd methods).
 *
 * It also answers `{ id, stats: true }` with its peak RSS and heap (after a full GC when Node runs
 * with --expose-gc). Run by Node's own type stripping: no build step.
 */
import { createRequire } from 'node:module';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { startLocalHttpApi } from '../../helpers/http-server.ts';

type Handler = (event: APIGatewayProxyEventV2, context: Context, callback: () => void) => Promise<APIGatewayProxyStructuredResultV2>;

const bundle = process.env.HANDLER_BUNDLE;
if (!bundle || !process.send) throw new Error('handler-child needs HANDLER_BUNDLE and an IPC channel');
const timeoutMs = Number(process.env.LAMBDA_TIMEOUT_MS || 29_000);
const { handler } = createRequire(import.meta.url)(bundle) as { handler: Handler };

let invocations = 0;
function invoke(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const started = Date.now();
  invocations += 1;
  const context = {
    awsRequestId: `reliability-${process.pid}-${invocations}`,
    functionName: 'hiring-api-graphql',
    functionVersion: '$LATEST',
    memoryLimitInMB: '1024',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
  } as unknown as Context;
  return handler(event, context, () => undefined);
}

const send = (message: unknown) => process.send!(message);

process.on('message', (message: { id: number; event?: APIGatewayProxyEventV2; stats?: boolean }) => {
  if (message.stats) {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const memory = process.memoryUsage();
    send({ id: message.id, stats: { maxRssBytes: process.resourceUsage().maxRSS * 1024, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, gcForced: Boolean(gc) } });
    return;
  }
  invoke(message.event!).then(
    (result) => send({ id: message.id, result }),
    (error: unknown) => send({ id: message.id, error: String(error) }),
  );
});
// The parent going away ends the container too.
process.on('disconnect', () => process.exit(0));

const api = await startLocalHttpApi(invoke);
send({ ready: api.origin });
