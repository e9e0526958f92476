/**
 * An HTTP proxy between the DynamoDB client and DynamoDB Local that injects the faults a real
 * network and a real service produce, so the handler's behaviour under them runs end to end.
 *
 * ```ts
 * const proxy = await startFaultProxy({ target: db.endpoint });
 * // point a DynamoDB client at proxy.endpoint, then:
 * await proxy.setMode('blackhole');                 // every request from now on
 * await proxy.setMode(({ operation, index }) =>     // or per request
 *   operation === 'GetItem' && index % 2 === 0 ? 'throttle' : 'pass');
 * proxy.counters;                                   // { connections, requests, byOperation, byMode }
 * await proxy.close();
 * ```
 *
 * Modes (per request unless said otherwise):
 * - `pass`: forward to the target and relay its answer.
 * - `refuse`: the port stops listening, so connections are refused (ECONNREFUSED). Open
 *   connections are closed, so a client's pooled connection may first fail with a reset. Whole-proxy
 *   only: set it directly, not from a chooser (a chooser's `refuse` resets instead).
 * - `reset`: the connection is reset as soon as the request has arrived (ECONNRESET).
 * - `blackhole`: the request is accepted and never answered (the connection stays open).
 * - `{ delay: ms }`: forwarded after `ms` milliseconds.
 * - `{ status, body?, headers? }`: answered with that HTTP response, the target never sees it
 *   (`{ status: 503, body: '<html>…' }` is an upstream 5xx).
 * - `throttle`: DynamoDB's 400 ThrottlingException.
 * - `garbage`: HTTP 200 whose body is not JSON (a "Deserialization error" in the SDK).
 * - `lose-response`: forwarded (the target does the work), then the connection is reset instead
 *   of relaying the answer: a write that committed but whose response was lost.
 * - `{ dynamodbError: name, message?, extra? }`: a 400 with DynamoDB's JSON error body
 *   (`__type` = name, plus `extra` fields such as `CancellationReasons`).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultMode =
  | 'pass'
  | 'refuse'
  | 'reset'
  | 'blackhole'
  | 'throttle'
  | 'garbage'
  | 'lose-response'
  | { delay: number }
  | { status: number; body?: string; headers?: Record<string, string> }
  | { dynamodbError: string; message?: string; extra?: Record<string, unknown> };

/** What a chooser sees of each request. */
export interface ProxiedRequest {
  /** DynamoDB's operation, from the X-Amz-Target header (`GetItem`, `TransactWriteItems`, ...). */
  operation: string;
  /** The JSON request body, as sent. */
  body: string;
  /** 0-based position of this request among all the proxy has received. */
  index: number;
}

export type FaultChooser = (request: ProxiedRequest) => FaultMode;

export interface ProxyCounters {
  connections: number;
  requests: number;
  byOperation: Record<string, number>;
  /** Requests by the mode applied to them (`pass`, `reset`, `status:503`, `dynamodbError:X`, ...). */
  byMode: Record<string, number>;
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: give it to the DynamoDB client as its endpoint. */
  readonly endpoint: string;
  readonly counters: ProxyCounters;
  /** Applies from the next request on; resolves once a change to or from `refuse` has taken effect. */
  setMode(mode: FaultMode | FaultChooser): Promise<void>;
  /** Stops listening and destroys every open connection (blackholed ones included). */
  close(): Promise<void>;
}

function modeName(mode: FaultMode): string {
  if (typeof mode === 'string') return mode;
  if ('delay' in mode) return 'delay';
  if ('status' in mode) return `status:${mode.status}`;
  return `dynamodbError:${mode.dynamodbError}`;
}

function dynamodbError(response: ServerResponse, name: string, message: string, extra: Record<string, unknown> = {}): void {
  const body = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${name}`, message, ...extra });
  response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'PROXY-REQUEST-ID' }).end(body);
}

export async function startFaultProxy({ target }: { target: string }): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  const sockets = new Set<Socket>();
  const counters: ProxyCounters = { connections: 0, requests: 0, byOperation: {}, byMode: {} };
  let choose: FaultChooser = () => 'pass';
  let listening = false;

  const forward = (incoming: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const outgoing = httpRequest(
        { host: targetUrl.hostname, port: targetUrl.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
          answer.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  async function handle(incoming: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
    const index = counters.requests;
    counters.requests += 1;
    const operation = String(incoming.headers['x-amz-target'] ?? '').split('.').pop() || 'unknown';
    counters.byOperation[operation] = (counters.byOperation[operation] ?? 0) + 1;
    const mode = choose({ operation, body: body.toString('utf8'), index });
    counters.byMode[modeName(mode)] = (counters.byMode[modeName(mode)] ?? 0) + 1;
    const socket = incoming.socket;
    if (mode === 'refuse' || mode === 'reset') return void socket.resetAndDestroy();
    if (mode === 'blackhole') return;
    if (mode === 'throttle') return dynamodbError(response, 'ThrottlingException', 'Rate of requests exceeds the allowed throughput.');
    if (mode === 'garbage') {
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('<html><body>not json {');
      return;
    }
    if (typeof mode === 'object' && 'status' in mode) {
      response.writeHead(mode.status, { 'content-type': 'text/html', ...mode.headers }).end(mode.body ?? `<html><body>${mode.status} upstream failure</body></html>`);
      return;
    }
    if (typeof mode === 'object' && 'dynamodbError' in mode) return dynamodbError(response, mode.dynamodbError, mode.message ?? mode.dynamodbError, mode.extra);
    if (typeof mode === 'object' && 'delay' in mode) await new Promise((resolve) => setTimeout(resolve, mode.delay));
    const answer = await forward(incoming, body);
    if (mode === 'lose-response') return void socket.resetAndDestroy();
    if (!socket.destroyed) response.writeHead(answer.status, answer.headers).end(answer.body);
  }

  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      handle(incoming, response, Buffer.concat(chunks)).catch(() => incoming.socket.destroy());
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    counters.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        listening = true;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      listening = false;
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });

  await listen(0);
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    counters,
    async setMode(mode) {
      choose = typeof mode === 'function' ? mode : () => mode;
      if (mode === 'refuse' && listening) await stopListening();
      else if (mode !== 'refuse' && !listening) await listen(port);
    },
    async close() {
      if (listening) await stopListening();
    },
  };
}

/** The same as {@link startFaultProxy}, under the short name the reliability suite uses. */
export const start = startFaultProxy;
