/**
 * A proxy between the bundle and DynamoDB Local that asks for every call's consumed capacity
 * (`ReturnConsumedCapacity: TOTAL` added to the request body; DynamoDB Local does not check
 * signatures) and records, per call, its operation, wall-clock times and the units consumed.
 */
import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unitsOf, type ConsumedCapacity } from '@appsync-lambda/dynamodb-local';

export interface ProxiedCall {
  operation: string;
  /** performance.timeOrigin + performance.now(): comparable across processes on this machine. */
  start: number;
  end: number;
  readUnits: number;
  writeUnits: number;
}

const now = () => performance.timeOrigin + performance.now();

export async function startCapacityProxy(upstream: string): Promise<{ endpoint: string; calls: ProxiedCall[]; close(): Promise<void> }> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  const calls: ProxiedCall[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      const start = now();
      const body = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'), ReturnConsumedCapacity: 'TOTAL' }));
      const headers = { ...req.headers, 'content-length': String(body.length) };
      const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          const payload = Buffer.concat(parts);
          let consumed: ConsumedCapacity | ConsumedCapacity[] | undefined;
          try {
            consumed = (JSON.parse(payload.toString('utf8')) as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
          } catch {
            consumed = undefined;
          }
          calls.push({ operation, start, end: now(), ...unitsOf(operation, consumed) });
          res.writeHead(answer.statusCode ?? 500, { ...answer.headers, 'content-length': String(payload.length) });
          res.end(payload);
        });
      });
      forward.on('error', (error) => res.destroy(error));
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => (agent.destroy(), resolve()))),
  };
}
