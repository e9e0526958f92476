/**
 * API Gateway's WebSocket API, as far as the function sees it, on a local port: a WebSocket
 * endpoint that turns connections and messages into `$connect`, `$default` and `$disconnect`
 * events for the real handler, and the Management API (`POST`/`DELETE /<stage>/@connections/<id>`)
 * that the real `@aws-sdk/client-apigatewaymanagementapi` client calls, answering 410 GoneException
 * for a connection that is not there. Messages of one connection reach the handler one at a time.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export type WebSocketEventHandler = (event: Record<string, any>) => Promise<any>;

export interface WebSocketGateway {
  /** ws://127.0.0.1:<port>: where clients connect. */
  url: string;
  /** The Management API endpoint of the stage (REALTIME_ENDPOINT). */
  endpoint: string;
  /** Management API calls received, by kind. */
  calls: { post: number; delete: number; gone: number };
  /** Open connections' ids, oldest first. */
  connectionIds(): string[];
  /** Ends a connection the way a lost network does: no `$disconnect` reaches the function. */
  drop(connectionId: string): void;
  /** Resolves once every event handed to the handler so far has been handled. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const STAGE = 'local';

export async function startWebSocketGateway(handler: WebSocketEventHandler): Promise<WebSocketGateway> {
  const sockets = new Map<string, WebSocket>();
  const dropped = new Set<string>();
  const protocols = new WeakMap<IncomingMessage, string>();
  const inFlight = new Set<Promise<unknown>>();
  const calls = { post: 0, delete: 0, gone: 0 };
  let port = 0;

  const event = (routeKey: string, connectionId: string, extra: Record<string, unknown> = {}) => ({
    requestContext: {
      routeKey,
      eventType: routeKey === '$connect' ? 'CONNECT' : routeKey === '$disconnect' ? 'DISCONNECT' : 'MESSAGE',
      connectionId,
      domainName: `127.0.0.1:${port}`,
      stage: STAGE,
      apiId: 'local',
      requestId: randomBytes(8).toString('hex'),
      identity: { sourceIp: '127.0.0.1' },
      connectedAt: Date.now(),
      requestTimeEpoch: Date.now(),
    },
    isBase64Encoded: false,
    ...extra,
  });
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  };

  const wss = new WebSocketServer({ noServer: true, handleProtocols: (_offered, request) => protocols.get(request) ?? false });

  const server = createServer((request, response) => {
    const match = /^\/([^/]+)\/@connections\/([^/?]+)/.exec(request.url ?? '');
    const socket = match ? sockets.get(decodeURIComponent(match[2]!)) : undefined;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (!match) return void response.writeHead(404).end();
      if (request.method === 'POST') calls.post += 1;
      if (request.method === 'DELETE') calls.delete += 1;
      if (!socket) {
        calls.gone += 1;
        response.writeHead(410, { 'content-type': 'application/json', 'x-amzn-errortype': 'GoneException' }).end(JSON.stringify({ message: 'Gone' }));
        return;
      }
      if (request.method === 'POST') socket.send(Buffer.concat(chunks).toString());
      else if (request.method === 'DELETE') socket.close(1000);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });

  server.on('upgrade', (request, socket, head) => {
    const connectionId = randomBytes(9).toString('base64url');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[name] = value;
    // API Gateway passes the header with the client's casing; the handler must not rely on either.
    if (headers['sec-websocket-protocol']) headers['Sec-WebSocket-Protocol'] = headers['sec-websocket-protocol'];
    void track(handler(event('$connect', connectionId, { headers }))).then(
      (result: { statusCode?: number; headers?: Record<string, string> } | undefined) => {
        if (result?.statusCode !== 200) {
          socket.end(`HTTP/1.1 ${result?.statusCode ?? 500} Refused\r\nconnection: close\r\n\r\n`);
          return;
        }
        const chosen = result.headers?.['Sec-WebSocket-Protocol'];
        if (chosen) protocols.set(request, chosen);
        wss.handleUpgrade(request, socket, head, (ws) => {
          sockets.set(connectionId, ws);
          let queue: Promise<unknown> = Promise.resolve();
          ws.on('message', (data) => {
            queue = track(queue.then(() => handler(event('$default', connectionId, { body: data.toString() }))));
          });
          ws.on('close', () => {
            sockets.delete(connectionId);
            if (dropped.has(connectionId)) return;
            queue = track(queue.then(() => handler(event('$disconnect', connectionId))));
          });
        });
      },
      () => socket.destroy(),
    );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  return {
    url: `ws://127.0.0.1:${port}`,
    endpoint: `http://127.0.0.1:${port}/${STAGE}`,
    calls,
    connectionIds: () => [...sockets.keys()],
    drop(connectionId) {
      dropped.add(connectionId);
      sockets.get(connectionId)?.terminate();
      sockets.delete(connectionId);
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      for (const socket of sockets.values()) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
    },
  };
}
