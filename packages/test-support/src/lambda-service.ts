/**
 * A stand-in for the Lambda service on 127.0.0.1: a node:http server speaking the Invoke API's wire
 * protocol (`POST /2015-03-31/functions/{name}/invocations`, `X-Amz-Invocation-Type`, the
 * `X-Amz-Function-Error` header and `{ errorType, errorMessage, trace }` body of a failed function,
 * 202 for `Event`, Lambda's JSON errors with `x-amzn-ErrorType` for unknown functions and throttling).
 * The engine reaches it through the real `@aws-sdk/client-lambda` client (`endpoint`), so requests
 * are signed, serialised and parsed as against AWS. Functions are handlers run in this process.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLambdaInvoker, type LambdaInvoker } from '@appsync-lambda/engine';

export type TestFunction = (event: any) => unknown;

/** How the service answers a call instead of running the function. */
export type ServiceFault = 'throttle' | 'reset' | 'garbage' | 'server-error';

export interface InvokeRecord {
  functionName: string;
  invocationType: string;
  event: unknown;
}

export interface LambdaService {
  endpoint: string;
  /** Every call received, in order. */
  calls: InvokeRecord[];
  /** Resolves when a client next drops a call of `functionName` before its answer (an aborted call). */
  abandoned(functionName: string): Promise<void>;
  /** Makes the next calls of `functionName` fail at the service (undefined: run it again). */
  fault(functionName: string, fault: ServiceFault | undefined): void;
  /** The engine's Lambda client pointed at this service, one attempt per call unless told. */
  invoker(options?: { maxAttempts?: number; requestTimeoutMs?: number }): LambdaInvoker;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), ...headers });
  response.end(body);
}

export async function startLambdaService(functions: Record<string, TestFunction>): Promise<LambdaService> {
  const calls: InvokeRecord[] = [];
  const faults = new Map<string, ServiceFault>();
  const dropped = new EventEmitter();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(new URL(request.url ?? '/', 'http://local').pathname);
        if (request.method !== 'POST' || !match) return send(response, 404, JSON.stringify({ message: 'Unknown operation' }), { 'x-amzn-errortype': 'UnknownOperationException' });
        const functionName = decodeURIComponent(match[1]!);
        const invocationType = String(request.headers['x-amz-invocation-type'] ?? 'RequestResponse');
        const text = Buffer.concat(chunks).toString('utf8');
        const event: unknown = text === '' ? null : JSON.parse(text);
        calls.push({ functionName, invocationType, event });
        response.on('close', () => {
          if (!response.writableEnded) dropped.emit(functionName);
        });
        const handler = functions[functionName];
        if (!handler) {
          const message = `Function not found: arn:aws:lambda:local:000000000000:function:${functionName}`;
          return send(response, 404, JSON.stringify({ Type: 'User', Message: message }), { 'x-amzn-errortype': 'ResourceNotFoundException' });
        }
        const fault = faults.get(functionName);
        if (fault === 'throttle') return send(response, 429, JSON.stringify({ Type: 'User', message: 'Rate Exceeded.', Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' }), { 'x-amzn-errortype': 'TooManyRequestsException' });
        if (fault === 'server-error') return send(response, 500, JSON.stringify({ Type: 'Service', Message: 'internal error at 10.0.0.1' }), { 'x-amzn-errortype': 'ServiceException' });
        if (fault === 'reset') return request.socket.destroy();
        if (fault === 'garbage') return send(response, 200, '<html>not json', { 'x-amz-executed-version': '$LATEST' });
        if (invocationType === 'Event') {
          void Promise.resolve().then(() => handler(event)).catch(() => undefined);
          return send(response, 202, '');
        }
        try {
          const result = await handler(event);
          send(response, 200, JSON.stringify(result ?? null), { 'x-amz-executed-version': '$LATEST' });
        } catch (thrown) {
          // What the Node.js Lambda runtime reports for an error thrown by a handler.
          const error = thrown instanceof Error ? thrown : new Error(String(thrown));
          const body = { errorType: error.name, errorMessage: error.message, trace: (error.stack ?? '').split('\n') };
          send(response, 200, JSON.stringify(body), { 'x-amz-function-error': 'Unhandled', 'x-amz-executed-version': '$LATEST' });
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    calls,
    abandoned: (functionName) => new Promise<void>((resolve) => dropped.once(functionName, () => resolve())),
    fault: (functionName, fault) => (fault ? faults.set(functionName, fault) : faults.delete(functionName)),
    invoker: ({ maxAttempts = 1, requestTimeoutMs = 5_000 } = {}) =>
      createLambdaInvoker({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, connectTimeoutMs: 1_000, requestTimeoutMs, maxAttempts }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
